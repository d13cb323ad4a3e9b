import assert from "node:assert/strict";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, test } from "node:test";
import { Journal } from "@genesys-clone/provider/dist/resources/journal";

const API = "https://api.mypurecloud.ie";
const dirs: string[] = [];
const fresh = () => {
  dirs.push(mkdtempSync(path.join(os.tmpdir(), "journal-")));
  return Journal.of(dirs[dirs.length - 1]!, "eu-west-1");
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

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

test("the journal lives in the project root (the nearest Pulumi.yaml up), under a safe file name", () => {
  const j = Journal.of("/project", "org/proj/eu west");
  assert.equal(j.file, path.join("/project", ".genesys-clone", "journal", "org_proj_eu_west.jsonl"));
  const root = path.resolve(__dirname, "..", "..", "..");
  assert.equal(
    Journal.of(path.join(root, "stacks"), "eu-west-1").file,
    path.join(root, ".genesys-clone", "journal", "eu-west-1.jsonl"),
  );
});
