import assert from "node:assert/strict";
import { test } from "node:test";
import type { OrgInfo } from "@genesys-clone/emulator";
import { call, entitiesOf, errorOf, grant, idByName, obj, org, withEmulator, withSource, type Json } from "./helpers";

// What queues name beyond their own org's routing objects (issue 11): edge groups, email domains and routes, and
// the system prompts every org has. Paths and query names: the SDK's TelephonyProvidersEdgeApi, RoutingApi and
// ArchitectApi; the queue's outbound address as Terraform sends it (routing_queue `buildSdkQueueEmailAddress`).
const QUEUES = "/api/v2/routing/queues";
const EDGE_GROUPS = "/api/v2/telephony/providers/edges/edgegroups";
const DOMAINS = "/api/v2/routing/email/domains";

async function routeId(o: OrgInfo, token: string, domain: string, pattern: string): Promise<string> {
  const routes = entitiesOf(await call(o, token, "GET", `${DOMAINS}/${domain}/routes?pattern=${pattern}`));
  assert.equal(routes.length, 1, `one ${pattern}@${domain}`);
  return String(routes[0]!["id"]);
}

test("sample seed: each region's edge group and email domain with routes; the sample queues name them", async () => {
  await withSource({}, async (_emu, source, token) => {
    const groups = entitiesOf(await call(source, token, "GET", `${EDGE_GROUPS}?pageSize=100`));
    assert.deepEqual(
      groups.map((g) => g["name"]),
      ["US East Edge Group"],
    );
    const domains = entitiesOf(await call(source, token, "GET", DOMAINS));
    assert.deepEqual(
      domains.map((d) => [d["id"], d["name"]]),
      [["acme-us.example.com", "acme-us.example.com"]],
      "a domain's id is its name (TF routing_email_domain domain_id)",
    );
    const routes = entitiesOf(await call(source, token, "GET", `${DOMAINS}/acme-us.example.com/routes`));
    assert.deepEqual(routes.map((r) => r["pattern"]).sort(), ["sales", "support"]);
    for (const r of routes) assert.equal(typeof r["fromName"], "string", "InboundRoute requires fromName");

    const callbacks = obj(
      (await call(source, token, "GET", `${QUEUES}/${await idByName(source, token, QUEUES, "Support - Callbacks")}`))
        .body,
    );
    const cb = obj(obj(callbacks["mediaSettings"])["callback"]);
    assert.equal(obj(cb["edgeGroup"])["id"], groups[0]!["id"]);
    assert.ok(obj(cb["site"])["id"]);
    const email = obj(
      (await call(source, token, "GET", `${QUEUES}/${await idByName(source, token, QUEUES, "Support - Email")}`)).body,
    );
    const address = obj(email["outboundEmailAddress"]);
    assert.equal(obj(address["domain"])["id"], "acme-us.example.com");
    assert.equal(obj(address["route"])["pattern"], "support");

    const target = org(_emu, "target");
    const targetToken = await grant(target);
    assert.deepEqual(
      entitiesOf(await call(target, targetToken, "GET", EDGE_GROUPS)).map((g) => g["name"]),
      ["EU West Edge Group"],
    );
    assert.deepEqual(
      entitiesOf(await call(target, targetToken, "GET", DOMAINS)).map((d) => d["id"]),
      ["acme-eu.example.com"],
    );
  });
});

test("queues: a callback edge group or outbound email address the org lacks is 400 naming the field", async () => {
  await withSource({}, async (emu, source, token) => {
    const target = org(emu, "target");
    const targetToken = await grant(target);
    const sourceGroup = await idByName(source, token, EDGE_GROUPS, "US East Edge Group");
    const sourceRoute = await routeId(source, token, "acme-us.example.com", "support");
    const targetGroup = await idByName(target, targetToken, EDGE_GROUPS, "EU West Edge Group");
    const targetRoute = await routeId(target, targetToken, "acme-eu.example.com", "support");
    const targetSales = await routeId(target, targetToken, "acme-eu.example.com", "sales");
    const cases: { name: string; body: Json; status: number; field?: string }[] = [
      {
        name: "another org's edge group",
        body: { mediaSettings: { callback: { edgeGroup: { id: sourceGroup } } } },
        status: 400,
        field: "mediaSettings.callback.edgeGroup",
      },
      {
        name: "another org's email domain",
        body: { outboundEmailAddress: { domain: { id: "acme-us.example.com" }, route: { id: sourceRoute } } },
        status: 400,
        field: "outboundEmailAddress.domain",
      },
      {
        name: "another org's route on this org's domain",
        body: { outboundEmailAddress: { domain: { id: "acme-eu.example.com" }, route: { id: sourceRoute } } },
        status: 400,
        field: "outboundEmailAddress.route",
      },
      {
        name: "the org's own edge group",
        body: { mediaSettings: { callback: { edgeGroup: { id: targetGroup } } } },
        status: 200,
      },
      {
        name: "the org's own route, domain in any case",
        body: { outboundEmailAddress: { domain: { id: "ACME-EU.example.com" }, route: { id: targetRoute } } },
        status: 200,
      },
    ];
    let n = 0;
    for (const c of cases) {
      const r = await call(target, targetToken, "POST", QUEUES, { name: `Refs ${n++}`, ...c.body });
      assert.equal(r.status, c.status, `${c.name}: ${JSON.stringify(r.body)}`);
      if (c.field) assert.match(String(errorOf(r)["message"]), new RegExp(c.field.replace(/\./g, "\\.")), c.name);
    }
    // A PUT changes the address like any field (full replace), and the read names the route.
    const id = await idByName(target, targetToken, QUEUES, "Refs 4");
    const put = await call(target, targetToken, "PUT", `${QUEUES}/${id}`, {
      name: "Refs 4",
      outboundEmailAddress: { domain: { id: "acme-eu.example.com" }, route: { id: targetSales } },
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const address = obj(obj(put.body)["outboundEmailAddress"]);
    assert.equal(obj(address["domain"])["id"], "acme-eu.example.com", "the domain as the org spells it");
    assert.equal(obj(address["route"])["pattern"], "sales");
  });
});

test("every org has system prompts, listed and read by id", async () => {
  await withEmulator({ seed: "empty" }, async (emu) => {
    for (const name of ["source", "target"]) {
      const o = org(emu, name);
      const token = await grant(o);
      const prompts = entitiesOf(await call(o, token, "GET", "/api/v2/architect/systemprompts?pageSize=100"));
      assert.ok(
        prompts.some((p) => p["name"] === "on_hold_music"),
        `${name} has on_hold_music (the flow shells' hold prompt)`,
      );
      const one = await call(o, token, "GET", "/api/v2/architect/systemprompts/on_hold_music");
      assert.equal(one.status, 200);
      assert.equal(obj(one.body)["name"], "on_hold_music");
      assert.equal((await call(o, token, "GET", "/api/v2/architect/systemprompts/no_such_prompt")).status, 404);
    }
  });
});
