import assert from "node:assert/strict";
import { test } from "node:test";
import type { OrgInfo } from "@genesys-clone/emulator";
import {
  arr,
  call,
  control,
  divisionIds,
  entitiesOf,
  errorOf,
  idByName,
  ManualClock,
  obj,
  UUID_RE,
  withSource,
  type Json,
} from "./helpers";

const QUEUES = "/api/v2/routing/queues";
const SKILLS = "/api/v2/routing/skills";
const WRAPUPCODES = "/api/v2/routing/wrapupcodes";
const PROMPT_ID = "6a1b2c3d-0000-4000-8000-0000000090a1";
const SCRIPT_ID = "6a1b2c3d-0000-4000-8000-000000005c01";

/** Ids of in-queue flows of the three kinds a queue can use. */
interface InQueueFlows {
  call: string;
  email: string;
  message: string;
}

/** Creates shell flows for a queue's queueFlow / emailInQueueFlow / messageInQueueFlow (they must exist now). */
async function inQueueFlows(source: OrgInfo, token: string): Promise<InQueueFlows> {
  const make = async (name: string, type: string): Promise<string> => {
    const r = await call(source, token, "POST", "/api/v2/flows", { name, type });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return String(obj(r.body)["id"]);
  };
  return {
    call: await make("RT Call", "inqueuecall"),
    email: await make("RT Email", "inqueueemail"),
    message: await make("RT Message", "inqueueshortmessage"),
  };
}

/** A CreateQueueRequest using every field the emulator stores. */
function fullQueue(divisionId: string, skillId: string, flows: InQueueFlows): Json {
  const media = {
    alertingTimeoutSeconds: 8,
    serviceLevel: { percentage: 0.8, durationMs: 20000 },
    enableAutoAnswer: false,
    autoAnswerAlertToneSeconds: 0,
    manualAnswerAlertToneSeconds: 1,
  };
  return {
    name: "Round Trip",
    division: { id: divisionId },
    description: "every field",
    mediaSettings: {
      call: media,
      callback: {
        ...media,
        alertingTimeoutSeconds: 30,
        mode: "AgentFirst",
        enableAutoDialAndEnd: true,
        autoDialDelaySeconds: 5,
      },
      chat: { ...media, enableAutoAnswer: true },
      email: { ...media, alertingTimeoutSeconds: 300, allOutboundEmailAddresses: [] },
      message: { ...media, enableInactivityTimeout: true, subTypeSettings: { sms: { enableAutoAnswer: false } } },
    },
    routingRules: [
      { operator: "MEETS_THRESHOLD", threshold: 9, waitSeconds: 5 },
      { operator: "ANY", threshold: 0, waitSeconds: 10 },
    ],
    bullseye: {
      rings: [
        {
          expansionCriteria: [{ type: "TIMEOUT_SECONDS", threshold: 15 }],
          actions: { skillsToRemove: [{ id: skillId }] },
        },
        {
          expansionCriteria: [{ type: "TIMEOUT_SECONDS", threshold: 30 }],
          memberGroups: [{ id: "6a1b2c3d-0000-4000-8000-000000006e01", type: "TEAM" }],
        },
        {},
      ],
    },
    scoringMethod: "PriorityOnly",
    lastAgentRoutingMode: "QueueMembersOnly",
    acwSettings: { wrapupPrompt: "MANDATORY_TIMEOUT", timeoutMs: 45000 },
    skillEvaluationMethod: "BEST",
    queueFlow: { id: flows.call },
    emailInQueueFlow: { id: flows.email },
    messageInQueueFlow: { id: flows.message },
    whisperPrompt: { id: PROMPT_ID },
    onHoldPrompt: { id: PROMPT_ID },
    autoAnswerOnly: true,
    enableTranscription: true,
    enableAudioMonitoring: false,
    enableManualAssignment: true,
    suppressInQueueCallRecording: true,
    callingPartyName: "Acme",
    callingPartyNumber: "+13175550199",
    defaultScripts: { CALL: { id: SCRIPT_ID }, CHAT: { id: SCRIPT_ID } },
  };
}

async function queueId(source: OrgInfo, token: string, name: string): Promise<string> {
  return idByName(source, token, QUEUES, name);
}

test("queues: create with the full field set, GET, and a GET-then-PUT round trip", async () => {
  await withSource({}, async (_emu, source, token) => {
    const div = await divisionIds(source, token);
    const skillId = await idByName(source, token, SKILLS, "Refunds");
    const flows = await inQueueFlows(source, token);
    const request = fullQueue(div["Billing"]!, skillId, flows);
    const created = await call(source, token, "POST", QUEUES, request);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const q = obj(created.body);
    const id = String(q["id"]);
    assert.match(id, UUID_RE);
    assert.equal(q["selfUri"], `${QUEUES}/${id}`);
    for (const k of ["memberCount", "userMemberCount", "joinedMemberCount"]) assert.equal(q[k], 0, k);
    assert.ok(!Number.isNaN(Date.parse(String(q["dateCreated"]))));
    assert.deepEqual(q["division"], {
      id: div["Billing"],
      name: "Billing",
      selfUri: `/api/v2/authorization/divisions/${div["Billing"]}`,
    });

    // every stored field comes back as sent, references gain a selfUri (and the skill its name)
    const expected: Json = {
      ...request,
      division: q["division"],
      bullseye: {
        rings: [
          {
            expansionCriteria: [{ type: "TIMEOUT_SECONDS", threshold: 15 }],
            actions: { skillsToRemove: [{ id: skillId, name: "Refunds", selfUri: `${SKILLS}/${skillId}` }] },
          },
          {
            expansionCriteria: [{ type: "TIMEOUT_SECONDS", threshold: 30 }],
            memberGroups: [{ id: "6a1b2c3d-0000-4000-8000-000000006e01", type: "TEAM" }],
          },
          {},
        ],
      },
      // flow references gain the flow's name too
      queueFlow: { id: flows.call, name: "RT Call", selfUri: `/api/v2/flows/${flows.call}` },
      emailInQueueFlow: { id: flows.email, name: "RT Email", selfUri: `/api/v2/flows/${flows.email}` },
      messageInQueueFlow: { id: flows.message, name: "RT Message", selfUri: `/api/v2/flows/${flows.message}` },
      whisperPrompt: { id: PROMPT_ID, selfUri: `/api/v2/architect/prompts/${PROMPT_ID}` },
      onHoldPrompt: { id: PROMPT_ID, selfUri: `/api/v2/architect/prompts/${PROMPT_ID}` },
      defaultScripts: {
        CALL: { id: SCRIPT_ID, selfUri: `/api/v2/scripts/${SCRIPT_ID}` },
        CHAT: { id: SCRIPT_ID, selfUri: `/api/v2/scripts/${SCRIPT_ID}` },
      },
    };
    for (const [k, v] of Object.entries(expected)) assert.deepEqual(q[k], v, k);
    assert.deepEqual((await call(source, token, "GET", `${QUEUES}/${id}`)).body, q);

    // PUT of what GET returned (read-only fields included, as TF and the SDK do) changes nothing but dateModified
    const put = await call(source, token, "PUT", `${QUEUES}/${id}`, q);
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.deepEqual({ ...obj(put.body), dateModified: q["dateModified"] }, q);
  });
});

test("queues: PUT is a full replace; defaults; null means absent; wrap-up codes stay", async () => {
  await withSource({}, async (_emu, source, token) => {
    const id = await queueId(source, token, "Billing - Payments");
    const before = obj((await call(source, token, "GET", `${QUEUES}/${id}`)).body);
    assert.equal(obj(before["division"])["name"], "Billing");
    const codesBefore = entitiesOf(await call(source, token, "GET", `${QUEUES}/${id}/wrapupcodes`)).map((w) => w["id"]);
    assert.ok(codesBefore.length >= 3);

    const put = await call(source, token, "PUT", `${QUEUES}/${id}`, {
      name: "Billing - Payments",
      description: null,
      acwSettings: { wrapupPrompt: "OPTIONAL" },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const p = obj(put.body);
    assert.deepEqual(Object.keys(p), [
      "id",
      "name",
      "division",
      "dateCreated",
      "dateModified",
      "memberCount",
      "userMemberCount",
      "joinedMemberCount",
      "acwSettings",
      "skillEvaluationMethod",
      "selfUri",
    ]);
    // PUT never moves a queue (Terraform moves queues with POST /authorization/divisions/{id}/objects/QUEUE)
    assert.equal(obj(p["division"])["name"], "Billing");
    assert.equal(p["skillEvaluationMethod"], "ALL"); // the default
    assert.equal(p["dateCreated"], before["dateCreated"]);
    assert.deepEqual(
      entitiesOf(await call(source, token, "GET", `${QUEUES}/${id}/wrapupcodes`)).map((w) => w["id"]),
      codesBefore,
    );

    // renaming onto another queue's name is a duplicate; keeping one's own name (other case) is not
    assert.equal((await call(source, token, "PUT", `${QUEUES}/${id}`, { name: "billing - payments" })).status, 200);
    assert.equal(
      errorOf(await call(source, token, "PUT", `${QUEUES}/${id}`, { name: "Billing - Refunds" }))["code"],
      "general.conflict",
    );
  });
});

interface EnumCase {
  field: string;
  body: Json;
  value: string;
  allowed: string;
}

const ENUM_CASES: EnumCase[] = [
  {
    field: "acwSettings.wrapupPrompt",
    body: { acwSettings: { wrapupPrompt: "SOMETIMES" } },
    value: "SOMETIMES",
    allowed: "MANDATORY, OPTIONAL, MANDATORY_TIMEOUT, MANDATORY_FORCED_TIMEOUT, AGENT_REQUESTED",
  },
  {
    field: "skillEvaluationMethod",
    body: { skillEvaluationMethod: "SOME" },
    value: "SOME",
    allowed: "NONE, BEST, ALL",
  },
  {
    field: "scoringMethod",
    body: { scoringMethod: "Random" },
    value: "Random",
    allowed: "TimestampAndPriority, PriorityOnly",
  },
  {
    field: "lastAgentRoutingMode",
    body: { lastAgentRoutingMode: "anyagent" },
    value: "anyagent",
    allowed: "Disabled, QueueMembersOnly, AnyAgent",
  },
  {
    field: "routingRules[1].operator",
    body: { routingRules: [{ operator: "ANY" }, { operator: "ALL" }] },
    value: "ALL",
    allowed: "MEETS_THRESHOLD, ANY",
  },
  {
    field: "bullseye.rings[0].expansionCriteria[0].type",
    body: { bullseye: { rings: [{ expansionCriteria: [{ type: "MINUTES", threshold: 1 }] }] } },
    value: "MINUTES",
    allowed: "TIMEOUT_SECONDS",
  },
  {
    field: "defaultScripts",
    body: { defaultScripts: { FAX: { id: SCRIPT_ID } } },
    value: "FAX",
    allowed: "CALL, CALLBACK, CHAT, COBROWSE, EMAIL, MESSAGE, SOCIAL_EXPRESSION, VIDEO, SCREENSHARE",
  },
];

test("queues: unknown enum values name the field and list the allowable values", async () => {
  await withSource({}, async (_emu, source, token) => {
    for (const c of ENUM_CASES) {
      const r = await call(source, token, "POST", QUEUES, { name: "Enum Test", ...c.body });
      assert.equal(r.status, 400, c.field);
      const e = errorOf(r);
      assert.equal(e["code"], "invalid.value", c.field);
      assert.equal(
        e["message"],
        `Value [${c.value}] is not valid for field type [${c.field}]. Allowable values are: ${c.allowed}`,
      );
      assert.deepEqual(e["messageParams"], { value: c.value, field: c.field, allowed: c.allowed }, c.field);
    }
  });
});

interface RejectCase {
  name: string;
  body: unknown;
  status: number;
  code: string;
  message: RegExp;
}

const REJECT_CASES: RejectCase[] = [
  { name: "missing name", body: { description: "x" }, status: 400, code: "invalid.value", message: /'name'/ },
  {
    name: "duplicate name (case-insensitive) -> duplicateName knob",
    body: { name: "support - tier 1" },
    status: 409,
    code: "general.conflict",
    message: /^A queue with name 'support - tier 1' already exists$/,
  },
  {
    name: "unknown division",
    body: { name: "Q", division: { id: "00000000-0000-4000-8000-000000000000" } },
    status: 400,
    code: "invalid.value",
    message: /Division 00000000-0000-4000-8000-000000000000 not found/,
  },
  {
    name: "acw timeout below 1 s",
    body: { name: "Q", acwSettings: { wrapupPrompt: "OPTIONAL", timeoutMs: 999 } },
    status: 400,
    code: "invalid.value",
    message: /acwSettings\.timeoutMs/,
  },
  {
    name: "acw timeout above 60 min",
    body: { name: "Q", acwSettings: { timeoutMs: 3_600_001 } },
    status: 400,
    code: "invalid.value",
    message: /acwSettings\.timeoutMs/,
  },
  {
    name: "service level above 1",
    body: { name: "Q", mediaSettings: { call: { serviceLevel: { percentage: 80 } } } },
    status: 400,
    code: "invalid.value",
    message: /mediaSettings\.call\.serviceLevel\.percentage/,
  },
  {
    name: "boolean field as string",
    body: { name: "Q", enableTranscription: "yes" },
    status: 400,
    code: "invalid.value",
    message: /enableTranscription/,
  },
  {
    name: "flow reference not a UUID",
    body: { name: "Q", queueFlow: { id: "main-flow" } },
    status: 400,
    code: "invalid.value",
    message: /queueFlow\.id/,
  },
  {
    name: "unknown skill in bullseye",
    body: {
      name: "Q",
      bullseye: { rings: [{ actions: { skillsToRemove: [{ id: "00000000-0000-4000-8000-00000000beef" }] } }] },
    },
    status: 400,
    code: "invalid.value",
    message:
      /Skill 00000000-0000-4000-8000-00000000beef in bullseye\.rings\[0\]\.actions\.skillsToRemove does not exist/,
  },
  {
    name: "soft-deleted skill in bullseye",
    body: { name: "Q", bullseye: { rings: [{}, { actions: { skillsToRemove: [{ id: "{legacy}" }] } }] } },
    status: 400,
    code: "invalid.value",
    message: /^Skill \{legacy\} in bullseye\.rings\[1\]\.actions\.skillsToRemove does not exist$/,
  },
  { name: "body is not an object", body: [1], status: 400, code: "invalid.value", message: /body/ },
];

test("queues: table of rejected creates (nothing stored)", async () => {
  await withSource({}, async (emu, source, token) => {
    const legacy = await idByName(source, token, SKILLS, "Legacy Fax Support");
    const before = (await control(emu, "GET", "/state?org=source")).body;
    for (const c of REJECT_CASES) {
      const body = JSON.parse(JSON.stringify(c.body).replace("{legacy}", legacy)) as unknown;
      const r = await call(source, token, "POST", QUEUES, body);
      assert.equal(r.status, c.status, c.name);
      const e = errorOf(r);
      assert.equal(e["code"], c.code, c.name);
      assert.match(String(e["message"]).replace(legacy, "{legacy}"), c.message, c.name);
    }
    assert.deepEqual((await control(emu, "GET", "/state?org=source")).body, before);
  });
});

interface ListCase {
  name: string;
  query: string;
  expect: (names: string[], total: number) => void;
}

const LIST_CASES: ListCase[] = [
  {
    name: "all 31 seeded queues, sorted by name",
    query: "pageSize=500",
    expect: (n, t) => {
      assert.equal(t, 31);
      const lower = n.map((x) => x.toLowerCase());
      assert.deepEqual(lower, [...lower].sort());
    },
  },
  {
    name: "sortOrder=desc reverses",
    query: "pageSize=3&sortOrder=desc",
    expect: (n) => assert.deepEqual(n, ["Support - Tier 3", "Support - Tier 2", "Support - Tier 1"]),
  },
  {
    name: "name without * is a case-insensitive prefix",
    query: "name=billing",
    expect: (n) => assert.equal(n.length, 6),
  },
  {
    name: "trailing * is a prefix",
    query: "name=Support%20-%20T*",
    expect: (n) => assert.deepEqual(n, ["Support - Tier 1", "Support - Tier 2", "Support - Tier 3"]),
  },
  {
    name: "leading * is a suffix",
    query: "name=*chat",
    expect: (n) => assert.deepEqual(n, ["Sales - Chat", "Support - Chat"]),
  },
  {
    name: "leading and trailing * is a substring",
    query: "name=*spanish*",
    expect: (n) => assert.deepEqual(n, ["Sales - Spanish", "Support - Spanish"]),
  },
];

test("queues: listing filters, sorting and paging", async () => {
  await withSource({}, async (_emu, source, token) => {
    for (const c of LIST_CASES) {
      const b = obj((await call(source, token, "GET", `${QUEUES}?${c.query}`)).body);
      c.expect(
        arr(b["entities"]).map((q) => String(q["name"])),
        Number(b["total"]),
      );
    }
    const div = await divisionIds(source, token);
    const home = entitiesOf(await call(source, token, "GET", `${QUEUES}?divisionId=${div["Home"]}`));
    assert.deepEqual(
      home.map((q) => q["name"]),
      ["General Enquiries", "Operator", "Overflow"],
    );
    const two = entitiesOf(await call(source, token, "GET", `${QUEUES}?pageSize=100`))
      .slice(0, 2)
      .map((q) => String(q["id"]));
    assert.deepEqual(
      entitiesOf(await call(source, token, "GET", `${QUEUES}?id=${two.join(",")}`)).map((q) => q["id"]),
      two,
    );
    assert.equal(
      errorOf(await call(source, token, "GET", `${QUEUES}?pageSize=501`))["code"],
      "invalid.query.param.value",
    );
  });
});

test("queue wrap-up codes: add (idempotent), list, limits, unknown code, remove", async () => {
  await withSource({}, async (emu, source, token) => {
    const id = await queueId(source, token, "Operator");
    const path = `${QUEUES}/${id}/wrapupcodes`;
    assert.deepEqual(
      entitiesOf(await call(source, token, "GET", path)).map((w) => w["name"]),
      ["Information Provided", "Transferred", "Wrong Number"],
    );

    const refund = await idByName(source, token, WRAPUPCODES, "Refund Issued");
    const abandoned = await idByName(source, token, WRAPUPCODES, "Abandoned");
    const added = await call(source, token, "POST", path, [{ id: refund }, { id: abandoned }, { id: refund }]);
    assert.equal(added.status, 200);
    assert.deepEqual(
      arr(added.body).map((w) => w["name"]),
      ["Refund Issued", "Abandoned"],
    );
    assert.equal(arr(added.body)[0]!["selfUri"], `${WRAPUPCODES}/${refund}`);
    // adding an assigned code again is fine
    assert.equal((await call(source, token, "POST", path, [{ id: refund }])).status, 200);
    const listing = obj((await call(source, token, "GET", `${path}?pageSize=2`)).body);
    assert.equal(listing["total"], 5);
    assert.equal(listing["nextUri"], `${path}?pageSize=2&pageNumber=2`);
    assert.deepEqual(
      entitiesOf(await call(source, token, "GET", `${path}?name=wr`)).map((w) => w["name"]),
      ["Wrong Number"],
    );

    const before = (await control(emu, "GET", "/state?org=source")).body;
    const tooMany = await call(
      source,
      token,
      "POST",
      path,
      Array.from({ length: 101 }, () => ({ id: refund })),
    );
    assert.equal(tooMany.status, 400);
    assert.equal(errorOf(tooMany)["code"], "bad.request");
    const unknown = await call(source, token, "POST", path, [
      { id: abandoned },
      { id: "00000000-0000-4000-8000-000000000c0d" },
    ]);
    assert.equal(unknown.status, 400);
    assert.equal(errorOf(unknown)["code"], "invalid.value");
    assert.match(String(errorOf(unknown)["message"]), /00000000-0000-4000-8000-000000000c0d/);
    assert.equal(errorOf(await call(source, token, "POST", path, { id: refund }))["code"], "invalid.value");
    assert.deepEqual((await control(emu, "GET", "/state?org=source")).body, before);

    assert.equal((await call(source, token, "DELETE", `${path}/${refund}`)).status, 204);
    assert.equal(errorOf(await call(source, token, "DELETE", `${path}/${refund}`))["code"], "not.found");
    assert.equal(
      (await call(source, token, "GET", `${QUEUES}/00000000-0000-4000-8000-000000000000/wrapupcodes`)).status,
      404,
    );
    assert.equal(
      (
        await call(source, token, "POST", `${QUEUES}/00000000-0000-4000-8000-000000000000/wrapupcodes`, [
          { id: refund },
        ])
      ).status,
      404,
    );
  });
});

test("deleting a wrap-up code a queue uses: 409, or unassigned with wrapupCodeInUseConflict=false", async () => {
  await withSource({}, async (emu, source, token) => {
    const code = await idByName(source, token, WRAPUPCODES, "Survey Declined");
    const r = await call(source, token, "DELETE", `${WRAPUPCODES}/${code}`);
    assert.equal(r.status, 409);
    assert.equal(errorOf(r)["code"], "general.conflict");
    assert.match(
      String(errorOf(r)["message"]),
      /Survey Declined is in use by queue\(s\): Complaints, General Enquiries/,
    );

    await control(emu, "PUT", "/orgs/source/settings", { wrapupCodeInUseConflict: false });
    assert.equal((await call(source, token, "DELETE", `${WRAPUPCODES}/${code}`)).status, 204);
    const complaints = await queueId(source, token, "Complaints");
    const names = entitiesOf(await call(source, token, "GET", `${QUEUES}/${complaints}/wrapupcodes`)).map(
      (w) => w["name"],
    );
    assert.ok(!names.includes("Survey Declined"));
  });
});

test("queue delete: forceDelete, immediate 404 by default, queueDeleteDelayMs keeps it readable", async () => {
  await withSource({ clock: new ManualClock() }, async (emu, source, token) => {
    const a = await queueId(source, token, "Overflow");
    assert.equal((await call(source, token, "DELETE", `${QUEUES}/${a}?forceDelete=true`)).status, 204);
    assert.equal(errorOf(await call(source, token, "GET", `${QUEUES}/${a}`))["code"], "not.found");
    assert.equal((await call(source, token, "DELETE", `${QUEUES}/${a}`)).status, 404);
    assert.equal((await call(source, token, "POST", QUEUES, { name: "Overflow" })).status, 200);
    assert.equal(
      errorOf(await call(source, token, "DELETE", `${QUEUES}/${a}?forceDelete=maybe`))["code"],
      "invalid.query.param.value",
    );

    await control(emu, "PUT", "/orgs/source/settings", { queueDeleteDelayMs: 5000 });
    const b = await queueId(source, token, "Operator");
    assert.equal((await call(source, token, "DELETE", `${QUEUES}/${b}?forceDelete=false`)).status, 204);
    // still readable, but not listed, not writable, and its name is still taken
    assert.equal(obj((await call(source, token, "GET", `${QUEUES}/${b}`)).body)["name"], "Operator");
    assert.equal(entitiesOf(await call(source, token, "GET", `${QUEUES}?name=Operator`)).length, 0);
    assert.equal((await call(source, token, "PUT", `${QUEUES}/${b}`, { name: "Operator" })).status, 404);
    assert.equal((await call(source, token, "DELETE", `${QUEUES}/${b}`)).status, 404);
    assert.equal((await call(source, token, "GET", `${QUEUES}/${b}/wrapupcodes`)).status, 404);
    assert.equal((await call(source, token, "POST", QUEUES, { name: "Operator" })).status, 409);
    const dump = obj((await control(emu, "GET", "/state?org=source")).body);
    assert.ok(!arr(dump["queues"]).some((q) => q["id"] === b));

    await control(emu, "POST", "/clock", { advanceMs: 4999 });
    assert.equal((await call(source, token, "GET", `${QUEUES}/${b}`)).status, 200);
    await control(emu, "POST", "/clock", { advanceMs: 1 });
    assert.equal((await call(source, token, "GET", `${QUEUES}/${b}`)).status, 404);
    assert.equal((await call(source, token, "POST", QUEUES, { name: "Operator" })).status, 200);
  });
});

test("stats use the queue path templates", async () => {
  await withSource({}, async (emu, source, token) => {
    const id = await queueId(source, token, "Operator");
    await call(source, token, "GET", `${QUEUES}/${id}`);
    await call(source, token, "GET", `${QUEUES}/${id}/wrapupcodes`);
    const code = String(entitiesOf(await call(source, token, "GET", `${QUEUES}/${id}/wrapupcodes`))[0]!["id"]);
    await call(source, token, "DELETE", `${QUEUES}/${id}/wrapupcodes/${code}`);
    const stats = obj(arr(obj((await control(emu, "GET", "/stats?org=source")).body)["orgs"])[0]);
    const requests = obj(stats["requests"]);
    assert.equal(requests["GET /api/v2/routing/queues/{queueId}"], 1);
    assert.equal(requests["GET /api/v2/routing/queues/{queueId}/wrapupcodes"], 2);
    assert.equal(requests["DELETE /api/v2/routing/queues/{queueId}/wrapupcodes/{codeId}"], 1);
  });
});
