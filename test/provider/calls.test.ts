import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { emulatorControl, type RunningEmulator } from "@genesys-clone/emulator";
import { GenesysClient } from "@genesys-clone/provider/dist/client";
import { impl } from "@genesys-clone/provider/dist/process";
import { exporter as membersExporter } from "@genesys-clone/provider/dist/resources/routing-queue-members/export";
import { inboundFlowTemplate, rawApi, startTarget } from "./target";
import type { OrgInfo } from "@genesys-clone/emulator";

// The calls each lifecycle step makes against the emulated target (its per-route counters): what `up` and `refresh`
// cost per object (#14's calls per object), pinned where a type needs fewer calls than a naive read-modify-write.
let emu: RunningEmulator;
let target: OrgInfo;

before(async () => {
  ({ emu, target } = await startTarget());
});
after(async () => emu.close());
beforeEach(() => emulatorControl(emu).clearStats());

/** Requests to the target per route ("GET /api/v2/routing/queues/{queueId}") since the counters were cleared. */
async function calls(): Promise<Record<string, number>> {
  return (await emulatorControl(emu).stats("target")).requests;
}

const QUEUE = "/api/v2/routing/queues/{queueId}";
const MEMBERS = [
  { email: "ana.garcia@acme.example.com", ringNumber: 1 },
  { email: "ben.okafor@acme.example.com", ringNumber: 2 },
];

test("a queue's flow link sends the queue this process wrote without reading it again, codes untouched", async () => {
  const queue = await impl("genesyscloud:routing:Queue").create({ name: "Calls Link", description: "d" });
  const flow = (await rawApi(target, "POST", "/api/v2/flows", { name: "Calls In-Queue", type: "inqueuecall" }))
    .body as { id: string };
  await emulatorControl(emu).clearStats();

  await impl("genesyscloud:routing:QueueFlows").create({ queue: queue.id, queueFlow: flow.id });

  const made = await calls();
  assert.equal(made[`PUT ${QUEUE}`], 1, JSON.stringify(made));
  assert.equal(made[`GET ${QUEUE}`], undefined, "no read of a queue this process just wrote");
  assert.equal(made[`GET ${QUEUE}/wrapupcodes`], undefined, "the PUT leaves the codes: none read");
  const stored = (await rawApi(target, "GET", `/api/v2/routing/queues/${queue.id}`)).body as {
    description: string;
    queueFlow: { id: string };
  };
  assert.equal(stored.queueFlow.id, flow.id);
  assert.equal(stored.description, "d", "the rest of the queue as it was");
});

test("refresh: the links of many queues read them from one listing of queues, not a GET each", async () => {
  const queues = impl("genesyscloud:routing:Queue");
  const links = await Promise.all(
    ["Calls Refresh A", "Calls Refresh B", "Calls Refresh C"].map(async (name) => {
      const q = await queues.create({ name });
      return impl("genesyscloud:routing:QueueFlows").create({ queue: q.id });
    }),
  );
  await emulatorControl(emu).clearStats();

  for (const link of links) {
    const read = await impl("genesyscloud:routing:QueueFlows").read(link.id, link.outs);
    assert.equal(read.id, link.id, "the link is still there");
  }

  const made = await calls();
  assert.equal(made["GET /api/v2/routing/queues"], 1, JSON.stringify(made));
  assert.equal(made[`GET ${QUEUE}`], undefined, JSON.stringify(made));
});

test("members: the links of several queues naming the same agents search each email once", async () => {
  const queues = impl("genesyscloud:routing:Queue");
  const made = await Promise.all(
    ["Calls Members A", "Calls Members B", "Calls Members C"].map((name) => queues.create({ name })),
  );
  await emulatorControl(emu).clearStats();

  await Promise.all(
    made.map((q) =>
      impl("genesyscloud:routing:QueueMembers").create({ queue: q.id, members: MEMBERS, memberGroups: [] }),
    ),
  );

  const counted = await calls();
  assert.equal(counted["POST /api/v2/users/search"], 1, JSON.stringify(counted));
  assert.equal(counted[`GET ${QUEUE}/members`], undefined, "a queue this process created has no members to list");
  for (const q of made) {
    const members = (await rawApi(target, "GET", `/api/v2/routing/queues/${q.id}/members?memberBy=user`)).body as {
      entities: { ringNumber: number }[];
    };
    assert.deepEqual(members.entities.map((m) => m.ringNumber).sort(), [1, 2], "every queue got both agents");
  }
});

test("import: queues naming the same agents read those users once, not once per queue", async () => {
  const queues = impl("genesyscloud:routing:Queue");
  const names = ["Calls Import Members A", "Calls Import Members B", "Calls Import Members C"];
  const made = await Promise.all(names.map((name) => queues.create({ name })));
  await Promise.all(
    made.map((q) =>
      impl("genesyscloud:routing:QueueMembers").create({ queue: q.id, members: MEMBERS, memberGroups: [] }),
    ),
  );
  await emulatorControl(emu).clearStats();

  const client = new GenesysClient({
    apiBaseUrl: target.apiBaseUrl,
    loginBaseUrl: target.loginBaseUrl,
    clientId: target.clientId,
    clientSecret: target.clientSecret,
  });
  const exported = await membersExporter.list(client);

  const counted = await calls();
  // Every queue with members in the target, this test's among them, shares one listing of users by id.
  assert.equal(counted["GET /api/v2/users"], 1, JSON.stringify(counted));
  assert.equal(counted[`GET ${QUEUE}/members`], exported.length, JSON.stringify(counted));
  for (const name of names) {
    const link = exported.find((e) => e.name === name);
    assert.deepEqual((link?.args as { members?: unknown }).members, MEMBERS, name);
  }
  assert.deepEqual(
    exported.map((e) => e.name).filter((n) => names.includes(n)),
    names,
    "in the listing's order, whatever order the reads finished in",
  );
});

test("members of a queue this process did not create are listed first: a member already there keeps its ring", async () => {
  const queue = (await rawApi(target, "POST", "/api/v2/routing/queues", { name: "Calls Members Elsewhere" })).body as {
    id: string;
  };
  const search = await rawApi(target, "POST", "/api/v2/users/search", {
    query: [{ type: "EXACT", fields: ["email"], values: [MEMBERS[0]!.email] }],
  });
  const ana = (search.body as { results: { id: string }[] }).results[0]!.id;
  await rawApi(target, "POST", `/api/v2/routing/queues/${queue.id}/members`, [{ id: ana }]);
  await rawApi(target, "PATCH", `/api/v2/routing/queues/${queue.id}/members/${ana}`, { ringNumber: 3 });
  await emulatorControl(emu).clearStats();

  const link = await impl("genesyscloud:routing:QueueMembers").create({
    queue: queue.id,
    members: MEMBERS,
    memberGroups: [],
  });

  assert.equal((await calls())[`GET ${QUEUE}/members`], 1, "listed once");
  const outs = link.outs as { added: string[]; priorRings: Record<string, number> };
  assert.deepEqual(outs.priorRings, { [MEMBERS[0]!.email]: 3 }, "ana was a member before: destroy puts ring 3 back");
  assert.deepEqual(outs.added, [MEMBERS[1]!.email]);
});

test("a missing agent is searched again on every check, never remembered as missing", async () => {
  const queue = await impl("genesyscloud:routing:Queue").create({ name: "Calls Missing" });
  const members = [{ email: "nobody.yet@acme.example.com", ringNumber: 1 }];
  const links = impl("genesyscloud:routing:QueueMembers");
  await assert.rejects(links.create({ queue: queue.id, members, memberGroups: [] }), /nobody\.yet@acme\.example\.com/);
  await assert.rejects(links.create({ queue: queue.id, members, memberGroups: [] }), /nobody\.yet@acme\.example\.com/);
  assert.equal((await calls())["POST /api/v2/users/search"], 2);
});

test("flows: the conflict check at preview lists the target's flows once for every new flow", async () => {
  const flows = impl("genesyscloud:architect:Flow");
  await emulatorControl(emu).clearStats();
  for (const name of ["Calls Flow A", "Calls Flow B", "Calls Flow C"]) {
    const res = await flows.check({}, { name, type: "inboundcall", yaml: inboundFlowTemplate([]) });
    assert.deepEqual(res.failures, [], name);
  }
  assert.equal((await calls())["GET /api/v2/flows"], 1, "one listing serves the three checks");
});

test("refresh: user prompts are read from one listing with their resources, not a GET each", async () => {
  const prompts = impl("genesyscloud:architect:UserPrompt");
  const made = await Promise.all(
    ["Calls_Prompt_A", "Calls_Prompt_B", "Calls_Prompt_C"].map((name) =>
      prompts.create({ name, resources: [{ language: "en-us", ttsString: `Hello from ${name}` }] }),
    ),
  );
  await emulatorControl(emu).clearStats();

  for (const p of made) {
    const read = await prompts.read(p.id, p.outs);
    const resources = (read.props as { resources: { ttsString?: string }[] }).resources;
    assert.equal(resources[0]?.ttsString, (p.outs as { resources: { ttsString: string }[] }).resources[0]!.ttsString);
  }

  const counted = await calls();
  assert.equal(counted["GET /api/v2/architect/prompts"], 1, JSON.stringify(counted));
  assert.equal(counted["GET /api/v2/architect/prompts/{promptId}"], undefined, JSON.stringify(counted));
});
