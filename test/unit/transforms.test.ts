import assert from "node:assert/strict";
import { test } from "node:test";
import { parseTransforms, transformProps } from "@genesys-clone/provider/dist/program/transforms";

const t = parseTransforms(
  [
    "timeZones:",
    "  America/New_York: Europe/Dublin",
    "names:",
    "  prefix: 'EU '",
    "divisions:",
    "  Sales: EMEA Sales",
  ].join("\n"),
  "transforms.eu-west-1.yaml",
);

test("transformProps maps names, literal divisions and time zones; divisions use their own map", () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      "ScheduleGroup",
      { name: "Hours", timeZone: "America/New_York", division: "Sales" },
      { name: "EU Hours", timeZone: "Europe/Dublin", division: "EMEA Sales" },
    ],
    [
      "ScheduleGroup",
      { name: "Chicago", timeZone: "America/Chicago" },
      { name: "EU Chicago", timeZone: "America/Chicago" },
    ],
    ["Division", { name: "Sales" }, { name: "EMEA Sales" }],
    ["Division", { name: "Billing" }, { name: "Billing" }],
    ["Skill", { name: "English", division: "Billing" }, { name: "EU English", division: "Billing" }],
  ];
  for (const [kind, props, want] of cases) assert.deepEqual(transformProps(kind, props, t), want, kind);
});

test("values that are outputs of other resources pass untouched", () => {
  const output = { apply: () => undefined };
  assert.equal(transformProps("Skill", { name: "x", division: output }, t).division, output);
});

test("bad transforms files: one error naming the file and the key", () => {
  const cases: [string, RegExp][] = [
    [
      "timeZones:\n  America/New_York: Europe/Dubln\n",
      /transforms.yaml: timeZones maps 'America\/New_York' to 'Europe\/Dubln', which is not an IANA time zone/,
    ],
    [
      "timezones: {}\n",
      /transforms.yaml: \(top level\): unknown key\(s\) timezones; allowed: timeZones, names, divisions/,
    ],
    ["names:\n  prefix: [1\n", /transforms.yaml is not valid YAML \(line \d+\)/],
    ["names:\n  prefix: 3\n", /transforms.yaml: names.prefix: /],
  ];
  for (const [text, message] of cases) assert.throws(() => parseTransforms(text, "transforms.yaml"), message);
});

test("trunks: inbound and media sites map through sites:, the SIP termination URI through sipTerminationUris:", () => {
  const t = parseTransforms(
    'sites: { US East Site: EU West Site }\nsipTerminationUris: { "acme-us.byoc.example": "acme-eu.byoc.example" }\n',
    "transforms.yaml",
  );
  const props = {
    name: "Carrier",
    inboundSite: "US East Site",
    site: "US East Site",
    properties: { trunk_sip_termination_uri: "acme-us.byoc.example", trunk_enabled: true },
  };
  assert.deepEqual(transformProps("Trunk", props, t), {
    name: "Carrier",
    inboundSite: "EU West Site",
    site: "EU West Site",
    properties: { trunk_sip_termination_uri: "acme-eu.byoc.example", trunk_enabled: true },
  });
  const unmapped = { name: "Other", properties: { trunk_sip_termination_uri: "other.byoc.example" } };
  assert.deepEqual(transformProps("Trunk", unmapped, t), unmapped);
});

test("queues: callback site and edge group map by name, the outbound address's domain through emailDomains:", () => {
  const t = parseTransforms(
    [
      "sites: { US East Site: EU West Site }",
      "edgeGroups: { US East Edge Group: EU West Edge Group }",
      "emailDomains: { Acme-US.example.com: acme-eu.example.com }",
    ].join("\n"),
    "transforms.yaml",
  );
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      "every reference mapped",
      {
        name: "Q",
        callbackSite: "US East Site",
        callbackEdgeGroup: "US East Edge Group",
        outboundEmailAddress: "support@acme-us.example.com",
      },
      {
        name: "Q",
        callbackSite: "EU West Site",
        callbackEdgeGroup: "EU West Edge Group",
        outboundEmailAddress: "support@acme-eu.example.com",
      },
    ],
    [
      "a domain key matches ignoring case; the route's pattern is kept as it is",
      { name: "Q", outboundEmailAddress: "Sales.Team@ACME-US.EXAMPLE.COM" },
      { name: "Q", outboundEmailAddress: "Sales.Team@acme-eu.example.com" },
    ],
    [
      "unmapped values pass, the domain lower-cased",
      { name: "Q", callbackEdgeGroup: "Other Group", outboundEmailAddress: "x@Other.example" },
      { name: "Q", callbackEdgeGroup: "Other Group", outboundEmailAddress: "x@other.example" },
    ],
  ];
  for (const [what, props, want] of cases) assert.deepEqual(transformProps("Queue", props, t), want, what);
  assert.throws(() => parseTransforms("edgegroups: {}\n", "transforms.yaml"), /allowed: .*edgeGroups, emailDomains/);
});
