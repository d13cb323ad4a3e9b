import assert from "node:assert/strict";
import { test } from "node:test";
import { emulatorControl } from "@genesys-clone/emulator";
import { org, withEmulator } from "./helpers";
// The official SDK, loaded the way its README shows (a CommonJS require), typed by its own index.d.ts.
import platformClient = require("purecloud-platform-client-v2");
import { useOrg } from "./sdk-gateway";

test("official JS SDK: integrations and data actions (list, filter by category and name, get), read-only", async () => {
  await withEmulator({}, async (emu) => {
    const target = org(emu, "target");
    useOrg(emu, target);
    await platformClient.ApiClient.instance.loginClientCredentialsGrant(target.clientId, target.clientSecret);
    const api = new platformClient.IntegrationsApi();
    const integrations = await api.getIntegrations({ pageSize: 100, pageNumber: 1 });
    assert.deepEqual(
      integrations.entities?.map((i) => [i.name, i.integrationType?.id, i.intendedState]),
      [["Acme CRM", "custom-rest-actions", "ENABLED"]],
    );
    const crm = integrations.entities?.[0]?.id ?? "";
    assert.equal((await api.getIntegration(crm)).name, "Acme CRM");

    // An admin installs another integration in the target (the control API stands in for the admin UI).
    await emulatorControl(emu).addIntegration("target", {
      name: "Billing Service",
      actions: [{ name: "Get Balance" }, { name: "Get Invoice", category: "Billing" }],
    });
    const actions = await api.getIntegrationsActions({ pageSize: 100, pageNumber: 1 });
    assert.deepEqual(
      actions.entities?.map((a) => [a.name, a.category, a.integrationId === crm]),
      [
        ["Get Account Status", "Acme CRM", true],
        ["Get Balance", "Billing Service", false],
        ["Get Invoice", "Billing", false],
      ],
    );
    const billing = await api.getIntegrationsActions({ category: "billing" });
    assert.deepEqual(
      billing.entities?.map((a) => a.name),
      ["Get Invoice"],
    );
    const byName = await api.getIntegrationsActions({ name: "Get Account Status" });
    assert.equal(byName.entities?.length, 1);
    const one = await api.getIntegrationsAction(byName.entities?.[0]?.id ?? "");
    assert.equal(one.category, "Acme CRM");
    assert.equal(one.secure, false);
    // Paged as every listing: one per page, pageCount counts them.
    const page = await api.getIntegrationsActions({ pageSize: 1, pageNumber: 2 });
    assert.deepEqual([page.pageCount, page.entities?.map((a) => a.name)], [3, ["Get Balance"]]);
  });
});
