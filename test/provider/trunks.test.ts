import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { emulatorControl, type RunningEmulator } from "@genesys-clone/emulator";
import { GenesysClient } from "@genesys-clone/provider/dist/client";
import { impl } from "@genesys-clone/provider/dist/process";
import { startTarget } from "./target";
import { trunksApi } from "@genesys-clone/provider/dist/resources/telephony-trunk/api";

// Trunks (BYOC trunk base settings) through the provider implementation, against the emulated target org,
// with the emulator's defaults: internal properties on reads without ignoreHidden=true.
let emu: RunningEmulator;
const trunks = () => impl("genesyscloud:telephony:Trunk");
const BYOC = "external_sip_pcv_byoc_carrier.json";

const settings = (org: string, body: unknown) =>
  fetch(`${emu.url}/__emulator/orgs/${org}/settings`, {
    method: "PUT",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });

before(async () => {
  ({ emu } = await startTarget());
});
after(async () => emu.close());

test("the trunk instance of a base is found by `trunkBase.id` when several bases have trunks", async () => {
  const source = emu.orgs.find((o) => o.name === "source")!;
  const c = new GenesysClient({
    apiBaseUrl: source.apiBaseUrl,
    loginBaseUrl: source.loginBaseUrl,
    clientId: source.clientId,
    clientSecret: source.clientSecret,
  });
  const bases = await trunksApi.list(c);
  assert.equal(bases.length, 2);
  for (const base of bases) {
    const instances = await trunksApi.instances(c, base.id);
    assert.deepEqual(
      instances.map((t) => t.trunkBase?.id),
      [base.id],
      base.name,
    );
  }
});

test("trunk: site and managed are declared, read back and kept; updates read with ignoreHidden=true; delete retries the API's 400s", async () => {
  const args = {
    name: "EU Carrier",
    trunkMetabaseId: BYOC,
    inboundSite: "EU West Site",
    site: "EU West Site",
    managed: false,
    sipServers: ["sip1.eu.example.net:5061"],
    properties: { trunk_sip_termination_uri: "acme-eu.byoc.example.net" },
  };
  assert.deepEqual((await trunks().check({}, args)).failures, []);
  const created = await trunks().create(args);
  assert.equal(created.outs.site, "EU West Site");
  assert.equal(created.outs.managed, false);
  assert.deepEqual(
    (await trunks().read(created.id, created.outs)).props,
    created.outs,
    "site and managed read back unchanged",
  );

  // an update reads the trunk first: with the internal properties in that read, the PUT would be refused
  const changed = { ...args, description: "now with a description" };
  assert.deepEqual(await trunks().diff(created.id, created.outs, changed), { changes: true, replaces: [] });
  const updated = await trunks().update(created.id, created.outs, changed);
  assert.equal(updated.outs!.description, "now with a description");

  await settings("target", { trunkBaseDeleteFailures: 1 });
  await trunks().delete(created.id, updated.outs!);
  assert.equal(await trunksApi.get(trunksClient(), created.id), undefined, "deleted after the API's 400");
});

test("trunk: a SIP termination URI another trunk of the target uses fails check with the transforms fix", async () => {
  const first = await trunks().create({
    name: "EU Primary",
    trunkMetabaseId: BYOC,
    inboundSite: "EU West Site",
    properties: { trunk_sip_termination_uri: "taken.byoc.example.net" },
  });
  const res = await trunks().check(
    {},
    {
      name: "EU Secondary",
      trunkMetabaseId: BYOC,
      inboundSite: "EU West Site",
      properties: { trunk_sip_termination_uri: "taken.byoc.example.net" },
    },
  );
  assert.equal(res.failures?.length, 1, JSON.stringify(res.failures));
  assert.equal(res.failures![0]!.property, "properties");
  assert.match(
    res.failures![0]!.reason,
    /^Trunk 'EU Secondary': the SIP termination URI 'taken\.byoc\.example\.net' is already used by trunk 'EU Primary' in the target org, and it must be unique within a region: map it to a new one in the transforms file \(sipTerminationUris: \{ "taken\.byoc\.example\.net": <new URI> \}\)\.$/,
  );
  await trunks().delete(first.id, first.outs);
});

test("trunk: the check of an unchanged trunk makes no API call (a no-change preview); a changed one checks the target", async () => {
  const args = {
    name: "EU Unchanged",
    trunkMetabaseId: BYOC,
    inboundSite: "EU West Site",
    properties: { trunk_sip_termination_uri: "unchanged.byoc.example.net" },
  };
  const before = await targetRequests();
  assert.deepEqual((await trunks().check(args, { ...args })).failures, []);
  assert.equal(await targetRequests(), before, "no request for an unchanged trunk");
  // The same trunk with a site the target lacks: checked, because it changed.
  const res = await trunks().check(args, { ...args, inboundSite: "No Such Site" });
  assert.ok((await targetRequests()) > before, "a changed trunk is checked against the target");
  assert.equal(res.failures?.[0]?.property, "inboundSite", JSON.stringify(res.failures));
});

async function targetRequests(): Promise<number> {
  return (await emulatorControl(emu).stats("target")).total;
}

function trunksClient(): GenesysClient {
  const target = emu.orgs.find((o) => o.name === "target")!;
  return new GenesysClient({
    apiBaseUrl: target.apiBaseUrl,
    loginBaseUrl: target.loginBaseUrl,
    clientId: target.clientId,
    clientSecret: target.clientSecret,
  });
}

test("trunk: a version mismatch on update (409, or 400 'does not match the current version') re-reads and retries once", async () => {
  const faults = (rules: unknown[]) =>
    fetch(`${emu.url}/__emulator/faults`, {
      method: "PUT",
      body: JSON.stringify(rules),
      headers: { "Content-Type": "application/json" },
    });
  const args = {
    name: "Versioned Carrier",
    trunkMetabaseId: BYOC,
    inboundSite: "EU West Site",
    properties: { trunk_sip_termination_uri: "versioned.byoc.example.net" },
  };
  const created = await trunks().create(args);
  const path = "^/api/v2/telephony/providers/edges/trunkbasesettings/";
  try {
    for (const [i, rule] of [
      { status: 409 },
      { status: 400, message: "The version 2 does not match the current version 3." },
    ].entries()) {
      await faults([{ org: "target", method: "PUT", path, times: 1, ...rule }]);
      const updated = await trunks().update(created.id, created.outs, { ...args, description: `edit ${i}` });
      assert.equal(updated.outs!.description, `edit ${i}`, `HTTP ${rule.status}: retried with the current version`);
    }
    // two mismatches in a row are a real concurrent edit: reported
    await faults([{ org: "target", method: "PUT", path, status: 409, times: 2 }]);
    await assert.rejects(trunks().update(created.id, created.outs, { ...args, description: "edit 2" }), /409/);
  } finally {
    await faults([]);
    await trunks().delete(created.id, created.outs);
  }
});
