import assert from "node:assert/strict";
import { test } from "node:test";
import { assignNames, byNameThenId, identifier, slug } from "@genesys-clone/provider/dist/importer/naming";

test("slug: lowercase, ascii, dashes; never empty", () => {
  const cases: [string, string][] = [
    ["Billing Disputes", "billing-disputes"],
    ["Technical Support L1", "technical-support-l1"],
    ["  Français / Español ", "francais-espanol"],
    ["Resolved - First Contact", "resolved-first-contact"],
    ["***", "object"],
  ];
  for (const [input, want] of cases) assert.equal(slug(input), want, input);
});

test("identifier: prefix + PascalCase words, valid even when the name starts with a digit", () => {
  assert.equal(identifier("skill", "Billing Disputes"), "skillBillingDisputes");
  assert.equal(identifier("wrapupCode", "24h callback"), "wrapupCode24hCallback");
});

test("assignNames: colliding slugs all get an id suffix, independent of order", () => {
  const a = { id: "aaaaaaaa-1111", name: "VIP" };
  const b = { id: "bbbbbbbb-2222", name: "vip" };
  const c = { id: "cccccccc-3333", name: "Sales" };
  const forward = assignNames([a, b, c], "skill");
  const backward = assignNames([c, b, a], "skill");
  for (const o of [a, b, c]) assert.deepEqual(forward.get(o), backward.get(o));
  assert.equal(forward.get(a)!.resourceName, "vip-aaaaaaaa");
  assert.equal(forward.get(b)!.resourceName, "vip-bbbbbbbb");
  assert.equal(forward.get(c)!.resourceName, "sales");
  assert.equal(forward.get(a)!.variable, "skillVip_aaaaaaaa");
});

test("byNameThenId orders by name, then id", () => {
  const sorted = [
    { id: "2", name: "b" },
    { id: "9", name: "a" },
    { id: "1", name: "b" },
  ].sort(byNameThenId);
  assert.deepEqual(sorted.map((o) => o.id), ["9", "1", "2"]);
});
