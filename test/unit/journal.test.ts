import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { Journal } from "@genesys-clone/provider/dist/resources/journal";

const API = "https://api.mypurecloud.ie";
const fresh = () => Journal.of(mkdtempSync(path.join(os.tmpdir(), "journal-")), "eu-west-1");

test("a create whose response was lost claims the object by name; one with a known id claims only that id", () => {
  const j = fresh();
  j.record({ op: "create", api: API, type: "skill", name: "Billing" });
  assert.equal(j.claims(API, "skill", "Billing", "any-id"), true);
  j.record({ op: "created", api: API, type: "skill", name: "Billing", id: "id-1" });
  assert.equal(j.claims(API, "skill", "Billing", "id-1"), true);
  assert.equal(j.claims(API, "skill", "Billing", "id-2"), false, "made again by someone else: not ours");
  assert.equal(j.claims(API, "skill", "Sales", "id-1"), false);
  assert.equal(j.claims(API, "queue", "Billing", "id-1"), false);
  assert.equal(j.claims("https://api.usw2.pure.cloud", "skill", "Billing", "id-1"), false, "another org");
});

test("a deleted object is no longer claimed; the journal is read back from disk, skipping a line cut short", () => {
  const j = fresh();
  j.record({ op: "create", api: API, type: "skill", name: "Billing" });
  j.record({ op: "created", api: API, type: "skill", name: "Billing", id: "id-1" });
  j.record({ op: "create", api: API, type: "skill", name: "Sales" });
  j.record({ op: "deleted", api: API, type: "skill", name: "Billing" });
  appendFileSync(j.file, '{"op":"created","api":"https://api.myp'); // killed mid-write
  const again = new Journal(j.file);
  assert.equal(again.claims(API, "skill", "Billing", "id-1"), false);
  assert.equal(again.claims(API, "skill", "Sales", "id-9"), true);
  again.record({ op: "created", api: API, type: "skill", name: "Sales", id: "id-3" });
  assert.equal(new Journal(j.file).claims(API, "skill", "Sales", "id-3"), true, "the record after a torn line is read");
  assert.equal(new Journal(j.file).claims(API, "skill", "Sales", "id-9"), false);
  assert.equal(readFileSync(j.file, "utf8").split("\n").filter(Boolean).length, 6);
});

test("stack names become safe file names under .genesys-clone/journal", () => {
  const j = Journal.of("/project", "org/proj/eu west");
  assert.equal(j.file, path.join("/project", ".genesys-clone", "journal", "org_proj_eu_west.jsonl"));
});
