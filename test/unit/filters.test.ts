import assert from "node:assert/strict";
import { test } from "node:test";
import { Filter, parseRule } from "@genesys-clone/provider/dist/importer/filters";

const TYPES = ["skills", "queues", "wrapupcodes"];

test("include and exclude combine: included unless excluded", () => {
  const f = new Filter(["queues:Sales*", "skills"], ["queues:*Legacy*"], TYPES);
  const cases: [string, string, boolean][] = [
    ["queues", "Sales - New Business", true],
    ["queues", "Sales Legacy", false],
    ["queues", "Support - Tier 1", false],
    ["skills", "English", true],
    ["wrapupcodes", "Resolved", false],
  ];
  for (const [type, name, want] of cases) assert.equal(f.selects(type, name), want, `${type} ${name}`);
});

test("no include means everything, excludes still apply; a bare glob matches every type", () => {
  const f = new Filter([], ["*Test*"], TYPES);
  assert.equal(f.selects("skills", "English"), true);
  assert.equal(f.selects("queues", "Test Queue"), false);
  assert.equal(f.selects("skills", "A Test"), false);
});

test("types nobody asks for are not listed", () => {
  const f = new Filter(["queues:Sales*"], [], TYPES);
  assert.equal(f.wantsType("queues"), true);
  assert.equal(f.wantsType("skills"), false);
  assert.equal(new Filter([], ["skills"], TYPES).wantsType("skills"), false);
});

test("an unknown type in a rule is one clear error", () => {
  assert.throws(
    () => parseRule("queus:Sales*", TYPES),
    /Filter 'queus:Sales\*' names an unknown type 'queus'. Types: skills, queues, wrapupcodes/,
  );
});

test("unusedIncludes: a name pattern that matches no listed object (a typo) is reported; whole types and skipped types are not", () => {
  const listed = [
    { type: "queues", name: "Support - Tier 1" },
    { type: "skills", name: "English" },
  ];
  const f = new Filter(["queues:Suport*", "queues:Support*", "skills", "wrapupcodes:Resolved*", "Nothing*"], [], TYPES);
  assert.deepEqual(
    f.unusedIncludes(listed, ["wrapupcodes"]).map((r) => r.text),
    ["queues:Suport*", "Nothing*"],
  );
});
