import assert from "node:assert/strict";
import { test } from "node:test";
import type { OrgInfo } from "@genesys-clone/emulator";
import { call, entitiesOf, errorOf, idByName, obj, withSource } from "./helpers";

const IVRS = "/api/v2/architect/ivrs";
const DIDS = "/api/v2/telephony/providers/edges/dids";
const FLOWS = "/api/v2/flows";
const GROUPS = "/api/v2/architect/schedulegroups";

interface RuleCase {
  name: string;
  body: (ids: Ids) => Record<string, unknown>;
  status: number;
  message: RegExp;
}
interface Ids {
  mainIvr: string;
  inQueue: string;
  group: string;
}

const RULES: RuleCase[] = [
  {
    name: "a DID no pool of the org holds",
    body: () => ({ name: "Foreign", dnis: ["+35315550100"] }),
    status: 400,
    message: /DID \+35315550100 in dnis is not in any DID pool/,
  },
  {
    name: "a DID another IVR routes (one IVR per number)",
    body: () => ({ name: "Twice", dnis: ["+13175550101"] }),
    status: 400,
    message: /DID \+13175550101 is already assigned to IVR 'Main Line'/,
  },
  {
    name: "a number that is not E.164",
    body: () => ({ name: "Local", dnis: ["3175550150"] }),
    status: 400,
    message: /not an E\.164 number/,
  },
  {
    name: "more than 50 new DIDs in one request (clients send the rest in later PUTs)",
    body: () => ({
      name: "Many",
      dnis: Array.from({ length: 51 }, (_, i) => `+131755501${String(i + 30).padStart(2, "0")}`),
    }),
    status: 400,
    message: /At most 50 DIDs may be added/,
  },
  {
    name: "an open hours flow that is not an inbound call flow",
    body: (ids) => ({ name: "Wrong flow", openHoursFlow: { id: ids.inQueue } }),
    status: 400,
    message: /expected INBOUNDCALL/,
  },
  {
    name: "a schedule group that does not exist",
    body: () => ({ name: "No group", scheduleGroup: { id: "00000000-0000-0000-0000-000000000000" } }),
    status: 400,
    message: /Schedule group .* does not exist/,
  },
  {
    name: "a name another IVR holds (case-insensitive)",
    body: () => ({ name: "main line" }),
    status: 409,
    message: /already exists/,
  },
];

async function ids(source: OrgInfo, token: string): Promise<Ids> {
  const inQueue = entitiesOf(await call(source, token, "GET", `${FLOWS}?type=INQUEUECALL&pageSize=100`))[0];
  return {
    mainIvr: await idByName(source, token, `${FLOWS}?type=INBOUNDCALL`, "Main IVR"),
    inQueue: String(obj(inQueue)["id"]),
    group: await idByName(source, token, GROUPS, "Main Line Hours"),
  };
}

test("IVRs: the API's rules on DIDs, flows, schedule groups and names", async () => {
  await withSource({}, async (_emu, source, token) => {
    const known = await ids(source, token);
    for (const c of RULES) {
      const r = await call(source, token, "POST", IVRS, c.body(known));
      assert.equal(r.status, c.status, `${c.name}: ${JSON.stringify(r.body)}`);
      assert.match(String(errorOf(r)["message"]), c.message, c.name);
    }
  });
});

test("IVRs: the seeded Main Line, its DIDs listed with their owner, and what it keeps from being deleted", async () => {
  await withSource({}, async (_emu, source, token) => {
    const known = await ids(source, token);
    const main = entitiesOf(await call(source, token, "GET", `${IVRS}?dnis=${encodeURIComponent("+13175550100")}`));
    assert.deepEqual(
      main.map((x) => x["name"]),
      ["Main Line"],
    );
    const ivr = obj(main[0]);
    assert.deepEqual(ivr["dnis"], ["+13175550100", "+13175550101"]);
    assert.equal(obj(ivr["openHoursFlow"])["name"], "Main IVR");
    assert.equal(obj(ivr["scheduleGroup"])["name"], "Main Line Hours");
    const dids = entitiesOf(await call(source, token, "GET", `${DIDS}?ownerId=${String(ivr["id"])}`));
    assert.deepEqual(
      dids.map((d) => [d["phoneNumber"], obj(d["owner"])["name"], d["ownerType"]]),
      [
        ["+13175550100", "Main Line", "IVR"],
        ["+13175550101", "Main Line", "IVR"],
      ],
    );
    const flowDelete = await call(source, token, "DELETE", `${FLOWS}/${known.mainIvr}`);
    assert.equal(flowDelete.status, 409);
    assert.match(String(errorOf(flowDelete)["message"]), /in use by .*IVR\(s\): Main Line/);
    const groupDelete = await call(source, token, "DELETE", `${GROUPS}/${known.group}`);
    assert.equal(groupDelete.status, 409);
    assert.match(String(errorOf(groupDelete)["message"]), /in use by IVR\(s\): Main Line/);

    // The Severe Weather emergency group applies to Main Line: the IVR is in use until the group lets go of it.
    const inUse = await call(source, token, "DELETE", `${IVRS}/${String(ivr["id"])}`);
    assert.equal(inUse.status, 409);
    assert.match(String(errorOf(inUse)["message"]), /IVR Main Line is in use by emergency group\(s\): Severe Weather/);
    const group = obj(
      entitiesOf(await call(source, token, "GET", "/api/v2/architect/emergencygroups?name=Severe%20Weather"))[0],
    );
    const flows = (group["emergencyCallFlows"] as { emergencyFlow: { id: string } }[]).map((c) => ({
      emergencyFlow: { id: c.emergencyFlow.id },
      ivrs: [],
    }));
    const put = await call(source, token, "PUT", `/api/v2/architect/emergencygroups/${String(group["id"])}`, {
      name: group["name"],
      version: group["version"],
      emergencyCallFlows: flows,
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    // Deleting the IVR frees its numbers for another one.
    assert.equal((await call(source, token, "DELETE", `${IVRS}/${String(ivr["id"])}`)).status, 204);
    const gone = obj((await call(source, token, "GET", `${IVRS}/${String(ivr["id"])}`)).body);
    assert.equal(gone["state"], "deleted");
    const again = await call(source, token, "POST", IVRS, { name: "Main Line", dnis: ["+13175550101"] });
    assert.equal(again.status, 200, JSON.stringify(again.body));
  });
});

test("emergency groups: a call flow's IVRs must be active IVRs of the org; the sample's Severe Weather applies to Main Line", async () => {
  await withSource({}, async (_emu, source, token) => {
    const groups = entitiesOf(
      await call(source, token, "GET", "/api/v2/architect/emergencygroups?name=Severe%20Weather"),
    );
    const severe = obj(groups[0]);
    const callFlows = severe["emergencyCallFlows"] as { emergencyFlow: { id: string }; ivrs: { id: string }[] }[];
    const main = await idByName(source, token, IVRS, "Main Line");
    assert.deepEqual(
      callFlows.map((c) => c.ivrs.map((i) => i.id)),
      [[main]],
    );
    const flowId = callFlows[0]!.emergencyFlow.id;
    const bad = await call(source, token, "POST", "/api/v2/architect/emergencygroups", {
      name: "Unknown IVR",
      emergencyCallFlows: [{ emergencyFlow: { id: flowId }, ivrs: [{ id: "00000000-0000-4000-8000-000000000000" }] }],
    });
    assert.equal(bad.status, 400);
    assert.match(String(errorOf(bad)["message"]), /ivrs: IVR 00000000-0000-4000-8000-000000000000 does not exist/);
    const spanish = await idByName(source, token, IVRS, "Spanish Line");
    const ok = await call(source, token, "POST", "/api/v2/architect/emergencygroups", {
      name: "Spanish Only",
      emergencyCallFlows: [{ emergencyFlow: { id: flowId }, ivrs: [{ id: spanish }] }],
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });
});
