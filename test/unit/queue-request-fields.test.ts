import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { test } from "node:test";
import { queuesApi } from "@genesys-clone/provider/dist/resources/routing-queue/api";
import { QUEUE_REQUEST_FIELDS, SENT_FIELDS } from "@genesys-clone/provider/dist/resources/routing-queue/schema";

// A queue PUT replaces the whole queue: a QueueRequest field nobody decided about is either silently cleared on
// every update or sent from a read where it does not belong. One table decides each (schema QUEUE_REQUEST_FIELDS).
const SDK = path.resolve(__dirname, "..", "..", "..", "node_modules", "purecloud-platform-client-v2", "index.d.ts");

/** The field names of one interface of the SDK's index.d.ts. */
function sdkFields(model: string): string[] {
  const text = readFileSync(SDK, "utf8");
  const start = text.indexOf(`export interface ${model} {`);
  assert.ok(start >= 0, `${model} in index.d.ts`);
  const body = text.slice(start, text.indexOf("\n\t}", start));
  return [...body.matchAll(/^\t\t"(\w+)"\??:/gm)].map((m) => m[1]!);
}

test("every QueueRequest field of the SDK is either sent or excluded with a reason, and nothing else is listed", () => {
  const table = Object.keys(QUEUE_REQUEST_FIELDS);
  const sdk = sdkFields("QueueRequest");
  assert.ok(sdk.length > 30, "parsed the SDK's QueueRequest");
  assert.deepEqual(
    sdk.filter((f) => !table.includes(f)),
    [],
    "QueueRequest fields the table does not decide (add each to QUEUE_REQUEST_FIELDS)",
  );
  assert.deepEqual(
    table.filter((f) => !sdk.includes(f)),
    [],
    "table fields QueueRequest does not have",
  );
  for (const [field, rule] of Object.entries(QUEUE_REQUEST_FIELDS))
    assert.ok(rule === "carried" || rule.startsWith("declared") || rule.length > 8, `${field}: a reason`);
});

test("a PUT body is built from the table: sent fields carried from the stored queue, the rest never", () => {
  const stored: Record<string, unknown> = {};
  for (const f of Object.keys(QUEUE_REQUEST_FIELDS)) stored[f] = { from: f };
  stored.state = "active"; // a Queue read may carry fields QueueRequest lacks
  stored.wrapupCodes = ["a"]; // ours, assigned by the sub-resource
  const body = queuesApi.requestOf(stored);
  assert.deepEqual(Object.keys(body).sort(), [...SENT_FIELDS].sort());
  for (const f of ["id", "selfUri", "dateCreated", "memberCount", "peerId", "state", "wrapupCodes"])
    assert.equal(body[f], undefined, `${f} is not sent`);
  for (const f of ["conditionalGroupRouting", "memberGroups", "outboundEmailAddress", "defaultScripts"])
    assert.deepEqual(body[f], { from: f }, `${f} is carried over`);
});
