import assert from "node:assert/strict";
import { test } from "node:test";
import { org, withEmulator } from "./helpers";
// The official SDK, loaded the way its README shows (a CommonJS require), typed by its own index.d.ts.
import platformClient = require("purecloud-platform-client-v2");
import { useOrg } from "./sdk-gateway";

test("official JS SDK: DID pools, IVRs (create, versioned PUT, list by DID, delete), DIDs in use", async () => {
  await withEmulator({}, async (emu) => {
    const target = org(emu, "target");
    useOrg(emu, target);
    await platformClient.ApiClient.instance.loginClientCredentialsGrant(target.clientId, target.clientSecret);
    const telephony = new platformClient.TelephonyProvidersEdgeApi();
    const pools = await telephony.getTelephonyProvidersEdgesDidpools({ pageSize: 100 });
    assert.deepEqual(
      pools.entities?.map((p) => [p.startPhoneNumber, p.endPhoneNumber]),
      [["+35315550100", "+35315550199"]],
    );
    const pool = await telephony.getTelephonyProvidersEdgesDidpool(pools.entities?.[0]?.id ?? "");
    assert.equal(pool.provider, "PURE_CLOUD_VOICE");

    const architect = new platformClient.ArchitectApi();
    const created = await architect.postArchitectIvrs({ name: "SDK Line", dnis: ["+35315550100"] });
    assert.ok(created.id);
    assert.equal(created.version, 1);
    assert.equal(created.division?.name, "Home");
    const put = await architect.putArchitectIvr(created.id, {
      name: "SDK Line",
      version: created.version,
      dnis: ["+35315550100", "+35315550101"],
      description: "two numbers",
    });
    assert.equal(put.version, 2);
    const byDid = await architect.getArchitectIvrs({ dnis: "+35315550101" });
    assert.deepEqual(
      byDid.entities?.map((x) => x.name),
      ["SDK Line"],
    );
    const dids = await telephony.getTelephonyProvidersEdgesDids({ ownerId: created.id });
    assert.deepEqual(
      dids.entities?.map((d) => [d.phoneNumber, d.ownerType, d.owner?.id]),
      [
        ["+35315550100", "IVR", created.id],
        ["+35315550101", "IVR", created.id],
      ],
    );
    await architect.deleteArchitectIvr(created.id);
    assert.equal((await architect.getArchitectIvr(created.id)).state, "deleted");
  });
});
