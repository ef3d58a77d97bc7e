/**
 * Terraform's platform names (`<os>_<arch>`): this machine's, and that of a Node binary read from its header, so a
 * release for another platform needs only that platform's `node` executable.
 */
import { closeSync, openSync, readSync } from "node:fs";

const NODE_ARCH: Readonly<Record<string, string>> = { x64: "amd64", arm64: "arm64", ia32: "386", arm: "arm" };

/** This machine, e.g. linux_amd64. */
export function hostPlatform(): string {
  return `${process.platform}_${NODE_ARCH[process.arch] ?? process.arch}`;
}

const ELF_MACHINE: Readonly<Record<number, string>> = { 0x03: "386", 0x28: "arm", 0x3e: "amd64", 0xb7: "arm64" };
const ELF_OS: Readonly<Record<number, string>> = { 0: "linux", 3: "linux", 9: "freebsd" };
const MACHO_CPU: Readonly<Record<number, string>> = { 0x01000007: "amd64", 0x0100000c: "arm64" };
const PE_MACHINE: Readonly<Record<number, string>> = { 0x014c: "386", 0x8664: "amd64", 0xaa64: "arm64" };

function readHead(file: string, length: number): Buffer {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(length);
    const n = readSync(fd, head, 0, length, 0);
    return head.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The platform an executable was built for (ELF, thin Mach-O or PE), or an error saying what it is not. */
export function executablePlatform(file: string): string {
  const head = readHead(file, 4096);
  const fail = (why: string): never => {
    throw new Error(`${file} is not a Node executable vaultbridge can package: ${why}.`);
  };
  if (head.length >= 20 && head.readUInt32BE(0) === 0x7f454c46) {
    const little = head[5] === 1;
    const machine = little ? head.readUInt16LE(18) : head.readUInt16BE(18);
    const os = ELF_OS[head[7]];
    const arch = ELF_MACHINE[machine];
    if (!os || !arch) fail(`ELF for OS ABI ${head[7]}, machine 0x${machine.toString(16)}`);
    return `${os}_${arch}`;
  }
  if (head.length >= 8 && head.readUInt32LE(0) === 0xfeedfacf) {
    const arch = MACHO_CPU[head.readUInt32LE(4)];
    if (!arch) fail(`Mach-O for CPU 0x${head.readUInt32LE(4).toString(16)}`);
    return `darwin_${arch}`;
  }
  if (head.length >= 0x40 && head.toString("latin1", 0, 2) === "MZ") {
    const pe = head.readUInt32LE(0x3c);
    if (pe + 6 > head.length || head.toString("latin1", pe, pe + 4) !== "PE\0\0") fail("an MZ file without a PE header");
    const arch = PE_MACHINE[head.readUInt16LE(pe + 4)];
    if (!arch) fail(`PE for machine 0x${head.readUInt16LE(pe + 4).toString(16)}`);
    return `windows_${arch}`;
  }
  return fail("not ELF, a single-architecture Mach-O or PE");
}
