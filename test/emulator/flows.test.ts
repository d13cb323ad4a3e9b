import assert from "node:assert/strict";
import { test } from "node:test";
import { FLOWS, flowId } from "./flow-helpers";
import {
  arr,
  call,
  control,
  divisionIds,
  entitiesOf,
  errorOf,
  grant,
  idByName,
  ManualClock,
  obj,
  org,
  UUID_RE,
  withEmulator,
  withSource,
  type Json,
} from "./helpers";

const QUEUES = "/api/v2/routing/queues";

interface ListCase {
  name: string;
  query: string;
  expect: string[] | number;
}

const LIST_CASES: ListCase[] = [
  {
    name: "every seeded flow, by name (the default flows every org has included)",
    query: "",
    expect: [
      "Default In-Queue Flow",
      "Default Voicemail Flow",
      "Emergency Closure",
      "Main IVR",
      "Sales In-Queue",
      "Spanish IVR",
      "Standard In-Queue",
      "Store Locator",
      "Support In-Queue",
    ],
  },
  {
    name: "type filter is lowercase",
    query: "type=inqueuecall",
    expect: ["Default In-Queue Flow", "Sales In-Queue", "Standard In-Queue", "Support In-Queue"],
  },
  { name: "type filter: any case, comma list", query: "type=INBOUNDCALL,inqueuecall", expect: 8 },
  {
    name: "type filter: repeated parameter",
    query: "type=inboundcall&type=inboundchat",
    expect: ["Emergency Closure", "Main IVR", "Spanish IVR", "Store Locator"],
  },
  { name: "name is a case-insensitive prefix", query: "name=main", expect: ["Main IVR"] },
  {
    name: "name with a * wildcard",
    query: "name=*In-Queue",
    expect: ["Default In-Queue Flow", "Sales In-Queue", "Standard In-Queue", "Support In-Queue"],
  },
  { name: "name with a * in the middle", query: "name=S*IVR", expect: ["Spanish IVR"] },
  {
    name: "sortOrder=desc reverses",
    query: "sortOrder=desc&pageSize=2",
    expect: ["Support In-Queue", "Store Locator"],
  },
  { name: "deleted=true changes nothing (deletes are hard)", query: "deleted=true", expect: 9 },
  { name: "paging", query: "pageSize=2&pageNumber=5", expect: ["Support In-Queue"] },
];

test("flows: listing filters, sorting and paging over the seeded flows", async () => {
  await withSource({}, async (_emu, source, token) => {
    for (const c of LIST_CASES) {
      const r = await call(source, token, "GET", `${FLOWS}?${c.query}`);
      const names = entitiesOf(r).map((f) => String(f["name"]));
      if (typeof c.expect === "number") assert.equal(obj(r.body)["total"], c.expect, c.name);
      else assert.deepEqual(names, c.expect, c.name);
    }
    const div = await divisionIds(source, token);
    assert.equal(obj((await call(source, token, "GET", `${FLOWS}?divisionId=${div["Home"]}`)).body)["total"], 9);
    assert.equal(obj((await call(source, token, "GET", `${FLOWS}?divisionId=${div["Sales"]}`)).body)["total"], 0);
    assert.equal(
      errorOf(await call(source, token, "GET", `${FLOWS}?pageSize=501`))["code"],
      "invalid.query.param.value",
    );
    assert.equal(obj((await call(source, token, "GET", `${FLOWS}?pageSize=500`)).body)["pageSize"], 500);
    const badType = errorOf(await call(source, token, "GET", `${FLOWS}?type=ivr`));
    assert.equal(badType["code"], "invalid.query.param.value");
    assert.match(String(badType["message"]), /inboundcall/);
  });
});

test("flows: a seeded flow is published, active, typed in uppercase, with version 1.0", async () => {
  await withSource({}, async (_emu, source, token) => {
    const id = await flowId(source, token, "Main IVR");
    const f = obj((await call(source, token, "GET", `${FLOWS}/${id}`)).body);
    assert.deepEqual(Object.keys(f), [
      "id",
      "name",
      "division",
      "description",
      "type",
      "active",
      "system",
      "deleted",
      "publishedVersion",
      "savedVersion",
      "checkedInVersion",
      "selfUri",
    ]);
    assert.equal(f["type"], "INBOUNDCALL");
    assert.equal(f["active"], true);
    assert.equal(f["system"], false);
    assert.equal(f["deleted"], false);
    assert.equal(obj(f["division"])["name"], "Home");
    assert.equal(f["selfUri"], `${FLOWS}/${id}`);
    const v = obj(f["publishedVersion"]);
    assert.equal(v["id"], "1.0");
    assert.equal(v["name"], "Main IVR");
    assert.equal(v["type"], "INBOUNDCALL");
    assert.equal(v["secure"], false);
    assert.equal(v["debug"], false);
    assert.equal(typeof v["dateCreated"], "number");
    assert.equal(obj(v["createdByClient"])["id"], source.clientId);
    assert.equal(v["selfUri"], `${FLOWS}/${id}/versions/1.0`);
    assert.deepEqual(f["checkedInVersion"], v);

    // versions and configuration
    const versions = entitiesOf(await call(source, token, "GET", `${FLOWS}/${id}/versions`));
    assert.deepEqual(
      versions.map((x) => x["id"]),
      ["1.0"],
    );
    assert.deepEqual((await call(source, token, "GET", `${FLOWS}/${id}/versions/1.0`)).body, v);
    assert.equal((await call(source, token, "GET", `${FLOWS}/${id}/versions/9.0`)).status, 404);
    const config = obj((await call(source, token, "GET", `${FLOWS}/${id}/versions/1.0/configuration`)).body);
    assert.equal(config["name"], "Main IVR");
    assert.equal(config["type"], "INBOUNDCALL");
    assert.match(String(config["yaml"]), /^inboundCall:\n {2}name: Main IVR\n/);
    assert.deepEqual(obj(config["references"])["flows"], ["Spanish IVR"]);
    assert.deepEqual(obj(config["references"])["scheduleGroups"], ["Main Line Hours"]);
    assert.deepEqual((await call(source, token, "GET", `${FLOWS}/${id}/latestconfiguration`)).body, config);
  });
});

test("flows: POST creates an empty shell; type in any case, stored uppercase; (name, type) unique", async () => {
  await withSource({}, async (emu, source, token) => {
    const div = await divisionIds(source, token);
    const created = await call(source, token, "POST", FLOWS, {
      name: "Callback Offer",
      type: "inqueuecall",
      description: "offers a callback",
      division: { id: div["Sales"] },
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const f = obj(created.body);
    const id = String(f["id"]);
    assert.match(id, UUID_RE);
    assert.equal(f["type"], "INQUEUECALL");
    assert.equal(f["active"], false);
    assert.equal(obj(f["division"])["name"], "Sales");
    for (const k of ["publishedVersion", "checkedInVersion", "savedVersion", "lockedClient", "currentOperation"])
      assert.ok(!(k in f), k);
    assert.deepEqual((await call(source, token, "GET", `${FLOWS}/${id}`)).body, f);
    assert.deepEqual(entitiesOf(await call(source, token, "GET", `${FLOWS}/${id}/versions`)), []);
    const latest = obj((await call(source, token, "GET", `${FLOWS}/${id}/latestconfiguration`)).body);
    assert.equal(latest["yaml"], undefined);

    // the same name with another type is another flow; uppercase types are accepted
    const other = await call(source, token, "POST", FLOWS, { name: "Callback Offer", type: "INBOUNDCALL" });
    assert.equal(other.status, 200);
    assert.equal(obj(other.body)["type"], "INBOUNDCALL");

    // duplicate (name, type), case-insensitive -> duplicateName knob
    const dup = errorOf(await call(source, token, "POST", FLOWS, { name: "callback offer", type: "InQueueCall" }));
    assert.equal(dup["status"], 409);
    assert.equal(dup["code"], "general.conflict");
    await control(emu, "PUT", "/orgs/source/settings", { duplicateName: { status: 400, code: "duplicate.name" } });
    assert.equal(
      errorOf(await call(source, token, "POST", FLOWS, { name: "Main IVR", type: "inboundcall" }))["code"],
      "duplicate.name",
    );
  });
});

interface RejectCase {
  name: string;
  body: unknown;
  code: string;
  message: RegExp;
}

const REJECT_CASES: RejectCase[] = [
  {
    name: "unknown type",
    body: { name: "X", type: "ivr" },
    code: "invalid.value",
    message:
      /^Value \[ivr\] is not valid for field type \[type\]\. Allowable values are: bot, commonmodule, .*inboundcall/,
  },
  { name: "missing type", body: { name: "X" }, code: "invalid.value", message: /'type'/ },
  { name: "missing name", body: { type: "inboundcall" }, code: "invalid.value", message: /'name'/ },
  { name: "blank name", body: { name: " ", type: "inboundcall" }, code: "invalid.value", message: /name/ },
  {
    name: "unknown division",
    body: { name: "X", type: "inboundcall", division: { id: "00000000-0000-4000-8000-000000000000" } },
    code: "invalid.value",
    message: /Division 00000000-0000-4000-8000-000000000000 not found/,
  },
];

test("flows: table of rejected creates (400, nothing stored)", async () => {
  await withSource({}, async (emu, source, token) => {
    const before = (await control(emu, "GET", "/state?org=source")).body;
    for (const c of REJECT_CASES) {
      const r = await call(source, token, "POST", FLOWS, c.body);
      assert.equal(r.status, 400, c.name);
      const e = errorOf(r);
      assert.equal(e["code"], c.code, c.name);
      assert.match(String(e["message"]), c.message, c.name);
    }
    assert.deepEqual((await control(emu, "GET", "/state?org=source")).body, before);
  });
});

test("flows: DELETE is hard (204, then 404)", async () => {
  await withSource({}, async (_emu, source, token) => {
    const id = String(
      obj((await call(source, token, "POST", FLOWS, { name: "Temp", type: "inboundcall" })).body)["id"],
    );
    assert.equal((await call(source, token, "DELETE", `${FLOWS}/${id}`)).status, 204);
    assert.equal((await call(source, token, "GET", `${FLOWS}/${id}`)).status, 404);
    assert.equal((await call(source, token, "DELETE", `${FLOWS}/${id}`)).status, 404);
    assert.equal(entitiesOf(await call(source, token, "GET", `${FLOWS}?name=Temp`)).length, 0);
  });
});

interface ConflictCase {
  name: string;
  flow: string;
  message: RegExp;
}

const CONFLICT_CASES: ConflictCase[] = [
  {
    name: "used as queueFlow by queues",
    flow: "Sales In-Queue",
    message:
      /^Flow 'Sales In-Queue' is in use by queue\(s\): Retention - Save Desk, Sales - Enterprise, Sales - New Business, .*Sales - VIP\.$/,
  },
  {
    name: "named by another flow's published YAML, and routed to by an IVR",
    flow: "Spanish IVR",
    message: /^Flow 'Spanish IVR' is in use by IVR\(s\): Spanish Line; flow\(s\): Main IVR \(INBOUNDCALL\)\.$/,
  },
  {
    name: "the IVR cycle: Spanish IVR names Main IVR, which the Main Line IVR routes to",
    flow: "Main IVR",
    message: /^Flow 'Main IVR' is in use by IVR\(s\): Main Line; flow\(s\): Spanish IVR \(INBOUNDCALL\)\.$/,
  },
];

test("flows: DELETE is 409 general.conflict while in use, naming the users", async () => {
  await withSource({}, async (_emu, source, token) => {
    for (const c of CONFLICT_CASES) {
      const id = await flowId(source, token, c.flow);
      const r = await call(source, token, "DELETE", `${FLOWS}/${id}`);
      assert.equal(r.status, 409, c.name);
      const e = errorOf(r);
      assert.equal(e["code"], "general.conflict", c.name);
      assert.match(String(e["message"]), c.message, c.name);
      assert.equal((await call(source, token, "GET", `${FLOWS}/${id}`)).status, 200, c.name);
    }
    // once the queue no longer uses it, the flow can go
    const vip = await idByName(source, token, QUEUES, "Sales - VIP");
    const q = obj((await call(source, token, "GET", `${QUEUES}/${vip}`)).body);
    const supportFlow = await flowId(source, token, "Support In-Queue");
    const uses = entitiesOf(await call(source, token, "GET", `${QUEUES}?pageSize=500`)).filter(
      (x) => x["queueFlow"] !== undefined,
    );
    assert.equal(uses.length, 23);
    assert.equal(obj(q["queueFlow"])["name"], "Sales In-Queue");
    for (const x of uses.filter((u) => obj(u["queueFlow"])["name"] === "Sales In-Queue")) {
      const put = await call(source, token, "PUT", `${QUEUES}/${String(x["id"])}`, {
        ...x,
        queueFlow: { id: supportFlow },
      });
      assert.equal(put.status, 200, JSON.stringify(put.body));
    }
    assert.equal(
      (await call(source, token, "DELETE", `${FLOWS}/${await flowId(source, token, "Sales In-Queue")}`)).status,
      204,
    );
  });
});

test("flows: locks - checkout, checkin, force unlock; another client's lock blocks writes (409)", async () => {
  await withSource({}, async (emu, source, token) => {
    const id = String(
      obj((await call(source, token, "POST", FLOWS, { name: "Lockable", type: "inboundcall" })).body)["id"],
    );
    const action = (name: string, flow = id) => call(source, token, "POST", `${FLOWS}/actions/${name}?flow=${flow}`);

    const out = await action("checkout");
    assert.equal(out.status, 200);
    assert.deepEqual(obj(out.body)["lockedClient"], {
      id: source.clientId,
      name: "source emulator client",
      selfUri: `/api/v2/oauth/clients/${source.clientId}`,
    });
    assert.equal((await action("checkout")).status, 200, "checking out one's own flow again is fine");
    const checkin = await action("checkin");
    assert.equal(checkin.status, 200);
    const op = obj(checkin.body);
    assert.equal(op["actionName"], "CHECKIN");
    assert.equal(op["actionStatus"], "SUCCESS");
    assert.equal(op["complete"], true);
    assert.equal(obj(op["client"])["id"], source.clientId);
    assert.equal(obj((await call(source, token, "GET", `${FLOWS}/${id}`)).body)["lockedClient"], undefined);

    // another OAuth client holds the lock (control API)
    const locked = await control(emu, "POST", `/orgs/source/flows/${id}/lock`, { client: "Other Tool" });
    assert.equal(locked.status, 200);
    assert.equal(obj(obj(locked.body)["lockedClient"])["name"], "Other Tool");
    for (const name of ["checkout", "checkin", "publish", "deactivate"]) {
      const r = await action(name);
      assert.equal(r.status, 409, name);
      assert.equal(errorOf(r)["message"], "Flow 'Lockable' is locked by another client (Other Tool).", name);
    }
    const del = await call(source, token, "DELETE", `${FLOWS}/${id}`);
    assert.equal(del.status, 409);
    assert.match(String(errorOf(del)["message"]), /locked by another client/);

    // force unlock by anyone, then the flow is free
    const unlocked = await action("unlock");
    assert.equal(unlocked.status, 200);
    assert.equal(obj(unlocked.body)["lockedClient"], undefined);
    assert.equal((await action("checkout")).status, 200);
    assert.equal(
      (await call(source, token, "DELETE", `${FLOWS}/${id}`)).status,
      204,
      "one's own lock does not block DELETE",
    );

    // the flow query parameter is required; unknown flows are 404
    assert.equal((await call(source, token, "POST", `${FLOWS}/actions/checkout`)).status, 400);
    assert.equal((await action("checkout", "00000000-0000-4000-8000-000000000000")).status, 404);
  });
});

test("flows: a user's lock from Architect (lockedUser) blocks every OAuth client, imports too, until force-unlocked", async () => {
  await withSource({}, async (emu, source, token) => {
    const id = await flowId(source, token, "Main IVR");
    const action = (name: string) => call(source, token, "POST", `${FLOWS}/actions/${name}?flow=${id}`);
    const locked = await control(emu, "POST", `/orgs/source/flows/${id}/lock`, {
      user: { id: "3f1c9a52-6a34-4d57-9a0e-7b1f2ad5c001", name: "Dana Editor" },
    });
    assert.equal(locked.status, 200);
    assert.deepEqual(obj(locked.body)["lockedUser"], {
      id: "3f1c9a52-6a34-4d57-9a0e-7b1f2ad5c001",
      name: "Dana Editor",
      version: 1,
      selfUri: "/api/v2/users/3f1c9a52-6a34-4d57-9a0e-7b1f2ad5c001",
    });
    assert.equal(obj(locked.body)["lockedClient"], undefined);
    assert.deepEqual(
      obj((await call(source, token, "GET", `${FLOWS}/${id}`)).body)["lockedUser"],
      obj(locked.body)["lockedUser"],
    );
    for (const name of ["checkout", "checkin", "publish", "deactivate"]) {
      const r = await action(name);
      assert.equal(r.status, 409, name);
      assert.equal(errorOf(r)["message"], "Flow 'Main IVR' is locked by user Dana Editor.", name);
    }
    assert.equal((await control(emu, "POST", `/orgs/source/flows/${id}/lock`, { user: "A", client: "B" })).status, 400);
    const unlocked = await action("unlock");
    assert.equal(unlocked.status, 200);
    assert.equal(obj(unlocked.body)["lockedUser"], undefined);
    assert.equal((await action("checkout")).status, 200);
  });
});

test("flows: publish is an asynchronous Operation (flowPublishDelayMs, emulator clock); deactivate", async () => {
  const clock = new ManualClock();
  await withSource({ clock }, async (emu, source, token) => {
    const id = await flowId(source, token, "Standard In-Queue");
    const action = (q: string) => call(source, token, "POST", `${FLOWS}/actions/${q}`);

    const deactivated = await action(`deactivate?flow=${id}`);
    assert.equal(deactivated.status, 200);
    assert.equal(obj(deactivated.body)["active"], false);

    await action(`checkout?flow=${id}`);
    const started = await action(`publish?flow=${id}`);
    assert.equal(started.status, 200);
    const op = obj(started.body);
    assert.match(String(op["id"]), UUID_RE);
    assert.equal(op["complete"], false);
    assert.equal(op["actionName"], "PUBLISH");
    assert.equal(op["actionStatus"], "STARTED");
    assert.equal(obj(op["client"])["id"], source.clientId);
    let f = obj((await call(source, token, "GET", `${FLOWS}/${id}`)).body);
    assert.equal(obj(f["currentOperation"])["actionStatus"], "STARTED");
    assert.equal(f["active"], false);
    assert.equal(f["lockedClient"], undefined, "publishing checks the caller's lock in");
    assert.equal((await action(`publish?flow=${id}`)).status, 409, "one publish at a time");

    const delay = Number(obj((await control(emu, "GET", "/orgs/source/settings")).body)["flowPublishDelayMs"]);
    assert.equal(delay, 100);
    clock.ms += delay;
    f = obj((await call(source, token, "GET", `${FLOWS}/${id}`)).body);
    assert.deepEqual(
      { ...obj(f["currentOperation"]), client: undefined },
      { ...op, complete: true, actionStatus: "SUCCESS", client: undefined },
    );
    assert.equal(f["active"], true);
    assert.equal(obj(f["publishedVersion"])["id"], "1.0");
    assert.equal(obj(f["publishedVersion"])["datePublished"], new Date(clock.ms).toISOString());

    // an explicit version must exist; a shell flow has nothing to publish
    assert.equal(errorOf(await action(`publish?flow=${id}&version=7.0`))["code"], "invalid.value");
    const shell = String(
      obj((await call(source, token, "POST", FLOWS, { name: "Empty", type: "inboundcall" })).body)["id"],
    );
    const nothing = errorOf(await action(`publish?flow=${shell}`));
    assert.equal(nothing["status"], 400);
    assert.match(String(nothing["message"]), /no saved or checked-in version/);
  });
});

interface QueueRefCase {
  name: string;
  field: string;
  flow: string;
  message: RegExp;
}

const QUEUE_REF_CASES: QueueRefCase[] = [
  {
    name: "queueFlow that does not exist",
    field: "queueFlow",
    flow: "00000000-0000-4000-8000-00000000f10e",
    message: /^Flow 00000000-0000-4000-8000-00000000f10e in queueFlow does not exist$/,
  },
  {
    name: "queueFlow of the wrong type",
    field: "queueFlow",
    flow: "{Main IVR}",
    message: /in queueFlow is a INBOUNDCALL flow, expected INQUEUECALL$/,
  },
  {
    name: "emailInQueueFlow must be INQUEUEEMAIL",
    field: "emailInQueueFlow",
    flow: "{Standard In-Queue}",
    message: /in emailInQueueFlow is a INQUEUECALL flow, expected INQUEUEEMAIL$/,
  },
  {
    name: "messageInQueueFlow must be INQUEUESHORTMESSAGE",
    field: "messageInQueueFlow",
    flow: "{Standard In-Queue}",
    message: /in messageInQueueFlow is a INQUEUECALL flow, expected INQUEUESHORTMESSAGE$/,
  },
];

test("queues: queueFlow / emailInQueueFlow / messageInQueueFlow must name an existing flow of the matching type", async () => {
  await withSource({}, async (_emu, source, token) => {
    for (const c of QUEUE_REF_CASES) {
      const m = /^\{(.+)\}$/.exec(c.flow);
      const id = m ? await flowId(source, token, m[1]!) : c.flow;
      const r = await call(source, token, "POST", QUEUES, { name: "Flow Ref", [c.field]: { id } });
      assert.equal(r.status, 400, c.name);
      const e = errorOf(r);
      assert.equal(e["code"], "invalid.value", c.name);
      assert.match(String(e["message"]), c.message, c.name);
      assert.deepEqual(e["messageParams"], { field: c.field }, c.name);
    }
    const standard = await flowId(source, token, "Standard In-Queue");
    const ok = await call(source, token, "POST", QUEUES, { name: "Flow Ref", queueFlow: { id: standard } });
    assert.equal(ok.status, 200);
    assert.deepEqual(obj(ok.body)["queueFlow"], {
      id: standard,
      name: "Standard In-Queue",
      selfUri: `${FLOWS}/${standard}`,
    });
  });
});

test("seeded queues use the in-queue flows; the state dump lists flows with their references and YAML", async () => {
  await withSource({}, async (emu, source, token) => {
    const queues = entitiesOf(await call(source, token, "GET", `${QUEUES}?pageSize=500`));
    const flowOf = (name: string): unknown => {
      const q = queues.find((x) => x["name"] === name);
      return q && q["queueFlow"] !== undefined ? obj(q["queueFlow"])["name"] : undefined;
    };
    assert.equal(flowOf("Sales - VIP"), "Sales In-Queue");
    assert.equal(flowOf("Sales - New Business"), "Sales In-Queue");
    assert.equal(flowOf("Support - Tier 1"), "Support In-Queue");
    assert.equal(flowOf("Billing - Payments"), "Standard In-Queue");
    assert.equal(flowOf("Operator"), undefined);
    assert.equal(flowOf("Support - Email"), undefined);

    const dump = obj((await control(emu, "GET", "/state?org=source")).body);
    const flows = arr(dump["flows"]);
    assert.deepEqual(
      flows.map((f) => [f["name"], f["type"], f["archyType"], obj(f["publishedVersion"])["id"]]),
      [
        ["Default In-Queue Flow", "INQUEUECALL", "inqueueCall", "1.0"],
        ["Default Voicemail Flow", "VOICEMAIL", "voicemail", "1.0"],
        ["Emergency Closure", "INBOUNDCALL", "inboundCall", "1.0"],
        ["Main IVR", "INBOUNDCALL", "inboundCall", "1.0"],
        ["Sales In-Queue", "INQUEUECALL", "inqueueCall", "1.0"],
        ["Spanish IVR", "INBOUNDCALL", "inboundCall", "1.0"],
        ["Standard In-Queue", "INQUEUECALL", "inqueueCall", "1.0"],
        ["Store Locator", "INBOUNDCALL", "inboundCall", "1.0"],
        ["Support In-Queue", "INQUEUECALL", "inqueueCall", "1.0"],
      ],
    );
    const refs = (name: string): Json => obj(flows.find((f) => f["name"] === name)!["references"]);
    assert.deepEqual(refs("Main IVR"), {
      queues: ["Billing - Payments", "General Enquiries", "Sales - New Business", "Support - Tier 1"],
      flows: ["Spanish IVR"],
      scheduleGroups: ["Main Line Hours"],
      schedules: [],
      wrapupCodes: [],
      skills: [],
      languages: [],
      divisions: ["Home"],
      prompts: ["Welcome"],
      emergencyGroups: ["Severe Weather"],
    });
    assert.deepEqual(refs("Store Locator")["dataTables"], ["Store Locations"]);
    assert.deepEqual(refs("Spanish IVR")["flows"], ["Main IVR"]);
    assert.deepEqual(refs("Spanish IVR")["skills"], []);
    assert.deepEqual(refs("Spanish IVR")["languages"], ["Spanish"]);
    assert.deepEqual(refs("Sales In-Queue")["queues"], ["Sales - VIP"]);
    for (const f of flows)
      assert.match(String(f["yaml"]), new RegExp(`^${String(f["archyType"])}:\\n  name: ${String(f["name"])}\\n`));

    const target = obj((await control(emu, "GET", "/state?org=target")).body);
    assert.deepEqual(
      arr(target["flows"]).map((f) => [f["name"], f["system"]]),
      [
        ["Default In-Queue Flow", true],
        ["Default Voicemail Flow", true],
      ],
      "only the flows every org has",
    );
  });
});

test("control: a flow published in Architect of any type the API lists (WORKITEM, VOICE, ...) is listed and exportable", async () => {
  await withSource({}, async (emu, source, token) => {
    const r = await control(emu, "POST", "/orgs/source/flows", {
      name: "Ticket Triage",
      type: "workitem",
      yaml: "workitem:\n  name: Ticket Triage\n",
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const f = obj(r.body);
    assert.equal(f["type"], "WORKITEM");
    assert.equal(obj(f["publishedVersion"])["id"], "1.0");
    assert.deepEqual(
      entitiesOf(await call(source, token, "GET", `${FLOWS}?type=workitem`)).map((x) => x["name"]),
      ["Ticket Triage"],
    );
    assert.equal(
      (await control(emu, "POST", "/orgs/source/flows", { name: "X", type: "fax", yaml: "x: 1\n" })).status,
      400,
    );
  });
});

test("every org has the default flows (empty orgs too): system flows, published; the default voicemail flow cannot be deleted", async () => {
  await withEmulator({ seed: "empty" }, async (emu) => {
    for (const name of ["source", "target"]) {
      const o = org(emu, name);
      const token = await grant(o);
      const flows = entitiesOf(await call(o, token, "GET", FLOWS));
      assert.deepEqual(
        flows.map((f) => [f["name"], f["type"], f["system"], obj(f["publishedVersion"])["id"]]),
        [
          ["Default In-Queue Flow", "INQUEUECALL", true, "1.0"],
          ["Default Voicemail Flow", "VOICEMAIL", true, "1.0"],
        ],
      );
      const del = await call(o, token, "DELETE", `${FLOWS}/${String(flows[1]!["id"])}`);
      assert.equal(del.status, 400);
      assert.match(
        String(errorOf(del)["message"]),
        /Flow 'Default Voicemail Flow' is a system flow and cannot be deleted/,
      );
    }
  });
});
