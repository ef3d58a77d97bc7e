/**
 * The engine's create intents beside a local state (src/engine/intent-journal.ts): appended in place one entry at a
 * time, the file stays the JSON object every reader has taken; a kill in the middle of an append costs only the
 * torn entry; settled intents leave the file, which goes with the last of them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateIntents } from "../../src/core/create-intents";
import { IntentJournal } from "../../src/engine/intent-journal";

const HEROKU = "infisical_app_connection_heroku";
let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "journal-"));
  path = join(dir, "terraform.tfstate.intents.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const intent = (i: number) => ({ type: HEROKU, providerKey: "infisical", importId: `c-${i}` });

test("appended entries keep the file one JSON object, read as before by CreateIntents", () => {
  const journal = new IntentJournal(path);
  for (let i = 0; i < 50; i++) journal.record(`${HEROKU}.c[${i}]`, intent(i));
  journal.close();
  const parsed = JSON.parse(readFileSync(path, "utf8")) as Record<string, { importId: string; pid: number }>;
  expect(Object.keys(parsed)).toHaveLength(50);
  expect(parsed[`${HEROKU}.c[49]`]).toEqual(expect.objectContaining({ importId: "c-49", pid: process.pid }));
  expect(new CreateIntents(path).all().size).toBe(50);
});

test("an earlier file's intents stay live; settling rewrites the file with what is left, and the last removes it", () => {
  writeFileSync(path, JSON.stringify({ [`${HEROKU}.old`]: intent(0) }, null, 2));
  const journal = new IntentJournal(path);
  journal.record(`${HEROKU}.c[1]`, intent(1));
  journal.record(`${HEROKU}.c[2]`, intent(2));
  journal.settle([`${HEROKU}.c[1]`]);
  journal.record(`${HEROKU}.c[3]`, intent(3));
  expect([...new IntentJournal(path).all().keys()]).toEqual([`${HEROKU}.old`, `${HEROKU}.c[2]`, `${HEROKU}.c[3]`]);
  journal.settle([`${HEROKU}.old`, `${HEROKU}.c[2]`, `${HEROKU}.c[3]`]);
  journal.close();
  expect(existsSync(path)).toBe(false);
});

test("a torn last append (a kill mid-write) costs only that entry", () => {
  const journal = new IntentJournal(path);
  for (let i = 0; i < 3; i++) journal.record(`${HEROKU}.c[${i}]`, intent(i));
  journal.close();
  truncateSync(path, statSync(path).size - 20);
  expect([...new IntentJournal(path).all().keys()]).toEqual([`${HEROKU}.c[0]`, `${HEROKU}.c[1]`]);
  expect([...new CreateIntents(path).all().keys()]).toEqual([`${HEROKU}.c[0]`, `${HEROKU}.c[1]`]);
});
