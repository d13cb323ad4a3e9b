import assert from "node:assert/strict";
import { test } from "node:test";
import { arr, call, control, obj, withEmulator, withSource, type Json } from "./helpers";

function sortedByName(list: Json[]): boolean {
  const keys = list.map((x) => `${String(x["name"]).toLowerCase()}\u0000${String(x["id"])}`);
  return keys.every((k, i) => i === 0 || keys[i - 1]! <= k);
}

test("state dump: languages, queues (with wrapupCodes), schedules and schedule groups, sorted by name", async () => {
  await withEmulator({}, async (emu) => {
    const src = obj((await control(emu, "GET", "/state?org=source")).body);
    const keys = Object.keys(src);
    // new collections are appended after these
    assert.deepEqual(keys.slice(keys.indexOf("languages"), keys.indexOf("languages") + 4), [
      "languages",
      "queues",
      "schedules",
      "schedulegroups",
    ]);
    for (const k of ["languages", "queues", "schedules", "schedulegroups"]) assert.ok(sortedByName(arr(src[k])), k);

    assert.deepEqual(
      arr(src["languages"]).map((l) => l["name"]),
      ["English", "French", "German", "Italian", "Japanese", "Mandarin", "Portuguese", "Spanish"],
    );
    const queues = arr(src["queues"]);
    assert.equal(queues.length, 31);
    const codeIds = new Set(arr(src["wrapupcodes"]).map((w) => w["id"]));
    for (const q of queues) {
      const raw = q["wrapupCodes"];
      assert.ok(Array.isArray(raw), String(q["name"]));
      const codes = raw.map(String);
      assert.ok(codes.length >= 3 && codes.length <= 10, `${String(q["name"])} has ${codes.length} codes`);
      assert.deepEqual(codes, [...codes].sort(), String(q["name"]));
      for (const c of codes) assert.ok(codeIds.has(c), c);
    }
    assert.equal(new Set(queues.map((q) => obj(q["division"])["name"])).size, 4);
    assert.ok(queues.filter((q) => q["bullseye"] !== undefined).length >= 10);
    assert.deepEqual(new Set(queues.map((q) => q["skillEvaluationMethod"])), new Set(["ALL", "BEST", "NONE"]));
    assert.equal(arr(src["schedules"]).length, 14);
    const groups = arr(src["schedulegroups"]);
    assert.deepEqual(
      groups.map((g) => [g["name"], g["timeZone"]]),
      [
        ["Billing Hours", "America/New_York"],
        ["Central Region Support", "America/Chicago"],
        ["Customer Care Hours", "America/New_York"],
        ["Main Line Hours", "America/New_York"],
        ["Sales Hours", "America/New_York"],
      ],
    );

    const target = obj((await control(emu, "GET", "/state?org=target")).body);
    for (const k of ["languages", "queues", "schedules", "schedulegroups"])
      assert.deepEqual(target[k], [], `target ${k}`);
    await control(emu, "POST", "/reset", { seed: "empty" });
    const empty = obj((await control(emu, "GET", "/state?org=source")).body);
    for (const k of ["languages", "queues", "schedules", "schedulegroups"])
      assert.deepEqual(empty[k], [], `empty ${k}`);
  });
});

test("seeded queues: realistic settings, and bullseye rings drop seeded skills", async () => {
  await withSource({}, async (_emu, source, token) => {
    const all = arr(obj((await call(source, token, "GET", "/api/v2/routing/queues?pageSize=500")).body)["entities"]);
    const q = all.find((x) => x["name"] === "Sales - New Business")!;
    assert.equal(obj(q["division"])["name"], "Sales");
    assert.deepEqual(obj(q["acwSettings"]), { wrapupPrompt: "MANDATORY_TIMEOUT", timeoutMs: 60000 });
    assert.equal(q["callingPartyNumber"], "+13175550100");
    const rings = arr(obj(q["bullseye"])["rings"]);
    assert.equal(rings.length, 3);
    const removed = arr(obj(rings[1]!["actions"])["skillsToRemove"]);
    assert.deepEqual(
      removed.map((s) => s["name"]),
      ["New Accounts"],
    );
    const skill = obj((await call(source, token, "GET", String(removed[0]!["selfUri"]))).body);
    assert.equal(skill["state"], "active");
    assert.equal(obj(obj(q["mediaSettings"])["callback"])["mode"], "AgentFirst");
  });
});

test("a fresh emulator dumps the same routing set-up (deterministic ids)", async () => {
  await withEmulator({}, async (a) => {
    await withEmulator({}, async (b) => {
      assert.deepEqual((await control(a, "GET", "/state")).body, (await control(b, "GET", "/state")).body);
    });
  });
});
