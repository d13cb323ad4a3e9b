import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { emulatorControl, type OrgInfo, type RunningEmulator } from "@genesys-clone/emulator";
import { impl } from "@genesys-clone/provider/dist/process";
import { rawApi, startTarget } from "./target";

// Wire behaviours traced to the official SDK and the Terraform provider (issue 11): the provider's
// implementations, called as the provider process calls them, against an emulated target org.
let emu: RunningEmulator;
let target: OrgInfo;
const skills = () => impl("genesyscloud:routing:Skill");

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  return (await emulatorControl(emu).request(method, path, body)).body;
}

/** Requests of the target org by `METHOD path-template` since the last reset of the stats. */
async function requests(): Promise<Record<string, number>> {
  const stats = (await control("GET", "/stats?org=target")) as { orgs: { requests: Record<string, number> }[] };
  return stats.orgs[0]!.requests;
}

/** A raw API call to the target org with a fresh token (to set up or inspect state as another tool would). */
const api = (method: string, path: string, body?: unknown) => rawApi(target, method, path, body);

before(async () => {
  ({ emu, target } = await startTarget());
});
after(async () => emu.close());
beforeEach(async () => {
  await control("DELETE", "/stats");
});

test("skill: created in its division with the SDK's CreateRoutingSkill {name, divisionId}, no PATCH afterwards", async () => {
  const created = await skills().create({ name: "Wire Shape Skill", division: "Sales" });
  assert.equal(created.outs.division, "Sales");
  const calls = await requests();
  assert.equal(calls["POST /api/v2/routing/skills"], 1);
  assert.equal(calls["PATCH /api/v2/routing/skills/{skillId}"], undefined, "the division is set by the create itself");
  const stored = (await api("GET", `/api/v2/routing/skills/${created.id}`)).body as { division: { name: string } };
  assert.equal(stored.division.name, "Sales");
});

test("queue: updates and the QueueFlows link keep conditional group routing without resending the first rule's queue", async () => {
  const queues = impl("genesyscloud:routing:Queue");
  const created = await queues.create({ name: "CGR Managed", description: "before" });
  const team = "6a1b2c3d-0000-4000-8000-000000006e01";
  // Conditional group routing set outside the stack (the UI, or the standalone Terraform resource).
  const current = (await api("GET", `/api/v2/routing/queues/${created.id}`)).body as Record<string, unknown>;
  const set = await api("PUT", `/api/v2/routing/queues/${created.id}`, {
    ...current,
    conditionalGroupRouting: {
      rules: [
        {
          metric: "EstimatedWaitTime",
          operator: "GreaterThan",
          conditionValue: 30,
          groups: [{ id: team, type: "TEAM" }],
        },
      ],
    },
  });
  assert.equal(set.status, 200, JSON.stringify(set.body));

  const updated = await queues.update(created.id, created.outs, { name: "CGR Managed", description: "after" });
  assert.equal(updated.outs?.description, "after");

  const flow = (await api("POST", "/api/v2/flows", { name: "CGR In-Queue", type: "inqueuecall" })).body as {
    id: string;
  };
  const link = await impl("genesyscloud:routing:QueueFlows").create({ queue: created.id, queueFlow: flow.id });
  assert.equal(link.outs.queueFlow, flow.id);

  const after = (await api("GET", `/api/v2/routing/queues/${created.id}`)).body as {
    description: string;
    queueFlow: { id: string };
    conditionalGroupRouting: { rules: { queue: { id: string }; groups: { id: string }[] }[] };
  };
  assert.equal(after.description, "after");
  assert.equal(after.queueFlow.id, flow.id);
  assert.deepEqual(
    after.conditionalGroupRouting.rules.map((r) => [r.queue.id, r.groups[0]!.id]),
    [[created.id, team]],
    "the rules survive both PUTs",
  );
});

test("check: the API's limits (Terraform's schema) fail at preview, naming the object and the field", async () => {
  const queues = impl("genesyscloud:routing:Queue");
  const groups = impl("genesyscloud:architect:ScheduleGroup");
  const cases: { impl: typeof queues; news: Record<string, unknown>; reason: RegExp }[] = [
    {
      impl: queues,
      news: { name: "Limits", mediaSettings: { call: { alertingTimeoutSeconds: 6 } } },
      reason: /^Queue 'Limits': mediaSettings\.call\.alertingTimeoutSeconds: alertingTimeoutSeconds must be at least 7/,
    },
    {
      impl: queues,
      news: { name: "Limits", mediaSettings: { email: { serviceLevel: { percentage: 0.8, durationMs: 500 } } } },
      reason:
        /^Queue 'Limits': mediaSettings\.email\.serviceLevel\.durationMs: serviceLevel\.durationMs must be at least 1000/,
    },
    {
      impl: queues,
      news: { name: "Limits", bullseye: { rings: Array.from({ length: 7 }, () => ({})) } },
      reason: /^Queue 'Limits': bullseye\.rings: bullseye has at most 6 rings/,
    },
    {
      impl: groups,
      news: { name: "No Hours", timeZone: "Europe/Dublin" },
      reason:
        /^Schedule group 'No Hours': openSchedules is required: a schedule group needs at least one open schedule/,
    },
    {
      impl: groups,
      news: { name: "No Hours", timeZone: "Europe/Dublin", openSchedules: [] },
      reason: /^Schedule group 'No Hours': openSchedules needs at least one schedule/,
    },
  ];
  for (const c of cases) {
    const res = await c.impl.check({}, c.news);
    assert.equal(res.failures?.length, 1, JSON.stringify(res.failures));
    assert.match(res.failures![0]!.reason, c.reason);
  }
  const atLimits = {
    name: "Limits",
    mediaSettings: { call: { alertingTimeoutSeconds: 7, serviceLevel: { percentage: 0.8, durationMs: 1000 } } },
    bullseye: { rings: Array.from({ length: 6 }, () => ({})) },
  };
  assert.deepEqual((await queues.check({}, atLimits)).failures, []);
});

test("schedule: start/end in any fraction precision compare as times (create, verify, refresh, diff, end after start)", async () => {
  const schedules = impl("genesyscloud:architect:Schedule");
  const declared = {
    name: "Precise Hours",
    start: "2027-01-04T08:00:00.000000",
    end: "2027-01-04T18:00:00",
    rrule: "FREQ=WEEKLY;BYDAY=MO",
  };
  assert.deepEqual((await schedules.check({}, declared)).failures, []);
  const created = await schedules.create(declared);
  const stored = (await api("GET", `/api/v2/architect/schedules/${created.id}`)).body as { start: string; end: string };
  assert.deepEqual([stored.start, stored.end], ["2027-01-04T08:00:00.000", "2027-01-04T18:00:00.000"]);
  const read = await schedules.read(created.id, created.outs);
  assert.deepEqual(read.props, created.outs, "refresh keeps the code's spelling: no drift");
  assert.deepEqual(
    await schedules.diff(created.id, created.outs, {
      ...declared,
      start: "2027-01-04T08:00:00.000",
      end: "2027-01-04T18:00:00.0",
    }),
    { changes: false, replaces: [] },
  );
  assert.deepEqual(
    (await schedules.diff(created.id, created.outs, { ...declared, end: "2027-01-04T18:00:00.001" })).changes,
    true,
  );
  const backwards = await schedules.check(
    {},
    { name: "Backwards Precise", start: "2027-01-04T08:00:00.5", end: "2027-01-04T08:00:00.123456" },
  );
  assert.match(
    backwards.failures?.[0]?.reason ?? "",
    /Schedule 'Backwards Precise': end 2027-01-04T08:00:00\.123456 must be after start 2027-01-04T08:00:00\.5/,
  );
  const same = await schedules.check(
    {},
    { name: "Same Precise", start: "2027-01-04T08:00:00", end: "2027-01-04T08:00:00.000" },
  );
  assert.match(same.failures?.[0]?.reason ?? "", /must be after start/);
});

test("schedule: a version mismatch (409, or 400 'does not match the current version') re-reads and retries once", async () => {
  const { schedulesApi } = await import("@genesys-clone/provider/dist/resources/architect-schedule/api");
  const { client } = await import("@genesys-clone/provider/dist/process");
  const schedules = impl("genesyscloud:architect:Schedule");
  const declared = { name: "Contended Hours", start: "2027-01-04T08:00:00.000", end: "2027-01-04T18:00:00.000" };
  const created = await schedules.create(declared);
  const path = `/api/v2/architect/schedules/${created.id}`;
  const c = client();
  const stale = (await schedulesApi.get(c, created.id))!;
  // Someone else changes it (the emulator's real rule then answers 409 to the stale version).
  const current = (await api("GET", path)).body as Record<string, unknown>;
  assert.equal((await api("PUT", path, { ...current, description: "edited in the UI" })).status, 200);
  const division = { id: stale.division!.id };
  const updated = await schedulesApi.update(c, created.id, { ...declared, name: "Contended Hours 2", division }, stale);
  assert.equal(updated.name, "Contended Hours 2");
  assert.equal(updated.version, stale.version + 2);

  // The directory-style answer, 400 with the message Terraform looks for, once.
  await control("PUT", "/faults", [
    {
      org: "target",
      method: "PUT",
      path: "^/api/v2/architect/schedules/",
      status: 400,
      times: 1,
      message: "The version 3 does not match the current version 4.",
    },
  ]);
  try {
    const again = await schedulesApi.update(
      c,
      created.id,
      { ...declared, name: "Contended Hours 3", division },
      updated,
    );
    assert.equal(again.name, "Contended Hours 3");
  } finally {
    await control("PUT", "/faults", []);
  }
  const calls = await requests();
  assert.equal(
    calls["PUT /api/v2/architect/schedules/{scheduleId}"],
    5,
    "the UI's PUT, then two attempts per provider update",
  );
  // A second mismatch is a real concurrent edit: reported, not retried forever.
  await control("PUT", "/faults", [
    { org: "target", method: "PUT", path: "^/api/v2/architect/schedules/", status: 409, times: 2 },
  ]);
  try {
    await assert.rejects(
      schedulesApi.update(c, created.id, { ...declared, name: "Contended Hours 4", division }, updated),
      /HTTP 409/,
    );
  } finally {
    await control("PUT", "/faults", []);
  }
});

test("names are unique case-insensitively, as in the API: conflict check, adoption, divisions and lookups match names ignoring case", async () => {
  const { prefetchLookups, lookup } = await import("@genesys-clone/provider/dist/program/lookup");
  const { NO_TRANSFORMS } = await import("@genesys-clone/provider/dist/program/transforms");
  const { client } = await import("@genesys-clone/provider/dist/process");
  const codes = impl("genesyscloud:routing:WrapupCode");
  const made = await api("POST", "/api/v2/routing/skills", { name: "case skill" });
  assert.equal(made.status, 200);
  const skillId = (made.body as { id: string }).id;

  // Conflict check at preview, and at create (languages: no earlier test listed them in this process).
  const languages = impl("genesyscloud:routing:Language");
  assert.equal((await api("POST", "/api/v2/routing/languages", { name: "klingon" })).status, 200);
  const check = await languages.check({}, { name: "Klingon" });
  assert.match(
    check.failures?.[0]?.reason ?? "",
    /^Language 'Klingon' already exists in the target org as 'klingon' \(id [0-9a-f-]+\)\. Choose: adopt it/,
  );
  await assert.rejects(
    languages.create({ name: "Klingon" }),
    /Language 'Klingon' already exists in the target org as 'klingon' \(id /,
  );

  // Adoption takes over the object spelled differently (and gives it the declared spelling).
  const code = (await api("POST", "/api/v2/routing/wrapupcodes", { name: "left a voicemail" })).body as { id: string };
  const adopted = await codes.create({ name: "Left A Voicemail", onConflict: "adopt" });
  assert.equal(adopted.id, code.id);
  assert.equal(
    ((await api("GET", `/api/v2/routing/wrapupcodes/${code.id}`)).body as { name: string }).name,
    "Left A Voicemail",
  );

  // A division named in another case is that division; refresh keeps the code's spelling.
  const inSales = await skills().create({ name: "Lower Division Skill", division: "sales" });
  assert.equal(
    ((await api("GET", `/api/v2/routing/skills/${inSales.id}`)).body as { division: { name: string } }).division.name,
    "Sales",
  );
  assert.deepEqual((await skills().read(inSales.id, inSales.outs)).props, inSales.outs);

  // Lookups of objects the code references but does not declare.
  await prefetchLookups(client(), [{ type: "skills", name: "CASE SKILL" }], NO_TRANSFORMS);
  assert.equal(await new Promise((resolve) => lookup("skills", "CASE SKILL").apply(resolve)), skillId);
});

test("queue: a division change moves the queue with the division objects endpoint after the PUT", async () => {
  const queues = impl("genesyscloud:routing:Queue");
  const created = await queues.create({ name: "Moving Queue", division: "Sales" });
  await control("DELETE", "/stats");
  const updated = await queues.update(created.id, created.outs, { name: "Moving Queue", division: "Billing" });
  assert.equal(updated.outs?.division, "Billing");
  const stored = (await api("GET", `/api/v2/routing/queues/${created.id}`)).body as { division: { name: string } };
  assert.equal(stored.division.name, "Billing");
  const calls = await requests();
  assert.equal(calls["POST /api/v2/authorization/divisions/{divisionId}/objects/{objectType}"], 1);
  assert.deepEqual((await queues.read(created.id, updated.outs as Record<string, unknown>)).props?.division, "Billing");
});

test("division: destroy retries the API's 400 while objects deleted a moment before detach, for a bounded time", async () => {
  const divisions = impl("genesyscloud:auth:Division");
  const created = await divisions.create({ name: "Detach Lab" });
  const skill = (await api("POST", "/api/v2/routing/skills", { name: "Detaching Skill", divisionId: created.id }))
    .body as { id: string };
  assert.equal((await api("DELETE", `/api/v2/routing/skills/${skill.id}`)).status, 204);
  await control("DELETE", "/stats");
  await divisions.delete(created.id, created.outs);
  assert.equal((await api("GET", `/api/v2/authorization/divisions/${created.id}`)).status, 404);
  assert.ok(
    (await requests())["DELETE /api/v2/authorization/divisions/{divisionId}"]! >= 2,
    "the first attempt met the still-attached skill",
  );

  // A division that really still holds something fails after Terraform's 10 attempts, naming what to do.
  const { divisionsApi } = await import("@genesys-clone/provider/dist/resources/auth-division/api");
  const { client } = await import("@genesys-clone/provider/dist/process");
  const full = (await api("POST", "/api/v2/authorization/divisions", { name: "Full Lab", description: "" })).body as {
    id: string;
  };
  assert.equal(
    (await api("POST", "/api/v2/routing/skills", { name: "Staying Skill", divisionId: full.id })).status,
    200,
  );
  const waits: number[] = [];
  await assert.rejects(
    divisionsApi.remove(client(), full.id, async (ms: number) => void waits.push(ms)),
    /Division Full Lab is not empty: it contains 1 skill\..* Still refused after 10 attempts over 23 s: move or delete what is still in the division/,
  );
  assert.deepEqual(waits, [500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500]);
});

test("queue media settings: the callback site by name, media flows through QueueFlows, kept by the queue's own updates", async () => {
  const queues = impl("genesyscloud:routing:Queue");
  const links = impl("genesyscloud:routing:QueueFlows");
  const media = {
    callback: { alertingTimeoutSeconds: 30, mode: "AgentFirst" },
    message: {
      alertingTimeoutSeconds: 30,
      enableInactivityTimeout: true,
      inactivityTimeoutSettings: { timeoutSeconds: 600, actionType: "Disconnect" },
    },
  };
  const declared = { name: "Callback Queue", mediaSettings: media, callbackSite: "EU West Site" };
  assert.match(
    (await queues.check({}, { ...declared, name: "Nowhere Queue", callbackSite: "Mars Site" })).failures?.[0]?.reason ??
      "",
    /Queue 'Nowhere Queue': site 'Mars Site' does not exist in the target org: map it in the transforms file \(sites:\)/,
  );
  const created = await queues.create(declared);
  const site = (
    (await api("GET", "/api/v2/telephony/providers/edges/sites?pageSize=100")).body as {
      entities: { id: string; name: string }[];
    }
  ).entities.find((s) => s.name === "EU West Site")!;
  type Stored = {
    description?: string;
    mediaSettings: {
      callback: { site?: { id: string }; liveVoiceFlow?: { id: string } };
      message: { inactivityTimeoutSettings: { flowId?: { id: string }; timeoutSeconds: number } };
    };
  };
  const stored = async () => (await api("GET", `/api/v2/routing/queues/${created.id}`)).body as Stored;
  assert.equal((await stored()).mediaSettings.callback.site?.id, site.id);
  assert.deepEqual(
    (await queues.read(created.id, created.outs)).props,
    created.outs,
    "refresh: the site by name, no drift",
  );

  const flow = (await api("POST", "/api/v2/flows", { name: "Live Voice", type: "outboundcall" })).body as {
    id: string;
  };
  const link = await links.create({
    queue: created.id,
    callbackLiveVoiceFlow: flow.id,
    messageInactivityTimeoutFlow: flow.id,
  });
  assert.equal((await stored()).mediaSettings.callback.liveVoiceFlow?.id, flow.id);
  assert.equal((await stored()).mediaSettings.message.inactivityTimeoutSettings.flowId?.id, flow.id);
  assert.deepEqual((await links.read(link.id, link.outs)).props, link.outs);

  // The queue's own full-replace PUT leaves what QueueFlows set.
  await queues.update(created.id, created.outs, { ...declared, description: "updated" });
  const after = await stored();
  assert.equal(after.description, "updated");
  assert.equal(after.mediaSettings.callback.liveVoiceFlow?.id, flow.id);
  assert.equal(after.mediaSettings.message.inactivityTimeoutSettings.flowId?.id, flow.id);
  assert.equal(after.mediaSettings.message.inactivityTimeoutSettings.timeoutSeconds, 600);

  await links.delete(link.id, link.outs);
  const restored = await stored();
  assert.equal(restored.mediaSettings.callback.liveVoiceFlow, undefined, "the link's destroy puts back what was there");
  assert.equal(restored.mediaSettings.message.inactivityTimeoutSettings.flowId, undefined);
});

test("queue: the callback edge group by name and the outbound email address as route@domain, the target's ids on the wire", async () => {
  const queues = impl("genesyscloud:routing:Queue");
  type Listing = { entities: { id: string; name?: string; pattern?: string }[] };
  const group = ((await api("GET", "/api/v2/telephony/providers/edges/edgegroups")).body as Listing).entities.find(
    (g) => g.name === "EU West Edge Group",
  )!;
  const routes = (await api("GET", "/api/v2/routing/email/domains/acme-eu.example.com/routes")).body as Listing;
  const route = (pattern: string) => routes.entities.find((r) => r.pattern === pattern)!.id;

  // Preview fails naming the queue, what the target lacks and the transforms key that maps it.
  const failures: [Record<string, string>, RegExp][] = [
    [
      { callbackEdgeGroup: "US East Edge Group" },
      /Queue 'Refs Queue': edge group 'US East Edge Group' \(callbackEdgeGroup\) does not exist in the target org: map it in the transforms file \(edgeGroups:\)/,
    ],
    [
      { outboundEmailAddress: "support@acme-us.example.com" },
      /Queue 'Refs Queue': outboundEmailAddress 'support@acme-us.example.com': email domain 'acme-us.example.com' does not exist in the target org: map the domain in the transforms file \(emailDomains:\)/,
    ],
    [
      { outboundEmailAddress: "billing@acme-eu.example.com" },
      /email domain 'acme-eu.example.com' has no route 'billing'/,
    ],
    [{ outboundEmailAddress: "not-an-address" }, /outboundEmailAddress is route@domain/],
  ];
  for (const [args, reason] of failures) {
    const check = await queues.check({}, { name: "Refs Queue", ...args });
    assert.match(check.failures?.map((f) => f.reason).join("\n") ?? "(no failure)", reason, JSON.stringify(args));
  }

  const declared = {
    name: "Refs Queue",
    callbackEdgeGroup: "EU West Edge Group",
    outboundEmailAddress: "support@ACME-EU.example.com",
  };
  assert.deepEqual((await queues.check({}, declared)).failures ?? [], []);
  const created = await queues.create(declared);
  type Stored = {
    mediaSettings?: { callback?: { edgeGroup?: { id: string } } };
    outboundEmailAddress?: { domain?: { id: string }; route?: { id: string } };
  };
  const stored = async () => (await api("GET", `/api/v2/routing/queues/${created.id}`)).body as Stored;
  assert.equal((await stored()).mediaSettings?.callback?.edgeGroup?.id, group.id);
  assert.equal((await stored()).outboundEmailAddress?.domain?.id, "acme-eu.example.com");
  assert.equal((await stored()).outboundEmailAddress?.route?.id, route("support"));
  const read = (await queues.read(created.id, created.outs)).props as Record<string, unknown>;
  assert.equal(read.callbackEdgeGroup, "EU West Edge Group", "refresh: the edge group by name");
  assert.equal(read.outboundEmailAddress, "support@acme-eu.example.com", "refresh: route@domain, domain lower-cased");

  // Another route by update; a later update that does not declare them keeps both (the target's own settings).
  await queues.update(created.id, created.outs, { ...declared, outboundEmailAddress: "sales@acme-eu.example.com" });
  assert.equal((await stored()).outboundEmailAddress?.route?.id, route("sales"));
  await queues.update(created.id, created.outs, { name: "Refs Queue" });
  assert.equal((await stored()).outboundEmailAddress?.route?.id, route("sales"));
  assert.equal((await stored()).mediaSettings?.callback?.edgeGroup?.id, group.id);
});
