import assert from "node:assert/strict";
import { test } from "node:test";
import { nameClaims } from "@genesys-clone/provider/dist/preflight";

type Claim = [kind: string, resource: string, declared: Record<string, unknown>, props: Record<string, unknown>];

test("nameClaims: a second resource of the same type and name (ignoring case) is one error naming both", () => {
  const cases: { claims: Claim[]; error?: RegExp }[] = [
    {
      claims: [
        ["Skill", "a", { name: "Chess" }, { name: "Chess" }],
        ["Skill", "b", { name: "Chess" }, { name: "Chess" }],
      ],
      error: /declare Skill 'Chess': 'a' and 'b'\. Names are unique per type/,
    },
    {
      claims: [
        ["Queue", "a", { name: "Chess" }, { name: "Chess" }],
        ["Queue", "b", { name: "chess" }, { name: "chess" }],
      ],
      error: /Queue 'Chess': 'a' and 'b' \(as 'Chess' and 'chess', which differ only in case\)/,
    },
    {
      claims: [
        ["Division", "sales", { name: "Sales" }, { name: "EMEA" }],
        ["Division", "billing", { name: "Billing" }, { name: "EMEA" }],
      ],
      error:
        /Division 'EMEA': 'sales' and 'billing' \(declared as 'Sales' and 'Billing': the transforms file maps both to this name\)/,
    },
    {
      claims: [
        ["Skill", "a", { name: "Chess" }, { name: "Chess" }],
        ["Queue", "b", { name: "Chess" }, { name: "Chess" }],
      ],
    },
    {
      claims: [
        ["Flow", "a", { name: "IVR" }, { name: "IVR", type: "inboundcall" }],
        ["Flow", "b", { name: "IVR" }, { name: "IVR", type: "inqueuecall" }],
        ["FlowShell", "c", { name: "IVR" }, { name: "IVR", type: "inboundcall" }],
      ],
    },
    {
      claims: [
        ["Flow", "a", { name: "IVR" }, { name: "IVR", type: "inboundcall" }],
        ["Flow", "b", { name: "IVR" }, { name: "IVR", type: "inboundcall" }],
      ],
      error: /Flow 'IVR' \(inboundcall\): 'a' and 'b'/,
    },
    {
      claims: [
        ["Skill", "a", { name: {} }, { name: {} }],
        ["Skill", "b", { name: {} }, { name: {} }],
      ],
    },
  ];
  for (const c of cases) {
    const claim = nameClaims();
    const run = () => {
      for (const args of c.claims) claim(...args);
    };
    if (c.error) assert.throws(run, c.error);
    else assert.doesNotThrow(run);
  }
});
