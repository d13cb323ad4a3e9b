import assert from "node:assert/strict";
import { test } from "node:test";
import {
  errorTexts,
  EXPORT_JOBS,
  FLOW_JOBS,
  FLOWS,
  flowId,
  importJob,
  putPresigned,
  startImport,
} from "./flow-helpers";
import {
  arr,
  call,
  control,
  entitiesOf,
  errorOf,
  grant,
  ManualClock,
  obj,
  org,
  UUID_RE,
  withSource,
  type Json,
} from "./helpers";

const JOB_MS = 150;

const VIP_IN_QUEUE = `inqueueCall:
  name: VIP In-Queue
  description: first import
  division: Sales
  defaultLanguage: en-us
  settingsInQueueCall:
    holdMusic:
      lit:
        name: PromptSystem.on_hold_music
  startUpTaskActions:
    - transferToAcd:
        name: To VIP
        targetQueue:
          lit:
            name: Sales - VIP
        skill: Retention
        languageSkill:
          lit:
            name: Spanish
    - setWrapupCode:
        name: Mark
        wrapupCode:
          name: Sale Completed
    - evaluateSchedule:
        name: Hours
        schedule:
          lit: Business Hours Mon-Fri
    - setLanguage:
        name: French
        language:
          lit:
            name: French
    - transferToFlow:
        name: Back to the IVR
        targetFlow:
          name: Main IVR
          type: inboundCall
`;

test("import job: Registered -> Started -> Success; the flow is created and published; re-import makes 2.0", async () => {
  const clock = new ManualClock();
  await withSource({ clock }, async (emu, source, token) => {
    const reg = await call(source, token, "POST", FLOW_JOBS);
    assert.equal(reg.status, 200);
    const r = obj(reg.body);
    const jobId = String(r["id"]);
    assert.match(jobId, UUID_RE);
    assert.deepEqual(Object.keys(r), ["id", "presignedUrl", "headers", "selfUri"]);
    assert.deepEqual(r["headers"], { "Content-Type": "application/octet-stream" });
    assert.equal(r["selfUri"], `${FLOW_JOBS}/${jobId}`);
    // absolute, on the emulator, under the org's prefix but outside /api
    const orgPrefix = source.apiBaseUrl.replace(/\/api$/, "");
    assert.ok(
      String(r["presignedUrl"]).startsWith(`${orgPrefix}/uploads/${jobId}?signature=`),
      String(r["presignedUrl"]),
    );

    assert.deepEqual(await importJob(source, token, jobId), {
      id: jobId,
      status: "Registered",
      command: "Publish",
      messages: [],
      selfUri: `${FLOW_JOBS}/${jobId}`,
    });
    assert.equal((await putPresigned(String(r["presignedUrl"]), VIP_IN_QUEUE)).status, 200);
    assert.equal((await importJob(source, token, jobId))["status"], "Started");
    clock.ms += JOB_MS - 1;
    assert.equal((await importJob(source, token, jobId))["status"], "Started");
    assert.equal(
      entitiesOf(await call(source, token, "GET", `${FLOWS}?name=VIP`)).length,
      0,
      "the flow appears when the job ends",
    );
    clock.ms += 1;
    const done = await importJob(source, token, jobId);
    assert.equal(done["status"], "Success");
    const flow = obj(done["flow"]);
    const id = String(flow["id"]);
    assert.deepEqual(flow, { id, selfUri: `${FLOWS}/${id}` }, "AddressableEntityRef: no name");
    assert.deepEqual(
      arr(done["messages"]).map((m) => m["type"]),
      ["Unknown"],
    );
    // without expand=messages there are no messages
    assert.equal(obj((await call(source, token, "GET", `${FLOW_JOBS}/${jobId}`)).body)["messages"], undefined);

    let f = obj((await call(source, token, "GET", `${FLOWS}/${id}`)).body);
    assert.equal(f["type"], "INQUEUECALL");
    assert.equal(f["active"], true);
    assert.equal(f["description"], "first import");
    assert.equal(obj(f["division"])["name"], "Sales");
    for (const k of ["publishedVersion", "checkedInVersion", "savedVersion"]) assert.equal(obj(f[k])["id"], "1.0", k);
    assert.equal(obj(obj(f["publishedVersion"])["createdByClient"])["id"], source.clientId);
    const dumped = arr(obj((await control(emu, "GET", "/state?org=source")).body)["flows"]).find(
      (x) => x["id"] === id,
    )!;
    assert.deepEqual(dumped["references"], {
      queues: ["Sales - VIP"],
      flows: ["Main IVR"],
      scheduleGroups: [],
      schedules: ["Business Hours Mon-Fri"],
      wrapupCodes: ["Sale Completed"],
      skills: ["Retention"],
      languages: ["French", "Spanish"],
      divisions: ["Sales"],
    });
    assert.equal(dumped["yaml"], VIP_IN_QUEUE);

    // the same (name, type) again updates that flow with version 2.0
    const second = await startImport(
      source,
      token,
      VIP_IN_QUEUE.replace("first import", "second import").replace("division: Sales", "division: Home"),
    );
    clock.ms += JOB_MS;
    assert.equal(obj((await importJob(source, token, second))["flow"])["id"], id);
    f = obj((await call(source, token, "GET", `${FLOWS}/${id}`)).body);
    assert.equal(obj(f["publishedVersion"])["id"], "2.0");
    assert.equal(f["description"], "second import");
    assert.equal(obj(f["division"])["name"], "Home");
    assert.deepEqual(
      entitiesOf(await call(source, token, "GET", `${FLOWS}/${id}/versions`)).map((v) => v["id"]),
      ["1.0", "2.0"],
    );
    assert.match(
      String(obj((await call(source, token, "GET", `${FLOWS}/${id}/versions/1.0/configuration`)).body)["yaml"]),
      /first import/,
    );
    assert.match(
      String(obj((await call(source, token, "GET", `${FLOWS}/${id}/latestconfiguration`)).body)["yaml"]),
      /second import/,
    );
    // a renamed file is another flow
    const third = await startImport(source, token, VIP_IN_QUEUE.replace("name: VIP In-Queue", "name: VIP In-Queue 2"));
    clock.ms += JOB_MS;
    assert.notEqual(obj((await importJob(source, token, third))["flow"])["id"], id);

    const stats = obj(arr(obj((await control(emu, "GET", "/stats?org=source")).body)["orgs"])[0]);
    const requests = obj(stats["requests"]);
    assert.equal(requests["PUT /uploads/{jobId}"], 3);
    assert.equal(requests["POST /api/v2/flows/jobs"], 3);
    assert.ok(Number(requests["GET /api/v2/flows/jobs/{jobId}"]) >= 5);
    assert.ok(Number(requests["GET /api/v2/flows/{flowId}"]) >= 2);
  });
});

interface FailureCase {
  name: string;
  yaml: string;
  errors: (string | RegExp)[];
}

/** A valid inbound call flow (a language and a start menu, as Terraform's example flows) plus `body`. */
const broken = (body: string, type = "inboundCall"): string =>
  `${type}:\n  name: Broken\n  division: Home\n  defaultLanguage: en-us\n  startUpRef: ./menus/menu[main]\n  menus:\n    - menu:\n        name: Main\n        refId: main\n${body}`;

const FAILURE_CASES: FailureCase[] = [
  {
    name: "invalid YAML: the parser's message and line",
    yaml: "inboundCall:\n  name: Broken\n  tasks: [1, 2\n  menus: 3\n",
    errors: [/^Invalid YAML: .* at line 4, column 3$/],
  },
  {
    name: "duplicate keys are invalid YAML",
    yaml: "inboundCall:\n  name: Broken\n  name: Again\n",
    errors: [/^Invalid YAML: Map keys must be unique at line 3, column 3$/],
  },
  { name: "empty file", yaml: "  \n", errors: ["The flow file is empty."] },
  {
    name: "unknown flow type key",
    yaml: "ivr:\n  name: Broken\n",
    errors: [/^Unknown flow type 'ivr'\. Expected one of inboundCall, inqueueCall, /],
  },
  {
    name: "two top-level keys",
    yaml: "inboundCall:\n  name: A\ninqueueCall:\n  name: B\n",
    errors: [/^The flow file must have exactly one top-level key .*found: inboundCall, inqueueCall\.$/],
  },
  {
    name: "no name",
    yaml: "inboundCall:\n  description: nameless\n",
    errors: ["The inboundCall flow has no name: 'name' is required."],
  },
  {
    name: "missing queue (queue key, plain string)",
    yaml: broken("  x:\n    queue: Nope\n"),
    errors: ["Unable to find a queue named 'Nope' referenced by inboundCall 'Broken'."],
  },
  {
    name: "missing queue (targetQueue, lit form)",
    yaml: broken("  x:\n    targetQueue:\n      lit:\n        name: Sales - Nowhere\n"),
    errors: ["Unable to find a queue named 'Sales - Nowhere' referenced by inboundCall 'Broken'."],
  },
  {
    name: "missing schedule group",
    yaml: broken("  x:\n    scheduleGroup:\n      lit:\n        name: Night Hours\n"),
    errors: ["Unable to find a schedule group named 'Night Hours' referenced by inboundCall 'Broken'."],
  },
  {
    name: "missing schedule",
    yaml: broken("  x:\n    schedule:\n      name: Lunch Break\n"),
    errors: ["Unable to find a schedule named 'Lunch Break' referenced by inboundCall 'Broken'."],
  },
  {
    name: "missing wrap-up code",
    yaml: broken("  x:\n    - wrapupCode:\n        lit:\n          name: Hung Up\n"),
    errors: ["Unable to find a wrap-up code named 'Hung Up' referenced by inboundCall 'Broken'."],
  },
  {
    name: "missing skill",
    yaml: broken("  x:\n    skill:\n      lit:\n        name: Juggling\n"),
    errors: ["Unable to find a skill named 'Juggling' referenced by inboundCall 'Broken'."],
  },
  {
    name: "a deleted skill does not count",
    yaml: broken("  x:\n    skill:\n      lit:\n        name: Legacy Fax Support\n"),
    errors: ["Unable to find a skill named 'Legacy Fax Support' referenced by inboundCall 'Broken'."],
  },
  // Architect's language skills are routing languages: a skill of that name does not satisfy them.
  {
    name: "a language skill names a routing language, not a skill",
    yaml: broken("  x:\n    languageSkill:\n      lit:\n        name: Retention\n"),
    errors: ["Unable to find a language named 'Retention' referenced by inboundCall 'Broken'."],
  },
  {
    name: "the default language skill names a routing language",
    yaml: broken("  x:\n    defaultLanguageSkill:\n      lit:\n        name: Retention\n"),
    errors: ["Unable to find a language named 'Retention' referenced by inboundCall 'Broken'."],
  },
  {
    name: "missing language",
    yaml: broken("  x:\n    language:\n      lit:\n        name: Klingon\n"),
    errors: ["Unable to find a language named 'Klingon' referenced by inboundCall 'Broken'."],
  },
  {
    name: "missing flow",
    yaml: broken("  x:\n    targetFlow:\n      name: Nope IVR\n"),
    errors: ["Unable to find a flow named 'Nope IVR' referenced by inboundCall 'Broken'."],
  },
  {
    name: "flow of another type",
    yaml: broken("  x:\n    flow:\n      name: Main IVR\n      type: inqueueCall\n"),
    errors: ["Unable to find a flow named 'Main IVR' of type INQUEUECALL referenced by inboundCall 'Broken'."],
  },
  {
    name: "missing division",
    yaml: "inqueueCall:\n  name: Broken\n  division: Nowhere\n  defaultLanguage: en-us\n  startUpTaskActions:\n    - holdMusic:\n        name: Hold\n",
    errors: ["Unable to find a division named 'Nowhere' referenced by inqueueCall 'Broken'."],
  },
  {
    name: "no defaultLanguage, no startUpRef (Archy needs both for an inbound call flow)",
    yaml: "inboundCall:\n  name: Broken\n  menus:\n    - menu:\n        name: Main\n        refId: main\n",
    errors: [
      "The inboundCall 'Broken' has no defaultLanguage: set it to one of its supported languages, e.g. en-us.",
      "The inboundCall 'Broken' has no startUpRef: it must reference the menu, state or task the flow starts with.",
    ],
  },
  {
    name: "a startUpRef to nothing the flow defines",
    yaml: "inboundShortMessage:\n  name: Broken\n  defaultLanguage: en-us\n  startUpRef: /inboundShortMessage/states/state[Initial State_10]\n  states:\n    - state:\n        name: Other\n        refId: Other_11\n",
    errors: [
      "The startUpRef '/inboundShortMessage/states/state[Initial State_10]' of the inboundShortMessage 'Broken' does not reference a menu, state or task defined in the flow.",
    ],
  },
  {
    name: "an in-queue email flow without its startUpState",
    yaml: "inqueueEmail:\n  name: Broken\n  defaultLanguage: en-us\n",
    errors: [
      "The inqueueEmail 'Broken' has no startUpState with actions: it needs the state the flow starts in (e.g. one endState action).",
    ],
  },
  {
    name: "an in-queue call flow without startUpTaskActions",
    yaml: "inqueueCall:\n  name: Broken\n  defaultLanguage: en-us\n",
    errors: ["The inqueueCall 'Broken' has no startUpTaskActions: it needs at least one action (e.g. holdMusic)."],
  },
  {
    name: "Call Data Action: an unknown data action of a known category (integration)",
    yaml: broken(
      "  x:\n    callData:\n      category:\n        Acme CRM:\n          dataAction:\n            Get Invoice:\n              inputs: {}\n",
    ),
    errors: [
      "Unable to find a data action named 'Get Invoice' in category 'Acme CRM' referenced by inboundCall 'Broken'.",
    ],
  },
  {
    name: "Call Data Action: an unknown category names its data action too",
    yaml: broken(
      "  x:\n    callData:\n      category:\n        Legacy CRM:\n          dataAction:\n            Get Account Status: {}\n",
    ),
    errors: [
      "Unable to find a data action category (integration) named 'Legacy CRM' referenced by inboundCall 'Broken'.",
      "Unable to find a data action named 'Get Account Status' in category 'Legacy CRM' referenced by inboundCall 'Broken'.",
    ],
  },
  {
    name: "transfer to an unknown group and an unknown user",
    yaml: broken(
      "  x:\n    - transferToGroup:\n        targetGroup:\n          lit:\n            name: Night Shift\n    - transferToUser:\n        targetUser:\n          lit:\n            name: nobody@acme.example.com\n",
    ),
    errors: [
      "Unable to find a group named 'Night Shift' referenced by inboundCall 'Broken'.",
      "Unable to find a user named 'nobody@acme.example.com' referenced by inboundCall 'Broken'.",
    ],
  },
  {
    name: "one ERROR per missing reference",
    yaml: broken(
      "  a:\n    targetQueue: Q1\n  b:\n    - targetQueue: Q2\n    - targetQueue: Q1\n    - scheduleGroup:\n        noValue: true\n    - queue:\n        exp: Flow.Queue\n",
    ),
    errors: [
      "Unable to find a queue named 'Q1' referenced by inboundCall 'Broken'.",
      "Unable to find a queue named 'Q2' referenced by inboundCall 'Broken'.",
    ],
  },
];

test("import job: Failure with one ERROR message per problem, and nothing stored", async () => {
  const clock = new ManualClock();
  await withSource({ clock }, async (emu, source, token) => {
    const before = (await control(emu, "GET", "/state?org=source")).body;
    for (const c of FAILURE_CASES) {
      const id = await startImport(source, token, c.yaml);
      assert.equal((await importJob(source, token, id))["status"], "Started", c.name);
      clock.ms += JOB_MS;
      const job = await importJob(source, token, id);
      assert.equal(job["status"], "Failure", c.name);
      assert.equal(job["flow"], undefined, c.name);
      const texts = errorTexts(job);
      assert.equal(texts.length, c.errors.length, `${c.name}: ${JSON.stringify(texts)}`);
      c.errors.forEach((e, i) =>
        typeof e === "string" ? assert.equal(texts[i], e, c.name) : assert.match(texts[i]!, e, c.name),
      );
      for (const m of arr(job["messages"])) assert.ok(!Number.isNaN(Date.parse(String(m["dateTime"]))), c.name);
    }
    assert.deepEqual((await control(emu, "GET", "/state?org=source")).body, before);
  });
});

test("import job: a flow locked by another client fails the job (checked at upload and when the job ends)", async () => {
  const clock = new ManualClock();
  await withSource({ clock }, async (emu, source, token) => {
    const main = await flowId(source, token, "Main IVR");
    const yaml = String(obj((await call(source, token, "GET", `${FLOWS}/${main}/latestconfiguration`)).body)["yaml"]);
    const expected = "Flow 'Main IVR' is locked by another client (Other Tool).";

    await control(emu, "POST", `/orgs/source/flows/${main}/lock`, { client: "Other Tool" });
    const id = await startImport(source, token, yaml);
    clock.ms += JOB_MS;
    assert.deepEqual(errorTexts(await importJob(source, token, id)), [expected]);

    // locked while the job runs
    await call(source, token, "POST", `${FLOWS}/actions/unlock?flow=${main}`);
    const late = await startImport(source, token, yaml);
    await control(emu, "POST", `/orgs/source/flows/${main}/lock`, { client: { name: "Other Tool" } });
    clock.ms += JOB_MS;
    assert.deepEqual(errorTexts(await importJob(source, token, late)), [expected]);

    // our own lock is fine
    await call(source, token, "POST", `${FLOWS}/actions/unlock?flow=${main}`);
    await call(source, token, "POST", `${FLOWS}/actions/checkout?flow=${main}`);
    const ours = await startImport(source, token, yaml);
    clock.ms += JOB_MS;
    assert.equal((await importJob(source, token, ours))["status"], "Success");
    assert.equal(
      obj(obj((await call(source, token, "GET", `${FLOWS}/${main}`)).body)["publishedVersion"])["id"],
      "2.0",
    );
  });
});

interface PresignedCase {
  name: string;
  url: (good: string) => string;
  status: number;
  code: string;
}

const PRESIGNED_CASES: PresignedCase[] = [
  { name: "no signature", url: (u) => u.replace(/\?.*$/, ""), status: 403, code: "access.denied" },
  {
    name: "wrong signature",
    url: (u) => u.replace(/signature=[^&]+/, "signature=forged"),
    status: 403,
    code: "access.denied",
  },
  {
    name: "unknown job",
    url: (u) => u.replace(/uploads\/[^?]+/, "uploads/00000000-0000-4000-8000-000000000000"),
    status: 404,
    code: "not.found",
  },
  { name: "the right URL", url: (u) => u, status: 200, code: "" },
  { name: "the right URL again: already used", url: (u) => u, status: 409, code: "general.conflict" },
];

test("presigned upload URL: no bearer token, the signature is the credential, single use; faults can hit it", async () => {
  await withSource({}, async (emu, source, token) => {
    const good = String(obj((await call(source, token, "POST", FLOW_JOBS)).body)["presignedUrl"]);
    for (const c of PRESIGNED_CASES) {
      const r = await putPresigned(c.url(good), "inboundCall:\n  name: Presigned\n");
      assert.equal(r.status, c.status, c.name);
      if (c.code !== "") assert.equal(errorOf(r)["code"], c.code, c.name);
    }
    // the PUT is the only method; a GET is not found
    assert.equal((await fetch(good)).status, 404);

    // fault rules see the path as /uploads/<jobId>
    const next = String(obj((await call(source, token, "POST", FLOW_JOBS)).body)["presignedUrl"]);
    await control(emu, "POST", "/faults", { method: "PUT", path: "^/uploads/", status: 503, times: 1 });
    assert.equal((await putPresigned(next, "inboundCall:\n  name: Retried\n")).status, 503);
    assert.equal((await putPresigned(next, "inboundCall:\n  name: Retried\n")).status, 200);
  });
});

test("presigned upload as S3 behaves: signed headers must match, URLs expire, faults answer S3's XML, a lost answer still landed", async () => {
  const clock = new ManualClock();
  await withSource({ clock }, async (emu, source, token) => {
    const register = async () => obj((await call(source, token, "POST", FLOW_JOBS)).body);
    const yaml =
      "inboundCall:\n  name: Presigned S3\n  defaultLanguage: en-us\n  startUpRef: ./tasks/task[start]\n  tasks:\n    - task:\n        name: Start\n        refId: start\n        actions: []\n";
    const job = await register();
    // Signed for the job's headers (SDK RegisterArchitectJobResponse.headers): another Content-Type is refused.
    assert.deepEqual(job["headers"], { "Content-Type": "application/octet-stream" });
    const wrongType = await putPresigned(String(job["presignedUrl"]), yaml, {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    assert.equal(wrongType.status, 403);
    assert.match(
      String(errorOf(wrongType)["message"]),
      /signed for Content-Type: application\/octet-stream, the upload sent application\/x-www-form-urlencoded/,
    );

    // 5xx faults answer S3's XML error document.
    await control(emu, "PUT", "/faults", [{ method: "PUT", path: "^/uploads/", status: 503, times: 1 }]);
    const busy = await putPresigned(String(job["presignedUrl"]), yaml);
    assert.equal(busy.status, 503);
    assert.equal(busy.headers.get("content-type"), "application/xml");
    assert.match(String(busy.body), /<Error><Code>SlowDown<\/Code>/);

    // dropAfter: the upload lands, its answer is lost; sending it again meets the used URL (409).
    await control(emu, "PUT", "/faults", [{ method: "PUT", path: "^/uploads/", dropAfter: true, times: 1 }]);
    await assert.rejects(putPresigned(String(job["presignedUrl"]), yaml));
    assert.equal((await putPresigned(String(job["presignedUrl"]), yaml)).status, 409);
    clock.ms += JOB_MS;
    assert.equal(
      obj((await call(source, token, "GET", `${FLOW_JOBS}/${String(job["id"])}`)).body)["status"],
      "Success",
    );

    // presignedUrlTtlMs: an expired URL is 403 "Request has expired".
    await control(emu, "PUT", "/orgs/source/settings", { presignedUrlTtlMs: 60_000 });
    const late = await register();
    clock.ms += 60_000;
    const expired = await putPresigned(String(late["presignedUrl"]), yaml);
    assert.equal(expired.status, 403);
    assert.match(String(errorOf(expired)["message"]), /Request has expired/);
  });
});

test("export job: Started -> Success with a presigned downloadUrl serving the published YAML as text", async () => {
  const clock = new ManualClock();
  await withSource({ clock }, async (_emu, source, token) => {
    const id = await flowId(source, token, "Sales In-Queue");
    const published = String(
      obj((await call(source, token, "GET", `${FLOWS}/${id}/versions/1.0/configuration`)).body)["yaml"],
    );

    const reg = await call(source, token, "POST", EXPORT_JOBS, { flows: [{ flow: { id }, exportType: "Yaml" }] });
    assert.equal(reg.status, 200, JSON.stringify(reg.body));
    const r = obj(reg.body);
    const jobId = String(r["id"]);
    assert.deepEqual(r, { id: jobId, status: "Started", totalFlows: 1, selfUri: `${EXPORT_JOBS}/${jobId}` });
    const state = async (): Promise<Json> =>
      obj((await call(source, token, "GET", `${EXPORT_JOBS}/${jobId}?expand=messages`)).body);
    assert.deepEqual(await state(), {
      id: jobId,
      status: "Started",
      command: "Export",
      messages: [],
      selfUri: `${EXPORT_JOBS}/${jobId}`,
    });
    clock.ms += JOB_MS;
    const done = await state();
    assert.equal(done["status"], "Success");
    assert.deepEqual(done["messages"], []);
    const url = String(done["downloadUrl"]);
    assert.ok(url.startsWith(`${source.apiBaseUrl.replace(/\/api$/, "")}/downloads/${jobId}?signature=`), url);

    const res = await fetch(url);
    assert.equal(res.status, 200);
    assert.match(String(res.headers.get("content-type")), /^text\/plain/);
    assert.equal(await res.text(), published);
    assert.equal((await fetch(url.replace(/signature=[^&]+/, "signature=nope"))).status, 403);

    // by name and type, and an explicit version
    const byName = obj(
      (
        await call(source, token, "POST", EXPORT_JOBS, {
          flows: [{ flow: { name: "Sales In-Queue", type: "inqueuecall", version: "1.0" } }],
        })
      ).body,
    );
    clock.ms += JOB_MS;
    assert.equal(
      obj((await call(source, token, "GET", `${EXPORT_JOBS}/${String(byName["id"])}?expand=messages`)).body)["status"],
      "Success",
    );
  });
});

interface ExportFailureCase {
  name: string;
  body: (shellId: string) => unknown;
  /** 400 at registration, or the Failure message of the job. */
  status: number;
  message: RegExp;
}

const EXPORT_FAILURE_CASES: ExportFailureCase[] = [
  {
    name: "unknown flow id",
    body: () => ({ flows: [{ flow: { id: "00000000-0000-4000-8000-000000000000" } }] }),
    status: 200,
    message: /^Could not find the flow with id '00000000-0000-4000-8000-000000000000'\.$/,
  },
  {
    name: "unknown name and type",
    body: () => ({ flows: [{ flow: { name: "Main IVR", type: "inqueuecall" } }] }),
    status: 200,
    message: /^Could not find the flow named 'Main IVR' of type INQUEUECALL\.$/,
  },
  {
    name: "a shell flow has no published version",
    body: (shell) => ({ flows: [{ flow: { id: shell } }] }),
    status: 200,
    message: /has no published version to export\.$/,
  },
  {
    name: "unknown version",
    body: (shell) => ({ flows: [{ flow: { id: shell, version: "3.0" } }] }),
    status: 200,
    message: /has no version 3\.0\.$/,
  },
  {
    name: "two flows in one job",
    body: (shell) => ({ flows: [{ flow: { id: shell } }, { flow: { id: shell } }] }),
    status: 400,
    message: /one flow per job \(got 2\)/,
  },
  { name: "no flows", body: () => ({ flows: [] }), status: 400, message: /needs one flow/ },
  {
    name: "Architect export type",
    body: (shell) => ({ flows: [{ flow: { id: shell }, exportType: "Architect" }] }),
    status: 400,
    message: /^Value \[Architect\] is not valid for field type \[flows\[0\]\.exportType\]/,
  },
  {
    name: "neither id nor name and type",
    body: () => ({ flows: [{ flow: { name: "Main IVR" } }] }),
    status: 400,
    message: /flows\[0\]\.flow/,
  },
];

test("export job: table of failures (400 at registration, or a Failure job)", async () => {
  const clock = new ManualClock();
  await withSource({ clock }, async (_emu, source, token) => {
    const shell = String(
      obj((await call(source, token, "POST", FLOWS, { name: "Shell", type: "inboundcall" })).body)["id"],
    );
    for (const c of EXPORT_FAILURE_CASES) {
      const r = await call(source, token, "POST", EXPORT_JOBS, c.body(shell));
      assert.equal(r.status, c.status, c.name);
      if (c.status !== 200) {
        assert.match(String(errorOf(r)["message"]), c.message, c.name);
        continue;
      }
      clock.ms += JOB_MS;
      const job = obj(
        (await call(source, token, "GET", `${EXPORT_JOBS}/${String(obj(r.body)["id"])}?expand=messages`)).body,
      );
      assert.equal(job["status"], "Failure", c.name);
      assert.equal(job["downloadUrl"], undefined, c.name);
      const texts = errorTexts(job);
      assert.equal(texts.length, 1, c.name);
      assert.match(texts[0]!, c.message, c.name);
    }
  });
});

test("cross-org: the source's exported YAML fails in the empty target, naming every missing reference", async () => {
  const clock = new ManualClock();
  await withSource({ clock }, async (emu, source, token) => {
    const main = await flowId(source, token, "Main IVR");
    const job = obj((await call(source, token, "POST", EXPORT_JOBS, { flows: [{ flow: { id: main } }] })).body);
    clock.ms += JOB_MS;
    const url = String(
      obj((await call(source, token, "GET", `${EXPORT_JOBS}/${String(job["id"])}`)).body)["downloadUrl"],
    );
    const yaml = await (await fetch(url)).text();

    const target = org(emu, "target");
    const targetToken = await grant(target);
    const id = await startImport(target, targetToken, yaml);
    clock.ms += JOB_MS;
    const result = await importJob(target, targetToken, id);
    assert.equal(result["status"], "Failure");
    assert.deepEqual(errorTexts(result), [
      "Unable to find a user prompt named 'Welcome' referenced by inboundCall 'Main IVR'.",
      "Unable to find a schedule group named 'Main Line Hours' referenced by inboundCall 'Main IVR'.",
      "Unable to find an emergency group named 'Severe Weather' referenced by inboundCall 'Main IVR'.",
      "Unable to find a flow named 'Spanish IVR' referenced by inboundCall 'Main IVR'.",
      "Unable to find a queue named 'Sales - New Business' referenced by inboundCall 'Main IVR'.",
      "Unable to find a queue named 'Support - Tier 1' referenced by inboundCall 'Main IVR'.",
      "Unable to find a queue named 'Billing - Payments' referenced by inboundCall 'Main IVR'.",
      "Unable to find a queue named 'General Enquiries' referenced by inboundCall 'Main IVR'.",
    ]);
    // a shell flow satisfies a flow reference (how a flow <-> flow cycle is broken)
    assert.equal(
      (await call(target, targetToken, "POST", FLOWS, { name: "Spanish IVR", type: "inboundcall" })).status,
      200,
    );
    const again = await startImport(target, targetToken, yaml);
    clock.ms += JOB_MS;
    assert.ok(!errorTexts(await importJob(target, targetToken, again)).some((t) => t.includes("Spanish IVR")));
  });
});

test("export job: without a version it exports the latest saved version (a draft saved in Architect), with the published version's id the published YAML", async () => {
  const clock = new ManualClock();
  await withSource({ clock }, async (emu, source, token) => {
    const id = await flowId(source, token, "Sales In-Queue");
    const published = String(
      obj((await call(source, token, "GET", `${FLOWS}/${id}/versions/1.0/configuration`)).body)["yaml"],
    );
    const draftYaml = published.replace(/description: .*/, "description: a draft nobody published");
    const draft = await control(emu, "POST", `/orgs/source/flows/${id}/draft`, { yaml: draftYaml });
    assert.equal(draft.status, 200, JSON.stringify(draft.body));
    assert.equal(obj(draft.body)["id"], "2.0");
    const flow = obj((await call(source, token, "GET", `${FLOWS}/${id}`)).body);
    assert.equal(obj(flow["publishedVersion"])["id"], "1.0");
    assert.equal(obj(flow["savedVersion"])["id"], "2.0");
    const exported = async (item: Json): Promise<string> => {
      const job = obj((await call(source, token, "POST", EXPORT_JOBS, { flows: [item] })).body);
      clock.ms += JOB_MS;
      const done = obj((await call(source, token, "GET", `${EXPORT_JOBS}/${String(job["id"])}?expand=messages`)).body);
      return (await fetch(String(done["downloadUrl"]))).text();
    };
    assert.equal(await exported({ flow: { id } }), draftYaml);
    assert.equal(await exported({ flow: { id, version: "1.0" } }), published);
    assert.equal(
      (await control(emu, "POST", `/orgs/source/flows/${id}/draft`, { yaml: "inqueueCall:\n  name: Another\n" }))
        .status,
      400,
    );
  });
});

test("export job: knob flowExportJobTransientFailures fails the next jobs as Archy does under load (exit code 107), then exports", async () => {
  const clock = new ManualClock();
  await withSource({ clock }, async (emu, source, token) => {
    const id = await flowId(source, token, "Main IVR");
    await control(emu, "PUT", "/orgs/source/settings", { flowExportJobTransientFailures: 1 });
    const run = async (): Promise<Json> => {
      const job = obj(
        (await call(source, token, "POST", EXPORT_JOBS, { flows: [{ flow: { id, version: "1.0" } }] })).body,
      );
      clock.ms += JOB_MS;
      return obj((await call(source, token, "GET", `${EXPORT_JOBS}/${String(job["id"])}?expand=messages`)).body);
    };
    const failed = await run();
    assert.equal(failed["status"], "Failure");
    assert.deepEqual(errorTexts(failed), [`Archy failed: could not find the flow with id '${id}' (exit code: 107).`]);
    assert.equal((await run())["status"], "Success");
  });
});
