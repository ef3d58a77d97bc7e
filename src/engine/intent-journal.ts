/**
 * The engine's create intents beside a local state (`terraform.tfstate.intents.json`), kept so that recording one
 * costs the same at 10,000 instances as at 10. The engine is the file's only writer while it holds the state lock,
 * so the live intents are kept in memory and each record is one small positional write that keeps the file a valid
 * JSON object (the format readers have always taken): the closing brace is overwritten by `,"address": {…}\n}\n`.
 * An intent is settled only once a state write holding its instance has finished; settled intents leave the file
 * when it is rewritten, once per state write, with what is still live (or removed, when nothing is).
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { type CreateIntent, parseIntents } from "../core/create-intents";

const CLOSE = "}\n";

export class IntentJournal {
  private live: Map<string, CreateIntent> | null = null;
  /** True once this process wrote the file: then `end` is where its closing brace starts, after `entries` entries. */
  private written = false;
  private end = 0;
  private entries = 0;
  private fd: number | null = null;

  constructor(readonly path: string) {}

  /** Every intent on record, by address. */
  all(): Map<string, CreateIntent> {
    return new Map(this.load());
  }

  /** Records that a create is about to be sent; returns once the entry is in the file. */
  record(address: string, intent: Pick<CreateIntent, "type" | "importId" | "providerKey">): void {
    const stamped: CreateIntent = { ...intent, time: new Date().toISOString(), pid: process.pid };
    this.load().set(address, stamped);
    if (this.written) this.append(address, stamped);
    else this.rewrite();
  }

  /** These creates are recorded in a written state (or created nothing): their intents leave the file now. */
  settle(addresses: Iterable<string>): void {
    const live = this.load();
    let changed = false;
    for (const a of addresses) changed = live.delete(a) || changed;
    if (changed) this.rewrite();
  }

  /** Closes the file appends go to (reopened by the next append). */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private load(): Map<string, CreateIntent> {
    if (this.live) return this.live;
    this.live = existsSync(this.path) ? parseIntents(readFileSync(this.path, "utf8")) : new Map();
    return this.live;
  }

  private append(address: string, intent: CreateIntent): void {
    const text = `${this.entries > 0 ? "," : ""}${line(address, intent)}\n${CLOSE}`;
    this.fd ??= openSync(this.path, "r+");
    writeSync(this.fd, text, this.end);
    this.end += Buffer.byteLength(text) - CLOSE.length;
    this.entries++;
  }

  /** Writes the live intents as a new file (renamed into place: a reader never sees half of it), or removes it. */
  private rewrite(): void {
    this.close();
    const live = this.load();
    if (live.size === 0) {
      rmSync(this.path, { force: true });
      this.written = false;
      return;
    }
    const head = `{\n${[...live].map(([a, i]) => line(a, i)).join("\n,")}\n`;
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, head + CLOSE, { mode: 0o600 });
    renameSync(tmp, this.path);
    this.written = true;
    this.end = Buffer.byteLength(head);
    this.entries = live.size;
  }
}

function line(address: string, intent: CreateIntent): string {
  return `${JSON.stringify(address)}: ${JSON.stringify(intent)}`;
}
