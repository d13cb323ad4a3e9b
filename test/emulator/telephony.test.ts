import assert from "node:assert/strict";
import { test } from "node:test";
import type { OrgInfo } from "@genesys-clone/emulator";
import {
  arr,
  call,
  control,
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

const EDGES = "/api/v2/telephony/providers/edges";
const SITES = `${EDGES}/sites`;
const TRUNKBASES = `${EDGES}/trunkbasesettings`;
const TRUNKS = `${EDGES}/trunks`;
const BYOC = "external_sip_pcv_byoc_carrier.json";
const PASSWORD = "trunk_sip_authentication_credentials_password";
const MASK = "********";
const HIDDEN = "trunk_internal_routingCache";

const BYOC_KEYS = [
  "trunk_type",
  "trunk_label",
  "trunk_enabled",
  "trunk_transport_serverProxyList",
  "trunk_transport_protocolVariant",
  "trunk_access_acl_allowList",
  "trunk_protocol",
  "trunk_sip_termination_uri",
  "trunk_sip_authentication_credentials_realm",
  "trunk_sip_authentication_credentials_username",
  PASSWORD,
  "trunk_outboundIdentity_callingName",
  "trunk_outboundIdentity_callingAddress",
  "trunk_media_codec",
  "trunk_max_dial_timeout",
  "trunk_recording_enabled",
  "trunk_language",
];

function instance(value: unknown): Json {
  return { value: { instance: value } };
}

/** A BYOC carrier trunk base request; `props` are property instances. */
function byoc(name: string, siteId: string, props: Record<string, unknown> = {}): Json {
  return {
    name,
    trunkMetabase: { id: BYOC },
    trunkType: "EXTERNAL",
    inboundSite: { id: siteId },
    properties: Object.fromEntries(Object.entries({ trunk_label: name, ...props }).map(([k, v]) => [k, instance(v)])),
  };
}

const CONNECTABLE = {
  trunk_transport_serverProxyList: ["sip1.example.net:5061"],
  trunk_transport_protocolVariant: "tls",
  trunk_sip_authentication_credentials_realm: "example.net",
  trunk_sip_authentication_credentials_username: "acme",
  [PASSWORD]: "s3cret-Pa55",
};

function prop(tb: Json, key: string): Json {
  return obj(obj(obj(tb["properties"])[key])["value"]);
}

async function siteId(o: OrgInfo, token: string): Promise<string> {
  return String(entitiesOf(await call(o, token, "GET", SITES))[0]!["id"]);
}

test("sites: one seeded site per org, read-only", async () => {
  await withSource({}, async (emu, source, token) => {
    const sites = entitiesOf(await call(source, token, "GET", `${SITES}?pageSize=100`));
    assert.deepEqual(
      sites.map((s) => s["name"]),
      ["US East Site"],
    );
    const s = sites[0]!;
    assert.match(String(s["id"]), UUID_RE);
    assert.equal(s["selfUri"], `${SITES}/${String(s["id"])}`);
    assert.deepEqual((await call(source, token, "GET", `${SITES}/${String(s["id"])}`)).body, s);
    assert.equal(entitiesOf(await call(source, token, "GET", `${SITES}?name=US`)).length, 1);
    assert.equal(entitiesOf(await call(source, token, "GET", `${SITES}?name=EU`)).length, 0);
    assert.equal((await call(source, token, "GET", `${SITES}/00000000-0000-4000-8000-000000000000`)).status, 404);
    assert.equal((await call(source, token, "POST", SITES, { name: "New" })).status, 404);
    const target = org(emu, "target");
    assert.deepEqual(
      entitiesOf(await call(target, await grant(target), "GET", SITES)).map((x) => x["name"]),
      ["EU West Site"],
    );
    await control(emu, "POST", "/reset", { seed: "empty" });
    const t = await grant(source);
    assert.deepEqual(
      entitiesOf(await call(source, t, "GET", SITES)).map((x) => x["name"]),
      ["US East Site"],
    );
  });
});

test("metabases and the BYOC template", async () => {
  await withSource({}, async (_emu, source, token) => {
    const external = entitiesOf(await call(source, token, "GET", `${TRUNKBASES}/availablemetabases?type=EXTERNAL`));
    assert.ok(
      external.some((m) => m["id"] === BYOC && m["name"] === "Generic BYOC Carrier" && m["type"] === "EXTERNAL"),
    );
    assert.ok(external.some((m) => m["id"] === "external_sip.json" && m["name"] === "Generic SIP"));
    assert.deepEqual(entitiesOf(await call(source, token, "GET", `${TRUNKBASES}/availablemetabases?type=PHONE`)), []);
    assert.equal((await call(source, token, "GET", `${TRUNKBASES}/availablemetabases?type=FAX`)).status, 400);

    const t = obj((await call(source, token, "GET", `${TRUNKBASES}/template?trunkMetabaseId=${BYOC}`)).body);
    assert.deepEqual(t["trunkMetabase"], { id: BYOC, name: "Generic BYOC Carrier" });
    assert.equal(t["trunkType"], "EXTERNAL");
    const props = obj(t["properties"]);
    for (const k of BYOC_KEYS) {
      const p = obj(props[k]);
      assert.ok(typeof p["type"] === "string", k);
      const v = obj(p["value"]);
      assert.ok("default" in v && "instance" in v, k);
      assert.deepEqual(v["instance"], v["default"], k);
    }
    assert.equal(obj(props["trunk_transport_serverProxyList"])["type"], "array");
    assert.equal(obj(props["trunk_transport_serverProxyList"])["required"], true);
    assert.deepEqual(prop(t, "trunk_type"), {
      default: "external.pcv.byoc.carrier",
      instance: "external.pcv.byoc.carrier",
    });
    assert.deepEqual(obj(props["trunk_transport_protocolVariant"])["enum"], ["udp", "tcp", "tls"]);

    assert.equal((await call(source, token, "GET", `${TRUNKBASES}/template`)).status, 400);
    assert.equal(
      errorOf(await call(source, token, "GET", `${TRUNKBASES}/template?trunkMetabaseId=nope.json`))["code"],
      "invalid.query.param.value",
    );
  });
});

test("trunk base settings: create, read, versioned PUT, soft delete", async () => {
  await withSource({}, async (_emu, source, token) => {
    const site = await siteId(source, token);
    const created = await call(
      source,
      token,
      "POST",
      TRUNKBASES,
      byoc("EU Carrier", site, { trunk_transport_serverProxyList: ["sip.eu.example.net"] }),
    );
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const tb = obj(created.body);
    const id = String(tb["id"]);
    assert.match(id, UUID_RE);
    assert.equal(tb["version"], 1);
    assert.equal(tb["state"], "active");
    assert.equal(tb["managed"], false);
    assert.equal(obj(tb["division"])["name"], "Home");
    assert.deepEqual(tb["trunkMetabase"], { id: BYOC, name: "Generic BYOC Carrier" });
    assert.deepEqual(tb["inboundSite"], { id: site, name: "US East Site", selfUri: `${SITES}/${site}` });
    // no site sent: the API prepopulates one (Terraform's site_id is Computed); the emulator takes the inbound site
    assert.deepEqual(tb["site"], tb["inboundSite"]);
    // the server fills value.default from the template; unset properties read as their default
    assert.deepEqual(prop(tb, "trunk_label"), { default: "Generic BYOC Carrier", instance: "EU Carrier" });
    assert.deepEqual(prop(tb, "trunk_transport_serverProxyList"), { default: [], instance: ["sip.eu.example.net"] });
    assert.deepEqual(prop(tb, "trunk_enabled"), { default: true, instance: true });
    assert.deepEqual(prop(tb, PASSWORD), { default: "", instance: "" });
    assert.deepEqual((await call(source, token, "GET", `${TRUNKBASES}/${id}?ignoreHidden=true`)).body, tb);

    // listings: properties only with expand=properties
    const listed = entitiesOf(await call(source, token, "GET", `${TRUNKBASES}?pageSize=100&name=EU`));
    assert.deepEqual(
      listed.map((x) => x["id"]),
      [id],
    );
    assert.equal(listed[0]!["properties"], undefined);
    assert.deepEqual(
      entitiesOf(await call(source, token, "GET", `${TRUNKBASES}?name=EU&expand=properties&ignoreHidden=true`))[0],
      tb,
    );
    assert.equal(
      errorOf(await call(source, token, "GET", `${TRUNKBASES}?pageSize=101`))["code"],
      "invalid.query.param.value",
    );

    // PUT needs the current version
    const noVersion = await call(source, token, "PUT", `${TRUNKBASES}/${id}`, { ...tb, version: undefined });
    assert.equal(noVersion.status, 400);
    assert.match(String(errorOf(noVersion)["message"]), /version/);
    const stale = await call(source, token, "PUT", `${TRUNKBASES}/${id}`, { ...tb, version: 5 });
    assert.equal(stale.status, 409);
    assert.equal(errorOf(stale)["message"], "Version does not match current version.");
    const put = await call(source, token, "PUT", `${TRUNKBASES}/${id}`, {
      ...tb,
      name: "EU Carrier 2",
      description: "renamed",
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const p = obj(put.body);
    assert.equal(p["version"], 2);
    assert.equal(p["name"], "EU Carrier 2");
    assert.deepEqual(prop(p, "trunk_transport_serverProxyList"), { default: [], instance: ["sip.eu.example.net"] });
    // PUT is a full replace: properties left out fall back to their defaults
    const bare = obj((await call(source, token, "PUT", `${TRUNKBASES}/${id}`, { ...p, properties: {} })).body);
    assert.deepEqual(prop(bare, "trunk_transport_serverProxyList"), { default: [], instance: [] });

    // soft delete
    assert.equal((await call(source, token, "DELETE", `${TRUNKBASES}/${id}`)).status, 204);
    const gone = obj((await call(source, token, "GET", `${TRUNKBASES}/${id}`)).body);
    assert.equal(gone["state"], "deleted");
    assert.equal(entitiesOf(await call(source, token, "GET", `${TRUNKBASES}?name=EU`)).length, 0);
    assert.equal((await call(source, token, "PUT", `${TRUNKBASES}/${id}`, { ...bare })).status, 404);
    assert.equal((await call(source, token, "DELETE", `${TRUNKBASES}/${id}`)).status, 404);
    // the name is free again
    assert.equal((await call(source, token, "POST", TRUNKBASES, byoc("EU Carrier 2", site))).status, 200);
  });
});

interface RejectCase {
  name: string;
  body: (site: string) => unknown;
  status: number;
  message: RegExp;
}

const REJECT_CASES: RejectCase[] = [
  {
    name: "BYOC without inboundSite",
    body: (s) => ({ ...byoc("X", s), inboundSite: undefined }),
    status: 400,
    message: /inboundSite is required for the BYOC metabase external_sip_pcv_byoc_carrier\.json/,
  },
  {
    name: "inboundSite on a non-BYOC metabase",
    body: (s) => ({ ...byoc("X", s), trunkMetabase: { id: "external_sip.json" } }),
    status: 400,
    message: /inboundSite is only allowed for external_sip_pcv_byoc\* metabases/,
  },
  {
    name: "unknown inboundSite",
    body: () => byoc("X", "00000000-0000-4000-8000-000000000000"),
    status: 400,
    message: /Site 00000000-0000-4000-8000-000000000000 in inboundSite does not exist/,
  },
  {
    name: "unknown property name",
    body: (s) => ({ ...byoc("X", s), properties: { trunk_colour: instance("blue") } }),
    status: 400,
    message: /Unknown property trunk_colour/,
  },
  {
    name: "property of the wrong type",
    body: (s) => byoc("X", s, { trunk_enabled: "yes" }),
    status: 400,
    message: /properties\.trunk_enabled\.value\.instance must be of type boolean/,
  },
  {
    name: "property outside its enum",
    body: (s) => byoc("X", s, { trunk_transport_protocolVariant: "sctp" }),
    status: 400,
    message: /Value \[sctp\] is not valid for properties\.trunk_transport_protocolVariant/,
  },
  {
    name: "unknown metabase",
    body: (s) => ({ ...byoc("X", s), trunkMetabase: { id: "nope.json" } }),
    status: 400,
    message: /Unknown trunk metabase nope\.json/,
  },
  {
    name: "trunkType not the metabase's",
    body: (s) => ({ ...byoc("X", s), trunkType: "PHONE" }),
    status: 400,
    message: /trunkType PHONE does not match/,
  },
  {
    name: "trunkType outside the enum",
    body: (s) => ({ ...byoc("X", s), trunkType: "SIP" }),
    status: 400,
    message: /^Value \[SIP\] is not valid for field type \[trunkType\]/,
  },
  {
    name: "missing trunkMetabase",
    body: (s) => ({ ...byoc("X", s), trunkMetabase: undefined }),
    status: 400,
    message: /trunkMetabase/,
  },
  { name: "missing name", body: (s) => ({ ...byoc("X", s), name: undefined }), status: 400, message: /'name'/ },
  {
    name: "duplicate name (case-insensitive)",
    body: (s) => byoc("us carrier primary", s),
    status: 409,
    message: /^A trunk base settings with name 'us carrier primary' already exists$/,
  },
];

test("trunk base settings: table of rejected creates (nothing stored)", async () => {
  await withSource({}, async (emu, source, token) => {
    const site = await siteId(source, token);
    const before = (await control(emu, "GET", "/state?org=source")).body;
    for (const c of REJECT_CASES) {
      const r = await call(source, token, "POST", TRUNKBASES, c.body(site));
      assert.equal(r.status, c.status, c.name);
      assert.match(String(errorOf(r)["message"]), c.message, c.name);
    }
    assert.deepEqual((await control(emu, "GET", "/state?org=source")).body, before);
    // a non-BYOC trunk without inboundSite is fine and gets no trunk instance
    const sip = await call(source, token, "POST", TRUNKBASES, {
      ...byoc("Generic", site),
      trunkMetabase: { id: "external_sip.json" },
      inboundSite: undefined,
    });
    assert.equal(sip.status, 200, JSON.stringify(sip.body));
  });
});

test("password masking: reads show ********, a PUT of the mask keeps the password; knob trunkPasswordMasked", async () => {
  await withSource({}, async (emu, source, token) => {
    const site = await siteId(source, token);
    const tb = obj((await call(source, token, "POST", TRUNKBASES, byoc("Masked", site, CONNECTABLE))).body);
    const id = String(tb["id"]);
    assert.equal(prop(tb, PASSWORD)["instance"], MASK);
    assert.equal(prop(obj((await call(source, token, "GET", `${TRUNKBASES}/${id}`)).body), PASSWORD)["instance"], MASK);
    assert.equal(
      prop(entitiesOf(await call(source, token, "GET", `${TRUNKBASES}?name=Masked&expand=properties`))[0]!, PASSWORD)[
        "instance"
      ],
      MASK,
    );

    // GET-then-PUT sends the mask back: the stored password stays (the knob off shows it)
    const put = obj((await call(source, token, "PUT", `${TRUNKBASES}/${id}`, { ...tb, description: "touched" })).body);
    assert.equal(prop(put, PASSWORD)["instance"], MASK);
    await control(emu, "PUT", "/orgs/source/settings", { trunkPasswordMasked: false });
    const clear = obj((await call(source, token, "GET", `${TRUNKBASES}/${id}?ignoreHidden=true`)).body);
    assert.equal(prop(clear, PASSWORD)["instance"], "s3cret-Pa55");

    // a new password replaces it
    const changed = obj(
      (
        await call(source, token, "PUT", `${TRUNKBASES}/${id}`, {
          ...clear,
          properties: { ...obj(clear["properties"]), [PASSWORD]: instance("n3w") },
        })
      ).body,
    );
    assert.equal(prop(changed, PASSWORD)["instance"], "n3w");

    // the state dump always masks, and says whether a password is stored
    await control(emu, "PUT", "/orgs/source/settings", { trunkPasswordMasked: true });
    const dumped = arr(obj((await control(emu, "GET", "/state?org=source")).body)["trunkbasesettings"]);
    const masked = dumped.find((x) => x["id"] === id)!;
    assert.equal(prop(masked, PASSWORD)["instance"], MASK);
    assert.equal(masked["passwordSet"], true);
    assert.ok(!JSON.stringify(dumped).includes("n3w"));
  });
});

test("trunk instances: appear trunkInstanceDelayMs after create; connected only with SIP servers and credentials", async () => {
  const clock = new ManualClock();
  await withSource({ clock }, async (_emu, source, token) => {
    const site = await siteId(source, token);
    const tb = obj(
      (
        await call(
          source,
          token,
          "POST",
          TRUNKBASES,
          byoc("Lab Carrier", site, { trunk_transport_serverProxyList: ["sip.lab.example.net:5061"] }),
        )
      ).body,
    );
    const id = String(tb["id"]);
    const trunksOf = async (): Promise<Json[]> =>
      entitiesOf(await call(source, token, "GET", `${TRUNKS}?trunkBase.id=${id}`));
    assert.deepEqual(await trunksOf(), []);
    clock.ms += 199;
    assert.deepEqual(await trunksOf(), []);
    clock.ms += 1;
    const [trunk] = await trunksOf();
    assert.ok(trunk);
    const trunkId = String(trunk["id"]);
    assert.equal(trunk["name"], "Lab Carrier - US East Site");
    assert.equal(trunk["state"], "active");
    assert.equal(trunk["trunkType"], "EXTERNAL");
    assert.deepEqual(trunk["trunkBase"], { id, name: "Lab Carrier", selfUri: `${TRUNKBASES}/${id}` });
    assert.equal(obj(trunk["trunkMetabase"])["id"], BYOC);
    assert.equal(trunk["inService"], true);
    assert.deepEqual(trunk["proxyAddressList"], ["sip.lab.example.net:5061"]);
    assert.equal(obj(trunk["connectedStatus"])["connected"], false, "no credentials yet");
    assert.deepEqual((await call(source, token, "GET", `${TRUNKS}/${trunkId}`)).body, trunk);
    assert.deepEqual(
      entitiesOf(await call(source, token, "GET", `${TRUNKS}?trunkBase.id=${id}&trunkType=EXTERNAL`)).map(
        (t) => t["id"],
      ),
      [trunkId],
    );
    assert.deepEqual(entitiesOf(await call(source, token, "GET", `${TRUNKS}?trunkBase.id=${id}&trunkType=PHONE`)), []);
    // `trunkBaseId` is the SDK's option name, not the wire name: like any unknown parameter it is ignored (every trunk)
    assert.deepEqual(entitiesOf(await call(source, token, "GET", `${TRUNKS}?trunkBaseId=${id}`)).length, 3);

    const metrics = obj((await call(source, token, "GET", `${TRUNKS}/${trunkId}/metrics`)).body);
    assert.equal(obj(metrics["trunk"])["id"], trunkId);
    assert.deepEqual(metrics["calls"], { inboundCallCount: 0, outboundCallCount: 0 });
    assert.deepEqual(metrics["qos"], { mismatchCount: 0 });
    assert.equal(metrics["eventTime"], new Date(clock.ms).toISOString());

    // every PUT recomputes: credentials -> connected (state time moves); disabled -> not connected, not in service
    clock.ms += 1000;
    let current = obj((await call(source, token, "PUT", `${TRUNKBASES}/${id}`, byocPut(tb, 1, CONNECTABLE))).body);
    let t = obj((await call(source, token, "GET", `${TRUNKS}/${trunkId}`)).body);
    assert.deepEqual(t["connectedStatus"], { connected: true, connectedStateTime: new Date(clock.ms).toISOString() });
    assert.deepEqual(
      arr(t["optionsStatus"]).map((o) => [o["proxyAddress"], o["optionState"]]),
      [["sip1.example.net:5061", true]],
    );
    current = obj(
      (
        await call(
          source,
          token,
          "PUT",
          `${TRUNKBASES}/${id}`,
          byocPut(tb, Number(current["version"]), { ...CONNECTABLE, trunk_enabled: false }),
        )
      ).body,
    );
    t = obj((await call(source, token, "GET", `${TRUNKS}/${trunkId}`)).body);
    assert.equal(obj(t["connectedStatus"])["connected"], false);
    assert.equal(t["inService"], false);
    current = obj(
      (
        await call(
          source,
          token,
          "PUT",
          `${TRUNKBASES}/${id}`,
          byocPut(tb, Number(current["version"]), { ...CONNECTABLE, trunk_transport_serverProxyList: [] }),
        )
      ).body,
    );
    assert.equal(
      obj(obj((await call(source, token, "GET", `${TRUNKS}/${trunkId}`)).body)["connectedStatus"])["connected"],
      false,
      "no SIP servers",
    );
    await call(
      source,
      token,
      "PUT",
      `${TRUNKBASES}/${id}`,
      byocPut(tb, Number(current["version"]), { ...CONNECTABLE, [PASSWORD]: "" }),
    );
    assert.equal(
      obj(obj((await call(source, token, "GET", `${TRUNKS}/${trunkId}`)).body)["connectedStatus"])["connected"],
      false,
      "no password",
    );

    // deleting the trunk base removes its trunk
    assert.equal((await call(source, token, "DELETE", `${TRUNKBASES}/${id}`)).status, 204);
    assert.equal((await call(source, token, "GET", `${TRUNKS}/${trunkId}`)).status, 404);
    assert.deepEqual(await trunksOf(), []);
  });
});

/** A PUT body for the trunk base `tb` at `version` with these property instances. */
function byocPut(tb: Json, version: number, props: Record<string, unknown>): Json {
  return { ...byoc(String(tb["name"]), String(obj(tb["inboundSite"])["id"]), props), version };
}

test("seeded BYOC trunks: two connected carrier trunks at the US East Site, passwords never shown", async () => {
  await withSource({}, async (emu, source, token) => {
    const bases = entitiesOf(await call(source, token, "GET", `${TRUNKBASES}?expand=properties`));
    assert.deepEqual(
      bases.map((b) => b["name"]),
      ["US Carrier Backup", "US Carrier Primary"],
    );
    for (const b of bases) {
      assert.equal(obj(b["trunkMetabase"])["id"], BYOC);
      assert.equal(obj(b["inboundSite"])["name"], "US East Site");
      assert.equal(prop(b, "trunk_transport_protocolVariant")["instance"], "tls");
      assert.deepEqual(prop(b, "trunk_access_acl_allowList")["instance"], ["203.0.113.0/24"]);
      assert.equal(prop(b, PASSWORD)["instance"], MASK);
    }
    const primary = await idByName(source, token, TRUNKBASES, "US Carrier Primary");
    assert.deepEqual(
      prop(obj((await call(source, token, "GET", `${TRUNKBASES}/${primary}`)).body), "trunk_transport_serverProxyList")[
        "instance"
      ],
      ["sip1.carrier-us.example.com:5061", "sip2.carrier-us.example.com:5061"],
    );
    const trunks = entitiesOf(await call(source, token, "GET", TRUNKS));
    assert.deepEqual(
      trunks.map((t) => [t["name"], obj(t["connectedStatus"])["connected"]]),
      [
        ["US Carrier Backup - US East Site", true],
        ["US Carrier Primary - US East Site", true],
      ],
    );
    const dump = obj((await control(emu, "GET", "/state?org=source")).body);
    assert.deepEqual(
      arr(dump["trunkbasesettings"]).map((b) => b["passwordSet"]),
      [true, true],
    );
    assert.equal(arr(dump["trunks"]).length, 2);
    assert.deepEqual(
      arr(dump["sites"]).map((s) => s["name"]),
      ["US East Site"],
    );
    // the seed's passwords are random per process: the knob off shows them, and they differ
    await control(emu, "PUT", "/orgs/source/settings", { trunkPasswordMasked: false });
    const shown = entitiesOf(await call(source, token, "GET", `${TRUNKBASES}?expand=properties`)).map((b) =>
      String(prop(b, PASSWORD)["instance"]),
    );
    assert.equal(shown.length, 2);
    for (const p of shown) assert.ok(p.length >= 20 && p !== MASK, p);
    assert.notEqual(shown[0], shown[1]);
    const target = obj((await control(emu, "GET", "/state?org=target")).body);
    assert.deepEqual(target["trunkbasesettings"], []);
    assert.deepEqual(target["trunks"], []);
  });
});

test("a division holding a flow or trunk base settings is not empty (400), and deletable once they are gone", async () => {
  await withSource({}, async (_emu, source, token) => {
    const site = await siteId(source, token);
    const division = String(
      obj(
        (
          await call(source, token, "POST", "/api/v2/authorization/divisions", {
            name: "Voice Lab",
            description: "lab",
          })
        ).body,
      )["id"],
    );
    const flow = String(
      obj(
        (
          await call(source, token, "POST", "/api/v2/flows", {
            name: "Lab IVR",
            type: "inboundcall",
            division: { id: division },
          })
        ).body,
      )["id"],
    );
    const tb = String(
      obj(
        (await call(source, token, "POST", TRUNKBASES, { ...byoc("Lab Trunk", site), division: { id: division } }))
          .body,
      )["id"],
    );
    const r = await call(source, token, "DELETE", `/api/v2/authorization/divisions/${division}`);
    assert.equal(r.status, 400);
    assert.equal(errorOf(r)["message"], "Division Voice Lab is not empty: it contains 1 flow, 1 trunk base setting.");
    assert.equal((await call(source, token, "DELETE", `/api/v2/flows/${flow}`)).status, 204);
    assert.equal((await call(source, token, "DELETE", `${TRUNKBASES}/${tb}`)).status, 204);
    assert.equal((await call(source, token, "DELETE", `/api/v2/authorization/divisions/${division}`)).status, 204);
  });
});

test("trunk base settings: internal properties only without ignoreHidden=true, and never writable; managed stored; knob trunkHiddenProperties", async () => {
  await withSource({}, async (emu, source, token) => {
    const site = await siteId(source, token);
    const tb = obj((await call(source, token, "POST", TRUNKBASES, { ...byoc("Hidden", site), managed: true })).body);
    const id = String(tb["id"]);
    assert.equal(tb["managed"], true, "managed is stored as sent (Terraform sends it)");
    const plain = obj((await call(source, token, "GET", `${TRUNKBASES}/${id}`)).body);
    assert.ok(HIDDEN in obj(plain["properties"]), "a read without ignoreHidden shows internal properties");
    assert.ok(
      !(
        HIDDEN in
        obj(obj((await call(source, token, "GET", `${TRUNKBASES}/${id}?ignoreHidden=true`)).body)["properties"])
      ),
    );
    assert.ok(
      !(
        HIDDEN in
        obj(
          entitiesOf(
            await call(source, token, "GET", `${TRUNKBASES}?name=Hidden&expand=properties&ignoreHidden=true`),
          )[0]!["properties"],
        )
      ),
    );
    // sending the read back as it came: the internal property is refused
    const resent = await call(source, token, "PUT", `${TRUNKBASES}/${id}`, plain);
    assert.equal(resent.status, 400);
    assert.match(String(errorOf(resent)["message"]), new RegExp(`Property ${HIDDEN} is internal .*ignoreHidden=true`));
    const ok = await call(source, token, "PUT", `${TRUNKBASES}/${id}`, {
      ...obj((await call(source, token, "GET", `${TRUNKBASES}/${id}?ignoreHidden=true`)).body),
      managed: false,
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(obj(ok.body)["managed"], false);
    await control(emu, "PUT", "/orgs/source/settings", { trunkHiddenProperties: false });
    assert.ok(!(HIDDEN in obj(obj((await call(source, token, "GET", `${TRUNKBASES}/${id}`)).body)["properties"])));
  });
});

test("trunk base settings: knob trunkListingProperties false lists no properties even with expand (GET by id has them)", async () => {
  await withSource({}, async (emu, source, token) => {
    await control(emu, "PUT", "/orgs/source/settings", { trunkListingProperties: false });
    const listed = entitiesOf(await call(source, token, "GET", `${TRUNKBASES}?expand=properties&ignoreHidden=true`));
    assert.equal(listed.length, 2);
    assert.ok(listed.every((t) => t["properties"] === undefined));
    assert.ok(
      obj((await call(source, token, "GET", `${TRUNKBASES}/${String(listed[0]!["id"])}?ignoreHidden=true`)).body)[
        "properties"
      ],
    );
  });
});

test("trunk base settings: knob trunkBaseDeleteFailures answers 400 to the next DELETEs, then deletes", async () => {
  await withSource({}, async (emu, source, token) => {
    const site = await siteId(source, token);
    const id = String(obj((await call(source, token, "POST", TRUNKBASES, byoc("Busy", site))).body)["id"]);
    await control(emu, "PUT", "/orgs/source/settings", { trunkBaseDeleteFailures: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await call(source, token, "DELETE", `${TRUNKBASES}/${id}`);
      assert.equal(r.status, 400);
      assert.match(String(errorOf(r)["message"]), /Trunk base settings 'Busy' cannot be deleted yet/);
    }
    assert.equal((await call(source, token, "DELETE", `${TRUNKBASES}/${id}`)).status, 204);
    assert.equal(obj((await control(emu, "GET", "/orgs/source/settings")).body)["trunkBaseDeleteFailures"], 0);
  });
});

test("trunk base settings: a BYOC SIP termination URI is unique within a region (any org), free again once deleted; knob duplicateSipTerminationUri", async () => {
  await withEmulator({ seed: "sample" }, async (emu) => {
    const source = org(emu, "source");
    const target = org(emu, "target");
    const [st, tt] = [await grant(source), await grant(target)];
    const seeded = entitiesOf(await call(source, st, "GET", `${TRUNKBASES}?expand=properties&ignoreHidden=true`)).find(
      (t) => t["name"] === "US Carrier Primary",
    )!;
    const uri = String(prop(seeded, "trunk_sip_termination_uri")["instance"]);
    assert.ok(uri.length > 0);
    const site = await siteId(source, st);
    const clash = await call(
      source,
      st,
      "POST",
      TRUNKBASES,
      byoc("Second", site, { trunk_sip_termination_uri: uri.toUpperCase() }),
    );
    assert.equal(clash.status, 400);
    assert.equal(errorOf(clash)["code"], "invalid.value");
    assert.match(
      String(errorOf(clash)["message"]),
      /already used by trunk base settings 'US Carrier Primary' in this region \(properties\.trunk_sip_termination_uri\)/,
    );
    // another region (the target org is in eu-west-1) may use it
    const targetSite = String(entitiesOf(await call(target, tt, "GET", SITES))[0]!["id"]);
    assert.equal(
      (await call(target, tt, "POST", TRUNKBASES, byoc("Same URI", targetSite, { trunk_sip_termination_uri: uri })))
        .status,
      200,
    );
    // an update keeping its own URI is fine; deleting frees the URI
    const put = await call(source, st, "PUT", `${TRUNKBASES}/${String(seeded["id"])}`, {
      ...seeded,
      description: "kept",
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    await control(emu, "PUT", "/orgs/source/settings", {
      duplicateSipTerminationUri: { status: 409, code: "general.conflict" },
    });
    assert.equal(
      (await call(source, st, "POST", TRUNKBASES, byoc("Third", site, { trunk_sip_termination_uri: uri }))).status,
      409,
    );
    assert.equal((await call(source, st, "DELETE", `${TRUNKBASES}/${String(seeded["id"])}`)).status, 204);
    assert.equal(
      (await call(source, st, "POST", TRUNKBASES, byoc("Third", site, { trunk_sip_termination_uri: uri }))).status,
      200,
    );
  });
});
