/**
 * The plugin's own TLS identity for go-plugin's AutoMTLS: a fresh P-256 key and a self-signed certificate per
 * launch, valid for `localhost` (Terraform checks the SAN, not the CN) with serverAuth and clientAuth usages.
 */
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { bitString, bool, explicit, implicit, integer, octetString, oid, sequence, set, utcTime, utf8String } from "./der";

export interface PluginCertificate {
  /** DER bytes (the handshake line carries them base64-encoded, unpadded). */
  readonly der: Buffer;
  readonly certPem: string;
  readonly keyPem: string;
}

const OID = {
  ecPublicKey: "1.2.840.10045.2.1",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  commonName: "2.5.4.3",
  organization: "2.5.4.10",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  basicConstraints: "2.5.29.19",
  subjectAltName: "2.5.29.17",
  serverAuth: "1.3.6.1.5.5.7.3.1",
  clientAuth: "1.3.6.1.5.5.7.3.2",
} as const;

export function createPluginCertificate(now = new Date()): PluginCertificate {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const name = sequence(
    set(sequence(oid(OID.organization), utf8String("HashiCorp"))),
    set(sequence(oid(OID.commonName), utf8String("localhost"))),
  );
  const algorithm = sequence(oid(OID.ecdsaWithSha256));
  const notBefore = new Date(now.getTime() - 30_000);
  const notAfter = new Date(now.getTime() + 30 * 24 * 3600 * 1000);
  const extensions = sequence(
    // keyUsage (critical): digitalSignature, keyEncipherment, keyCertSign → bits 0, 2, 5 = 0b10100100.
    sequence(oid(OID.keyUsage), bool(true), octetString(bitString(Buffer.from([0xa4]), 2))),
    sequence(oid(OID.extKeyUsage), octetString(sequence(oid(OID.clientAuth), oid(OID.serverAuth)))),
    sequence(oid(OID.basicConstraints), bool(true), octetString(sequence(bool(true)))),
    sequence(oid(OID.subjectAltName), octetString(sequence(implicit(2, Buffer.from("localhost", "ascii"))))),
  );
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(randomBytes(16)),
    algorithm,
    name,
    sequence(utcTime(notBefore), utcTime(notAfter)),
    name,
    publicKey.export({ type: "spki", format: "der" }),
    explicit(3, extensions),
  );
  const signature = sign("sha256", tbs, privateKey);
  const der = sequence(tbs, algorithm, bitString(signature));
  return {
    der,
    certPem: toPem("CERTIFICATE", der),
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

function toPem(label: string, der: Buffer): string {
  const b64 = der.toString("base64").replace(/.{64}/g, "$&\n");
  return `-----BEGIN ${label}-----\n${b64}${b64.endsWith("\n") ? "" : "\n"}-----END ${label}-----\n`;
}
