import assert from "node:assert/strict";
import { test } from "node:test";
import type { OrgInfo, RunningEmulator } from "@genesys-clone/emulator";
import { control, org, withEmulator } from "./helpers";
// The official SDK, loaded the way its README shows (a CommonJS require), typed by its own index.d.ts.
import platformClient = require("purecloud-platform-client-v2");

/** Points the SDK's singleton client at one emulated org through its gateway setting. */
function useOrg(emu: RunningEmulator, o: OrgInfo): void {
  const u = new URL(emu.url);
  platformClient.ApiClient.instance.setGateway({
    host: u.hostname,
    protocol: "http",
    port: Number(u.port),
    path_params_login: `orgs/${o.name}/login`,
    path_params_api: `orgs/${o.name}/api`,
  });
}

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
    assert.deepEqual(divisions.entities?.map((d) => d.name), ["Billing", "Customer Care", "Home", "Sales"]);
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
    assert.deepEqual(listed.entities?.map((s) => s.id), [skill.id]);
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
    const code = await routing.postRoutingWrapupcodes({ name: "SDK Code", description: "from the SDK", division: { id: sales.id } });
    assert.ok(code.id);
    assert.equal(code.division?.name, "Sales");
    const codes = await routing.getRoutingWrapupcodes({ pageSize: 100, name: "SDK" });
    assert.deepEqual(codes.entities?.map((c) => c.id), [code.id]);
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
    const err: unknown = await platformClient.ApiClient.instance.loginClientCredentialsGrant(source.clientId, "wrong").then(
      () => assert.fail("expected 401"),
      (e: unknown) => e,
    );
    const response = field(err, "response");
    assert.equal(field(response, "status"), 401);
    assert.equal(field(field(response, "data"), "error"), "invalid_client");
  });
});
