import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
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
  assert.deepEqual(
    sorted.map((o) => o.id),
    ["9", "1", "2"],
  );
});

test("assignNames: names that slug or identify alike never share a resource name or variable", () => {
  const cases: { name: string; objects: { id: string; name: string }[] }[] = [
    {
      name: "non-Latin names all slug to 'object'",
      objects: [
        { id: "11111111-a", name: "日本語サポート" },
        { id: "22222222-b", name: "Ελληνικά" },
        { id: "33333333-c", name: "עברית" },
      ],
    },
    {
      name: "punctuation only differs",
      objects: [
        { id: "a1", name: "Sales - VIP" },
        { id: "b2", name: "Sales VIP" },
        { id: "c3", name: "sales/vip" },
      ],
    },
    {
      name: "a suffixed slug equals another's plain slug",
      objects: [
        { id: "aaaaaaaa-1", name: "VIP" },
        { id: "bbbbbbbb-2", name: "vip" },
        { id: "c", name: "VIP aaaaaaaa" },
      ],
    },
    {
      name: "ids alike in their first 8 characters",
      objects: [
        { id: "12345678-0001", name: "Q" },
        { id: "12345678-0002", name: "q" },
      ],
    },
    {
      name: "ids without letters or digits",
      objects: [
        { id: "---", name: "X" },
        { id: "___", name: "x" },
      ],
    },
    {
      name: "word breaks before digits: 'A 1b' and 'A1b' are both A1b",
      objects: [
        { id: "p", name: "A 1b" },
        { id: "q", name: "A1b" },
      ],
    },
  ];
  for (const c of cases) {
    const names = assignNames(c.objects, "queue");
    const all = [...names.values()];
    assert.equal(new Set(all.map((n) => n.resourceName)).size, c.objects.length, c.name);
    assert.equal(new Set(all.map((n) => n.variable)).size, c.objects.length, c.name);
  }
});

const JS_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

test("property: unique, valid and independent of order for any names and ids (seeded)", () => {
  const object = fc.record({
    id: fc.oneof(fc.uuid(), fc.string({ maxLength: 12 }), fc.constantFrom("12345678-0001", "12345678-0002", "---")),
    name: fc.oneof(
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 256 }),
      fc.constantFrom("VIP", "vip", "V.I.P.", "A 1b", "A1b", "class", "delete", "${x}", '"', "\\"),
    ),
  });
  fc.assert(
    fc.property(fc.uniqueArray(object, { selector: (o) => o.id, minLength: 1, maxLength: 30 }), (objects) => {
      const names = assignNames(objects, "skill");
      const reversed = assignNames([...objects].reverse(), "skill");
      const all = objects.map((o) => names.get(o)!);
      assert.equal(new Set(all.map((n) => n.resourceName)).size, objects.length);
      assert.equal(new Set(all.map((n) => n.variable)).size, objects.length);
      for (const o of objects) {
        assert.deepEqual(reversed.get(o), names.get(o));
        assert.match(names.get(o)!.variable, JS_IDENTIFIER);
        assert.match(names.get(o)!.resourceName, /^[a-z0-9-]+$/);
      }
    }),
    { seed: 20261202, numRuns: 300 },
  );
});
