import assert from "node:assert/strict";
import { test } from "node:test";
import { control, org, withEmulator } from "./helpers";
// The official SDK, loaded the way its README shows (a CommonJS require), typed by its own index.d.ts.
import platformClient = require("purecloud-platform-client-v2");
import { useOrg } from "./sdk-gateway";

function field(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null) return undefined;
  return (value as Record<string, unknown>)[key];
}

test("official JS SDK: client credentials, routing skills, wrap-up codes, divisions", async () => {
  await withEmulator({}, async (emu) => {
    const client = platformClient.ApiClient.instance;
    const source = org(emu, "source");
    useOrg(emu, source);
    const auth = await client.loginClientCredentialsGrant(source.clientId, source.clientSecret);
    assert.equal(typeof auth.accessToken, "string");
    assert.ok((auth.tokenExpiryTime ?? 0) > Date.now());

    const authz = new platformClient.AuthorizationApi();
    const divisions = await authz.getAuthorizationDivisions({ pageSize: 100 });
    assert.deepEqual(
      divisions.entities?.map((d) => d.name),
      ["Billing", "Customer Care", "Home", "Sales"],
    );
    const home = await authz.getAuthorizationDivisionsHome();
    assert.equal(home.name, "Home");
    assert.equal(home.homeDivision, true);
    const sales = divisions.entities?.find((d) => d.name === "Sales");
    assert.ok(sales?.id);

    const routing = new platformClient.RoutingApi();

    // skills
    const skill = await routing.postRoutingSkills({ name: "SDK Skill" });
    assert.ok(skill.id);
    assert.equal(skill.state, "active");
    const listed = await routing.getRoutingSkills({ pageSize: 500, name: "SDK" });
    assert.deepEqual(
      listed.entities?.map((s) => s.id),
      [skill.id],
    );
    const all = await routing.getRoutingSkills({ pageSize: 500 });
    assert.equal(all.total, 32);
    const byIds = await routing.getRoutingSkills({ id: [skill.id, all.entities?.[0]?.id ?? ""] });
    assert.equal(byIds.total, 2);
    const got = await routing.getRoutingSkill(skill.id);
    assert.equal(got.name, "SDK Skill");
    const patched = await routing.patchRoutingSkill(skill.id, { divisionId: sales.id });
    assert.equal(patched.division?.id, sales.id);
    assert.equal(patched.version, "2");
    await routing.deleteRoutingSkill(skill.id);
    assert.equal((await routing.getRoutingSkill(skill.id)).state, "deleted");

    // wrap-up codes
    const code = await routing.postRoutingWrapupcodes({
      name: "SDK Code",
      description: "from the SDK",
      division: { id: sales.id },
    });
    assert.ok(code.id);
    assert.equal(code.division?.name, "Sales");
    const codes = await routing.getRoutingWrapupcodes({ pageSize: 100, name: "SDK" });
    assert.deepEqual(
      codes.entities?.map((c) => c.id),
      [code.id],
    );
    const bySales = await routing.getRoutingWrapupcodes({ pageSize: 100, divisionId: [sales.id] });
    assert.ok((bySales.total ?? 0) > 1);
    const replaced = await routing.putRoutingWrapupcode(code.id, { name: "SDK Code v2" });
    assert.equal(replaced.name, "SDK Code v2");
    assert.equal(replaced.description, undefined);
    assert.equal(replaced.division?.name, "Home");
    await routing.deleteRoutingWrapupcode(code.id);
    const gone: unknown = await routing.getRoutingWrapupcode(code.id).then(
      () => assert.fail("expected 404"),
      (err: unknown) => err,
    );
    assert.equal(field(gone, "status"), 404);
    assert.equal(field(gone, "code"), "not.found");

    // errors come back as the ErrorBody
    const dup: unknown = await routing.postRoutingSkills({ name: "English" }).then(
      () => assert.fail("expected 409"),
      (err: unknown) => err,
    );
    assert.equal(field(dup, "status"), 409);
    assert.equal(field(dup, "code"), "general.conflict");

    // the same process can switch to the other org / region
    const target = org(emu, "target");
    useOrg(emu, target);
    await client.loginClientCredentialsGrant(target.clientId, target.clientSecret);
    const targetSkills = await new platformClient.RoutingApi().getRoutingSkills({ pageSize: 500 });
    assert.equal(targetSkills.total, 0);

    // extended responses expose the Genesys headers
    client.setReturnExtendedResponses(true);
    try {
      const ext: unknown = await new platformClient.AuthorizationApi().getAuthorizationDivisionsHome();
      const headers = field(ext, "headers");
      assert.ok(field(headers, "inin-correlation-id"));
      assert.ok(field(headers, "inin-ratelimit-count"));
    } finally {
      client.setReturnExtendedResponses(false);
    }

    const stats = field(await (await fetch(`${emu.url}/__emulator/stats?org=source`)).json(), "orgs");
    assert.ok(Array.isArray(stats));
    const requests = field(stats[0], "requests");
    assert.equal(field(requests, "POST /oauth/token"), 1);
    assert.equal(field(requests, "PATCH /api/v2/routing/skills/{skillId}"), 1);
    await control(emu, "POST", "/reset");
  });
});

test("official JS SDK: bad secret is rejected with the OAuth error body", async () => {
  await withEmulator({}, async (emu) => {
    const source = org(emu, "source");
    useOrg(emu, source);
    const err: unknown = await platformClient.ApiClient.instance
      .loginClientCredentialsGrant(source.clientId, "wrong")
      .then(
        () => assert.fail("expected 401"),
        (e: unknown) => e,
      );
    const response = field(err, "response");
    assert.equal(field(response, "status"), 401);
    assert.equal(field(field(response, "data"), "error"), "invalid_client");
  });
});

/** The SDK's rejection for a promise that must fail. */
async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => assert.fail("expected the call to fail"),
    (err: unknown) => err,
  );
}

test("official JS SDK: languages, queues and their wrap-up codes, schedules, schedule groups, division writes", async () => {
  await withEmulator({}, async (emu) => {
    const client = platformClient.ApiClient.instance;
    const source = org(emu, "source");
    useOrg(emu, source);
    await client.loginClientCredentialsGrant(source.clientId, source.clientSecret);
    const routing = new platformClient.RoutingApi();
    const architect = new platformClient.ArchitectApi();
    const authz = new platformClient.AuthorizationApi();

    // divisions
    const division = await authz.postAuthorizationDivisions({ name: "SDK Division", description: "made by the SDK" });
    assert.ok(division.id);
    assert.equal(division.homeDivision, false);
    const renamed = await authz.putAuthorizationDivision(division.id, {
      name: "SDK Division 2",
      description: "renamed",
    });
    assert.equal(renamed.name, "SDK Division 2");

    // languages
    const language = await routing.postRoutingLanguages({ name: "Klingon" });
    assert.ok(language.id);
    assert.equal(language.state, "active");
    const languages = await routing.getRoutingLanguages({ pageSize: 100, sortOrder: "descending", name: "K" });
    assert.deepEqual(
      languages.entities?.map((l) => l.name),
      ["Klingon"],
    );
    assert.equal((await routing.getRoutingLanguages({ pageSize: 100 })).total, 9);
    await routing.deleteRoutingLanguage(language.id);
    assert.equal((await routing.getRoutingLanguage(language.id)).state, "deleted");

    // queues
    const skills = await routing.getRoutingSkills({ pageSize: 500, name: "Refunds" });
    const skillId = skills.entities?.[0]?.id ?? "";
    const queue = await routing.postRoutingQueues({
      name: "SDK Queue",
      division: { id: division.id },
      description: "from the SDK",
      mediaSettings: {
        call: {
          alertingTimeoutSeconds: 8,
          serviceLevel: { percentage: 0.8, durationMs: 20000 },
          enableAutoAnswer: false,
        },
      },
      routingRules: [{ operator: "MEETS_THRESHOLD", threshold: 9, waitSeconds: 5 }],
      bullseye: {
        rings: [
          {
            expansionCriteria: [{ type: "TIMEOUT_SECONDS", threshold: 10 }],
            actions: { skillsToRemove: [{ id: skillId }] },
          },
          {},
        ],
      },
      acwSettings: { wrapupPrompt: "MANDATORY_TIMEOUT", timeoutMs: 30000 },
      skillEvaluationMethod: "BEST",
      callingPartyName: "SDK",
      callingPartyNumber: "+13175550999",
    });
    assert.ok(queue.id);
    assert.equal(queue.division?.name, "SDK Division 2");
    assert.equal(queue.memberCount, 0);
    assert.equal(queue.bullseye?.rings?.[0]?.actions?.skillsToRemove?.[0]?.name, "Refunds");
    const got = await routing.getRoutingQueue(queue.id);
    assert.equal(got.acwSettings?.wrapupPrompt, "MANDATORY_TIMEOUT");
    const listedQueues = await routing.getRoutingQueues({ pageSize: 100, name: "SDK*", divisionId: [division.id] });
    assert.deepEqual(
      listedQueues.entities?.map((q) => q.id),
      [queue.id],
    );
    const put = await routing.putRoutingQueue(queue.id, { ...got, name: "SDK Queue 2", skillEvaluationMethod: "ALL" });
    assert.equal(put.name, "SDK Queue 2");
    assert.equal(put.skillEvaluationMethod, "ALL");
    const badEnum = await rejection(
      routing.putRoutingQueue(queue.id, { name: "SDK Queue 2", scoringMethod: "Random" }),
    );
    assert.equal(field(badEnum, "status"), 400);
    assert.match(String(field(badEnum, "message")), /Value \[Random\] is not valid for field type \[scoringMethod\]/);

    // queue wrap-up codes
    const codes = await routing.getRoutingWrapupcodes({ pageSize: 100, name: "Refund" });
    const codeId = codes.entities?.[0]?.id ?? "";
    const added = await routing.postRoutingQueueWrapupcodes(queue.id, [{ id: codeId }]);
    assert.deepEqual(
      added.map((c) => c.name),
      ["Refund Issued"],
    );
    const queueCodes = await routing.getRoutingQueueWrapupcodes(queue.id, { pageSize: 100 });
    assert.deepEqual(
      queueCodes.entities?.map((c) => c.id),
      [codeId],
    );
    await routing.deleteRoutingQueueWrapupcode(queue.id, codeId);
    assert.equal((await routing.getRoutingQueueWrapupcodes(queue.id, {})).total, 0);

    // a division with a queue in it cannot be deleted
    const notEmpty = await rejection(authz.deleteAuthorizationDivision(division.id));
    assert.equal(field(notEmpty, "status"), 400);
    assert.equal(field(notEmpty, "code"), "bad.request");
    await routing.deleteRoutingQueue(queue.id, { forceDelete: true });
    assert.equal(field(await rejection(routing.getRoutingQueue(queue.id)), "status"), 404);

    // schedules
    const schedule = await architect.postArchitectSchedules({
      name: "SDK Hours",
      division: { id: division.id },
      start: "2026-03-02T08:00:00.000000",
      end: "2026-03-02T18:00:00.000000",
      rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    });
    assert.ok(schedule.id);
    assert.equal(schedule.version, 1);
    assert.equal(schedule.start, "2026-03-02T08:00:00.000");
    const updated = await architect.putArchitectSchedule(schedule.id, { ...schedule, end: "2026-03-02T19:00:00.000" });
    assert.equal(updated.version, 2);
    const stale = await rejection(architect.putArchitectSchedule(schedule.id, { ...schedule }));
    assert.equal(field(stale, "status"), 409);
    assert.equal(field(stale, "message"), "Version does not match current version.");
    const schedules = await architect.getArchitectSchedules({
      pageSize: 100,
      sortBy: "name",
      sortOrder: "asc",
      name: "SDK",
      divisionId: [division.id],
    });
    assert.deepEqual(
      schedules.entities?.map((s) => s.id),
      [schedule.id],
    );

    // schedule groups
    const group = await architect.postArchitectSchedulegroups({
      name: "SDK Group",
      division: { id: division.id },
      timeZone: "America/New_York",
      openSchedules: [{ id: schedule.id }],
    });
    assert.ok(group.id);
    assert.equal(group.openSchedules?.[0]?.name, "SDK Hours");
    const fetched = await architect.getArchitectSchedulegroup(group.id);
    assert.equal(fetched.timeZone, "America/New_York");
    const groups = await architect.getArchitectSchedulegroups({ pageSize: 100, scheduleIds: schedule.id });
    assert.deepEqual(
      groups.entities?.map((g) => g.id),
      [group.id],
    );
    const inUse = await rejection(architect.deleteArchitectSchedule(schedule.id));
    assert.equal(field(inUse, "status"), 409);
    const regrouped = await architect.putArchitectSchedulegroup(group.id, { ...fetched, timeZone: "America/Chicago" });
    assert.equal(regrouped.version, 2);
    await architect.deleteArchitectSchedulegroup(group.id);
    assert.equal((await architect.getArchitectSchedulegroup(group.id)).state, "deleted");
    await architect.deleteArchitectSchedule(schedule.id);
    assert.equal((await architect.getArchitectSchedule(schedule.id)).state, "deleted");

    // now the division is empty, once its deleted objects have detached (knob divisionDetachDelayMs)
    await control(emu, "POST", "/clock", { advanceMs: 1000 });
    await authz.deleteAuthorizationDivision(division.id);
    assert.equal(field(await rejection(authz.getAuthorizationDivision(division.id)), "status"), 404);
  });
});

test("official JS SDK: Architect flows - list, get, create, locks, publish, import and export jobs, versions, delete", async () => {
  await withEmulator({}, async (emu) => {
    const client = platformClient.ApiClient.instance;
    const source = org(emu, "source");
    useOrg(emu, source);
    await client.loginClientCredentialsGrant(source.clientId, source.clientSecret);
    const architect = new platformClient.ArchitectApi();
    const skipAhead = async (): Promise<void> => {
      await control(emu, "POST", "/clock", { advanceMs: 1000 });
    };

    const listed = await architect.getFlows({ type: ["inqueuecall"], pageSize: 500 });
    assert.deepEqual(
      listed.entities?.map((f) => f.name),
      ["Default In-Queue Flow", "Sales In-Queue", "Standard In-Queue", "Support In-Queue"],
    );
    const both = await architect.getFlows({ type: ["inboundcall", "inqueuecall"], name: "S*" });
    assert.deepEqual(
      both.entities?.map((f) => f.name),
      ["Sales In-Queue", "Spanish IVR", "Standard In-Queue", "Store Locator", "Support In-Queue"],
    );
    const main = (await architect.getFlows({ name: "Main IVR" })).entities?.[0];
    assert.ok(main?.id);
    const got = await architect.getFlow(main.id);
    assert.equal(got.type, "INBOUNDCALL");
    assert.equal(got.publishedVersion?.id, "1.0");
    const versions = await architect.getFlowVersions(main.id, { pageSize: 25 });
    assert.deepEqual(
      versions.entities?.map((v) => v.id),
      ["1.0"],
    );

    // shell flow, locks and operations
    const shell = await architect.postFlows({ name: "SDK Flow", type: "inboundcall", description: "from the SDK" });
    assert.ok(shell.id);
    assert.equal(shell.type, "INBOUNDCALL");
    assert.equal(shell.active, false);
    const out = await architect.postFlowsActionsCheckout(shell.id);
    assert.equal(out.lockedClient?.id, source.clientId);
    const checkin = await architect.postFlowsActionsCheckin(shell.id);
    assert.equal(checkin.actionName, "CHECKIN");
    assert.equal(checkin.complete, true);
    await architect.postFlowsActionsCheckout(shell.id);
    const unlocked = await architect.postFlowsActionsUnlock(shell.id);
    assert.equal(unlocked.lockedClient, undefined);
    const noVersion = await rejection(architect.postFlowsActionsPublish(shell.id));
    assert.equal(field(noVersion, "status"), 400);

    // Archy import job: register, PUT the YAML to the presigned URL (plain HTTP), poll
    const job = await architect.postFlowsJobs();
    assert.ok(job.id && job.presignedUrl);
    const yaml =
      "inboundCall:\n  name: SDK Flow\n  description: imported\n  division: Home\n  defaultLanguage: en-us\n  startUpRef: ./tasks/task[vip]\n" +
      "  tasks:\n    - task:\n        name: To VIP\n        refId: vip\n        actions:\n          - transferToAcd:\n              targetQueue:\n                lit:\n                  name: Sales - VIP\n";
    const put = await fetch(job.presignedUrl, { method: "PUT", headers: job.headers, body: yaml });
    assert.equal(put.status, 200);
    assert.equal((await architect.getFlowsJob(job.id, { expand: ["messages"] })).status, "Started");
    await skipAhead();
    const done = await architect.getFlowsJob(job.id, { expand: ["messages"] });
    assert.equal(done.status, "Success");
    assert.equal(done.flow?.id, shell.id, "the job updated the shell with the same (name, type)");
    assert.equal((await architect.getFlow(shell.id)).publishedVersion?.id, "1.0");

    // publish an existing version: an asynchronous Operation
    const op = await architect.postFlowsActionsPublish(shell.id, { version: "1.0" });
    assert.equal(op.actionName, "PUBLISH");
    assert.equal(op.complete, false);
    await skipAhead();
    assert.equal((await architect.getFlow(shell.id)).currentOperation?.actionStatus, "SUCCESS");

    // export job round trip
    const exportJob = await architect.postFlowsExportJobs({ flows: [{ flow: { id: shell.id }, exportType: "Yaml" }] });
    assert.equal(exportJob.status, "Started");
    assert.equal(exportJob.totalFlows, 1);
    await skipAhead();
    const exported = await architect.getFlowsExportJob(exportJob.id ?? "", { expand: ["messages"] });
    assert.equal(exported.status, "Success");
    assert.equal(await (await fetch(exported.downloadUrl ?? "")).text(), yaml);

    // a flow a queue uses cannot be deleted; the shell can
    const standard = (await architect.getFlows({ name: "Standard In-Queue" })).entities?.[0]?.id ?? "";
    const inUse = await rejection(architect.deleteFlow(standard));
    assert.equal(field(inUse, "status"), 409);
    assert.equal(field(inUse, "code"), "general.conflict");
    await architect.deleteFlow(shell.id);
    assert.equal(field(await rejection(architect.getFlow(shell.id)), "status"), 404);
  });
});

test("official JS SDK: telephony - sites, metabases, template, trunk base settings CRUD, trunks", async () => {
  await withEmulator({}, async (emu) => {
    const client = platformClient.ApiClient.instance;
    const source = org(emu, "source");
    useOrg(emu, source);
    await client.loginClientCredentialsGrant(source.clientId, source.clientSecret);
    const edges = new platformClient.TelephonyProvidersEdgeApi();

    const sites = await edges.getTelephonyProvidersEdgesSites({ pageSize: 100 });
    const site = sites.entities?.[0];
    assert.equal(site?.name, "US East Site");
    const metabases = await edges.getTelephonyProvidersEdgesTrunkbasesettingsAvailablemetabases({ type: "EXTERNAL" });
    assert.ok(metabases.entities?.some((m) => m.id === "external_sip_pcv_byoc_carrier.json"));
    const template = await edges.getTelephonyProvidersEdgesTrunkbasesettingsTemplate(
      "external_sip_pcv_byoc_carrier.json",
    );
    assert.equal(template.trunkType, "EXTERNAL");
    assert.ok(template.properties?.["trunk_transport_serverProxyList"]);

    const seeded = await edges.getTelephonyProvidersEdgesTrunkbasesettings({ pageSize: 100, expand: ["properties"] });
    assert.deepEqual(
      seeded.entities?.map((t) => t.name),
      ["US Carrier Backup", "US Carrier Primary"],
    );
    assert.ok(seeded.entities?.[0]?.properties);

    const created = await edges.postTelephonyProvidersEdgesTrunkbasesettings({
      name: "SDK Carrier",
      trunkMetabase: { id: "external_sip_pcv_byoc_carrier.json" },
      trunkType: "EXTERNAL",
      inboundSite: { id: site?.id ?? "" },
      properties: {
        trunk_label: { value: { instance: "SDK Carrier" } },
        trunk_transport_serverProxyList: { value: { instance: ["sip.sdk.example.net:5061"] } },
        trunk_sip_authentication_credentials_username: { value: { instance: "sdk" } },
        trunk_sip_authentication_credentials_password: { value: { instance: "sdk-secret" } },
      },
    });
    assert.ok(created.id);
    assert.equal(created.version, 1);
    // as Terraform reads it (ignoreHidden=true): what comes back can be PUT as it is
    const got = await edges.getTelephonyProvidersEdgesTrunkbasesetting(created.id, { ignoreHidden: true });
    assert.deepEqual(field(got.properties?.["trunk_sip_authentication_credentials_password"], "value"), {
      default: "",
      instance: "********",
    });
    const updated = await edges.putTelephonyProvidersEdgesTrunkbasesetting(created.id, {
      ...got,
      description: "updated by the SDK",
    });
    assert.equal(updated.version, 2);
    const stale = await rejection(edges.putTelephonyProvidersEdgesTrunkbasesetting(created.id, { ...got }));
    assert.equal(field(stale, "status"), 409);

    await control(emu, "POST", "/clock", { advanceMs: 1000 });
    const trunks = await edges.getTelephonyProvidersEdgesTrunks({ trunkBaseId: created.id });
    const trunk = trunks.entities?.[0];
    assert.equal(trunk?.name, "SDK Carrier - US East Site");
    assert.equal(trunk?.connectedStatus?.connected, true, "the masked password was kept by the PUT");
    const one = await edges.getTelephonyProvidersEdgesTrunk(trunk?.id ?? "");
    assert.equal(one.trunkBase?.id, created.id);
    const metrics = await edges.getTelephonyProvidersEdgesTrunkMetrics(trunk?.id ?? "");
    assert.equal(metrics.calls?.inboundCallCount, 0);

    await edges.deleteTelephonyProvidersEdgesTrunkbasesetting(created.id);
    assert.equal((await edges.getTelephonyProvidersEdgesTrunkbasesetting(created.id)).state, "deleted");
    assert.equal(field(await rejection(edges.getTelephonyProvidersEdgesTrunk(trunk?.id ?? "")), "status"), 404);
  });
});

test("official JS SDK: what official clients call at start-up - organizations/me (with defaultCountryCode) and authorization/products", async () => {
  await withEmulator({}, async (emu) => {
    const client = platformClient.ApiClient.instance;
    for (const [name, country] of [
      ["source", "US"],
      ["target", "IE"],
    ] as const) {
      const o = org(emu, name);
      useOrg(emu, o);
      await client.loginClientCredentialsGrant(o.clientId, o.clientSecret);
      // Terraform's provider configure reads both and dereferences defaultCountryCode and the products' total unchecked.
      const me = await new platformClient.OrganizationApi().getOrganizationsMe();
      assert.equal(me.name, name);
      assert.equal(me.defaultCountryCode, country, `${name} is in ${o.region}`);
      assert.equal(me.version, 1);
      assert.equal(me.state, "active");
      const products = await new platformClient.AuthorizationApi().getAuthorizationProducts();
      assert.equal(products.total, products.entities?.length);
      assert.ok((products.total ?? 0) > 0);
      assert.ok(products.entities?.every((p) => typeof p.id === "string" && p.id !== ""));
    }
    await control(emu, "PUT", "/orgs/source/settings", { authorizationProducts: ["a", "b"] });
    useOrg(emu, org(emu, "source"));
    await client.loginClientCredentialsGrant(org(emu, "source").clientId, org(emu, "source").clientSecret);
    assert.deepEqual((await new platformClient.AuthorizationApi().getAuthorizationProducts()).entities, [
      { id: "a" },
      { id: "b" },
    ]);
  });
});

test("official JS SDK: edge groups, email domains and routes, system prompts, a queue's outbound email address", async () => {
  await withEmulator({}, async (emu) => {
    const source = org(emu, "source");
    useOrg(emu, source);
    await platformClient.ApiClient.instance.loginClientCredentialsGrant(source.clientId, source.clientSecret);
    const edges = new platformClient.TelephonyProvidersEdgeApi();
    const groups = await edges.getTelephonyProvidersEdgesEdgegroups({ pageSize: 100, name: "US East" });
    assert.deepEqual(
      groups.entities?.map((g) => g.name),
      ["US East Edge Group"],
    );
    const group = await edges.getTelephonyProvidersEdgesEdgegroup(groups.entities![0]!.id!);
    assert.equal(group.name, "US East Edge Group");

    const routing = new platformClient.RoutingApi();
    const domains = await routing.getRoutingEmailDomains({ pageSize: 100 });
    assert.deepEqual(
      domains.entities?.map((d) => d.id),
      ["acme-us.example.com"],
    );
    const domain = await routing.getRoutingEmailDomain("acme-us.example.com");
    assert.equal(domain.name, "acme-us.example.com");
    const routes = await routing.getRoutingEmailDomainRoutes("acme-us.example.com", { pattern: "support" });
    assert.deepEqual(
      routes.entities?.map((r) => r.pattern),
      ["support"],
    );
    const route = await routing.getRoutingEmailDomainRoute("acme-us.example.com", routes.entities![0]!.id!);
    assert.equal(route.fromName, "Acme Support (US)");

    const architect = new platformClient.ArchitectApi();
    const prompts = await architect.getArchitectSystemprompts({ pageSize: 100, name: "on_hold" });
    assert.deepEqual(
      prompts.entities?.map((p) => p.name),
      ["on_hold_music"],
    );
    assert.equal((await architect.getArchitectSystemprompt("goodbye")).name, "goodbye");

    const queue = await routing.postRoutingQueues({
      name: "SDK Email Queue",
      outboundEmailAddress: {
        domain: { id: "acme-us.example.com" },
        // The SDK's InboundRoute requires pattern and fromName; Terraform sends the id only, as here.
        route: { id: route.id } as platformClient.Models.InboundRoute,
      },
    });
    assert.equal(queue.outboundEmailAddress?.route?.pattern, "support");
  });
});

test("official JS SDK: users (listing, search by email), groups, queue members and member groups", async () => {
  await withEmulator({}, async (emu) => {
    const source = org(emu, "source");
    useOrg(emu, source);
    await platformClient.ApiClient.instance.loginClientCredentialsGrant(source.clientId, source.clientSecret);
    const users = new platformClient.UsersApi();
    const listed = await users.getUsers({ pageSize: 500, state: "active" });
    assert.equal(listed.total, 5);
    // Terraform's genesyscloud_user data source: EXACT search on the email field.
    const found = await users.postUsersSearch({
      query: [
        { type: "EXACT", fields: ["email"], values: ["ANA.GARCIA@acme.example.com", "dev.patel@acme.example.com"] },
      ],
    });
    assert.deepEqual(
      found.results.map((u) => u.email),
      ["ana.garcia@acme.example.com", "dev.patel@acme.example.com"],
    );
    const ana = found.results[0]!;
    assert.equal((await users.getUser(ana.id!)).name, "Ana García");

    const groupsApi = new platformClient.GroupsApi();
    const groups = await groupsApi.getGroups({ pageSize: 500 });
    assert.deepEqual(
      groups.entities?.map((g) => [g.name, g.memberCount]),
      [["Support Escalations", 2]],
    );
    const escalations = groups.entities![0]!;

    const routing = new platformClient.RoutingApi();
    const queue = await routing.postRoutingQueues({ name: "SDK Members Queue" });
    await routing.postRoutingQueueMembers(queue.id!, [{ id: ana.id! }, { id: found.results[1]!.id! }]);
    await routing.patchRoutingQueueMember(queue.id!, ana.id!, { id: ana.id!, ringNumber: 3 });
    const members = await routing.getRoutingQueueMembers(queue.id!, { pageSize: 100, memberBy: "user" });
    assert.deepEqual(
      members.entities?.map((m) => [m.user?.email, m.ringNumber, m.memberBy]),
      [
        ["ana.garcia@acme.example.com", 3, "user"],
        ["dev.patel@acme.example.com", 1, "user"],
      ],
    );
    // Member groups are a queue field (PUT), their users members by group.
    const withGroup = await routing.putRoutingQueue(queue.id!, {
      name: "SDK Members Queue",
      memberGroups: [{ id: escalations.id!, type: "GROUP" }],
    });
    assert.deepEqual(
      withGroup.memberGroups?.map((g) => [g.id, g.type]),
      [[escalations.id, "GROUP"]],
    );
    assert.equal(withGroup.memberCount, 3); // Ana, Dev (direct and by group), Chloé
    assert.equal(withGroup.userMemberCount, 2);
    const byGroup = await routing.getRoutingQueueMembers(queue.id!, { memberBy: "group" });
    assert.deepEqual(
      byGroup.entities?.map((m) => m.user?.email),
      ["chloe.martin@acme.example.com"],
    );
    await routing.postRoutingQueueMembers(queue.id!, [{ id: ana.id! }], { _delete: true });
    const left = await routing.getRoutingQueueMembers(queue.id!, { memberBy: "user" });
    assert.deepEqual(
      left.entities?.map((m) => m.user?.email),
      ["dev.patel@acme.example.com"],
    );
    await assert.rejects(
      routing.patchRoutingQueueMember(queue.id!, ana.id!, { ringNumber: 7 }),
      (err: unknown) => field(err, "status") === 400,
    );
  });
});

test("official JS SDK: data tables, their rows, emergency groups", async () => {
  await withEmulator({}, async (emu) => {
    const source = org(emu, "source");
    useOrg(emu, source);
    await platformClient.ApiClient.instance.loginClientCredentialsGrant(source.clientId, source.clientSecret);
    const architect = new platformClient.ArchitectApi();

    const tables = await architect.getFlowsDatatables({ expand: "schema", pageSize: 100 });
    const stores = tables.entities?.find((t) => t.name === "Store Locations");
    assert.ok(stores?.id);
    assert.deepEqual(Object.keys(stores.schema?.properties ?? {}), ["key", "city", "address", "opensAt", "open24h"]);
    const created = await architect.postFlowsDatatables({
      name: "SDK Table",
      schema: {
        $schema: "http://json-schema.org/draft-04/schema#",
        type: "object",
        required: ["key"],
        properties: { key: { type: "string", $id: "/properties/key", displayOrder: 0 } },
      },
    });
    assert.ok(created.id);
    const row = await architect.postFlowsDatatableRows(created.id, { key: "k/1" });
    assert.equal(field(row, "key"), "k/1");
    await architect.putFlowsDatatableRow(created.id, "k/1", { body: { key: "k/1" } });
    const rows = await architect.getFlowsDatatableRows(stores.id, { showbrief: false, pageSize: 100 });
    assert.equal(rows.entities?.length, 3);
    assert.equal(field(rows.entities?.[0], "city"), "Indianapolis");
    await architect.deleteFlowsDatatableRow(created.id, "k/1");
    await architect.deleteFlowsDatatable(created.id, { force: true });

    const groups = await architect.getArchitectEmergencygroups({ pageSize: 100 });
    const weather = groups.entities?.find((g) => g.name === "Severe Weather");
    assert.ok(weather?.id);
    assert.equal(weather.enabled, false);
    const flowId = weather.emergencyCallFlows?.[0]?.emergencyFlow?.id;
    assert.ok(flowId);
    const updated = await architect.putArchitectEmergencygroup(weather.id, { ...weather, enabled: true });
    assert.equal(updated.enabled, true);
    assert.equal(updated.version, 2);
    const made = await architect.postArchitectEmergencygroups({
      name: "SDK Group",
      emergencyCallFlows: [{ emergencyFlow: { id: flowId }, ivrs: [] }],
    });
    assert.ok(made.id);
    await architect.deleteArchitectEmergencygroup(made.id);
    assert.equal((await architect.getArchitectEmergencygroup(made.id)).state, "deleted");
  });
});
