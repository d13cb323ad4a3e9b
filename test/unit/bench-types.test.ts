import assert from "node:assert/strict";
import { test } from "node:test";
import { plannedCounts, syntheticDids, syntheticOrgPlan, syntheticShares, targetDid } from "@genesys-clone/emulator";
import { benchTransforms, callsPerObject, rateBound, typeOfRoute } from "@genesys-clone/scripts/dist/lib/bench-types";

// The benchmark's figures per type: every route the emulator records is attributed to the type whose deployment
// made it, so `calls_by_type` and `calls_per_object_by_type` are honest.
const routes: [route: string, type: string, why: string][] = [
  ["POST /api/v2/routing/queues", "queues", "a routing family"],
  ["GET /api/v2/routing/queues/{queueId}/wrapupcodes", "queues", "a queue's wrap-up codes are part of the queue"],
  ["POST /api/v2/routing/queues/{queueId}/members", "queues", "members are set on the queue"],
  ["POST /api/v2/authorization/divisions", "divisions", "divisions"],
  ["POST /api/v2/architect/schedulegroups", "schedulegroups", "an Architect family"],
  ["POST /api/v2/architect/emergencygroups", "emergencygroups", "emergency groups"],
  ["PUT /api/v2/architect/ivrs/{ivrId}", "ivrs", "IVRs"],
  ["GET /api/v2/telephony/providers/edges/didpools", "ivrs", "DID pools are read only to check IVRs' numbers"],
  ["POST /api/v2/architect/prompts/{promptId}/resources", "prompts", "a prompt's language resources"],
  ["POST /uploads/prompts/{uploadId}", "prompts", "a prompt's audio upload"],
  ["GET /downloads/prompts/{mediaId}.wav", "prompts", "a prompt's audio download (import, refresh)"],
  ["POST /api/v2/flows/jobs", "flows", "an Architect import job"],
  ["GET /api/v2/flows/jobs/{jobId}", "flows", "polling the job"],
  ["PUT /uploads/{jobId}", "flows", "the job's presigned YAML upload"],
  ["GET /downloads/{jobId}", "flows", "an export job's download"],
  ["POST /api/v2/flows/export/jobs", "flows", "an export job"],
  ["GET /api/v2/flows/{flowId}/latestconfiguration", "flows", "a flow read"],
  ["POST /api/v2/flows/datatables", "datatables", "data tables live under /flows but are their own type"],
  ["GET /api/v2/flows/datatables/{datatableId}/rows", "datatables", "a table's rows"],
  ["POST /api/v2/telephony/providers/edges/trunkbasesettings", "trunks", "a trunk's base settings"],
  ["GET /api/v2/telephony/providers/edges/trunks", "trunks", "waiting for the trunk instance"],
  ["GET /api/v2/telephony/providers/edges/sites", "sites", "a lookup, no object"],
  ["POST /api/v2/users/search", "users", "queue members' users, looked up"],
  ["GET /api/v2/groups", "groups", "member groups, looked up"],
  ["GET /api/v2/organizations/me", "organizations", "the org check"],
  ["POST /oauth/token", "oauth", "token grants"],
  ["GET /somewhere/else", "other", "anything unknown stays visible as other"],
];

for (const [route, type, why] of routes)
  test(`typeOfRoute: ${route} -> ${type} (${why})`, () => assert.equal(typeOfRoute(route), type));

// The synthetic org: every deployable type, in realistic shares, N objects in all.
for (const n of [1, 40, 500, 1000, 10000])
  test(`syntheticShares(${n}): every type present, shares realistic, ${n < 30 ? "small sizes grow to hold every type" : "N objects in all"}`, () => {
    const s = syntheticShares(n);
    for (const [type, count] of Object.entries(s)) assert.ok(count >= 1, `${type}: ${count}`);
    assert.ok(s.inboundflows! >= 2, "two inbound flows at least: they form the flow <-> flow cycle");
    assert.ok(s.trunks! <= 6, "a handful of trunks");
    const total = Object.values(s).reduce((a, b) => a + b, 0);
    if (n >= 40) {
      assert.equal(total, n);
      const flows = (s.inboundflows! + s.inqueueflows!) / n;
      assert.ok(flows >= 0.05 && flows <= 0.1, `flows ${flows}`);
      assert.ok(s.ivrs! / n <= 0.03, "IVRs are few");
      assert.ok(s.queues! > s.skills! / 2, "queues are the bulk");
    }
  });

for (const n of [40, 500])
  test(`syntheticOrgPlan(${n}): plans each type's share of objects, lookups and second publications not counted`, () => {
    const s = syntheticShares(n);
    const counts = plannedCounts(syntheticOrgPlan(n));
    const { inboundflows, inqueueflows, ...rest } = s;
    assert.deepEqual(
      Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))),
      Object.fromEntries(
        Object.entries({ ...rest, flows: inboundflows! + inqueueflows! }).sort(([a], [b]) => a.localeCompare(b)),
      ),
    );
    assert.equal(
      Object.values(counts).reduce((a, b) => a + b, 0),
      n,
    );
  });

test("syntheticOrgPlan: an object is referenced only from a later wave (the builder creates waves in order)", () => {
  const plan = syntheticOrgPlan(500);
  const waveOf = new Map<string, number>();
  plan.forEach((wave, w) => wave.forEach((p) => waveOf.set(p.key, w)));
  // keys are unique across the plan
  assert.equal(waveOf.size, plan.flat().length);
  assert.ok(waveOf.get("iqflow:0")! < waveOf.get("queue:0")!, "in-queue flows before the queues naming them");
  assert.ok(waveOf.get("queue:0")! < waveOf.get("inflow:0")!, "queues before the inbound flows transferring to them");
  assert.ok(waveOf.get("inflow:1")! < waveOf.get("inflow:0:cycle")!, "flow 0 names flow 1 only once it exists");
  assert.ok(waveOf.get("queue:0")! < waveOf.get("iqflow:0:cycle")!, "in-queue flow 0 names queue 0 once it exists");
  assert.ok(waveOf.get("inflow:1")! < waveOf.get("ivr:0")!, "IVRs route to existing flows");
});

test("callsPerObject: calls of a type over its objects; lookups (no objects) left out", () => {
  assert.deepEqual(callsPerObject({ queues: 63, flows: 35, users: 4, oauth: 2 }, { queues: 10, flows: 3, ivrs: 1 }), {
    queues: 6.3,
    flows: 11.67,
    ivrs: 0,
  });
});

test("benchTransforms: each IVR's DIDs map into the target's pool, the site to the target's", () => {
  const yaml = benchTransforms(2);
  assert.match(yaml, /^sites:\n {2}"US East Site": "EU West Site"\n/);
  for (const did of [...syntheticDids(0), ...syntheticDids(1)]) {
    assert.ok(yaml.includes(`"${did}": "${targetDid(did)}"`), did);
    assert.match(targetDid(did), /^\+3531/);
  }
  assert.equal(new Set([...syntheticDids(0), ...syntheticDids(1)]).size, 4, "IVRs never share a number");
});

test("the rate bound: an even spread under 1-second windows, the last needed window's opening under longer ones", () => {
  const phase = (api: number, rateLimited = 0) => ({
    total: api + 3,
    rateLimited,
    calls_by_route: { "POST /api/v2/routing/queues": api, "POST /oauth/token": 1, "PUT /uploads/{jobId}": 2 },
  });
  assert.equal(rateBound(phase(1197), 1200, 1, 1), 60, "1200 calls at 20/s: 60 s");
  assert.equal(rateBound(phase(1197), 1200, 4, 1), 15, "four tokens: a quarter");
  assert.equal(rateBound(phase(1200), 1200, 1, 60), 0, "one window's budget: no rate bound");
  assert.equal(rateBound(phase(1201), 1200, 1, 60), 60, "one call more waits for the second window");
  assert.equal(
    rateBound(phase(2487, 87), 1200, 1, 60),
    60,
    "429s consume no budget; tokens and uploads are not charged",
  );
  assert.equal(rateBound(phase(2487), 300, 1, 60), 480, "the real default: 300 a minute, nine windows");
  assert.equal(rateBound(phase(2487), 300, 4, 60), 120, "four tokens, four budgets a window");
});
