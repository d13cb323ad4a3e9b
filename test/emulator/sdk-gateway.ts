import type { OrgInfo, RunningEmulator } from "@genesys-clone/emulator";
// The official SDK, loaded the way its README shows (a CommonJS require), typed by its own index.d.ts.
import platformClient = require("purecloud-platform-client-v2");

/** Points the official SDK's singleton client at one emulated org through its gateway setting. */
export function useOrg(emu: RunningEmulator, o: OrgInfo): void {
  const u = new URL(emu.url);
  platformClient.ApiClient.instance.setGateway({
    host: u.hostname,
    protocol: "http",
    port: Number(u.port),
    path_params_login: `orgs/${o.name}/login`,
    path_params_api: `orgs/${o.name}/api`,
  });
}
