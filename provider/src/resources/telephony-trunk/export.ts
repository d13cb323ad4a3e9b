import { divisionRef } from "../auth-division/export";
import { slug } from "../../importer/naming";
import { canonical, Code, type ExporterSpec, type Value } from "../../importer/types";
import { trunksApi } from "./api";
import { PASSWORD, SIP_SERVERS, USERNAME } from "./schema";

/**
 * External trunks (BYOC carriers). Properties set on the source are written as they are, except the
 * SIP servers (their own argument, mapped per region) and the digest credentials, which are never
 * exported: the code reads them from secret stack config that the user sets per target stack.
 */
export const exporter: ExporterSpec = {
  key: "trunks",
  variablePrefix: "trunk",
  file: "telephony-trunks.ts",
  title: "trunks",
  async list(c) {
    // Properties come from each trunk's own read where the listing leaves them out (as Terraform's exporter reads them).
    const [trunks, sites] = await Promise.all([trunksApi.listWithProperties(c), trunksApi.sites(c)]);
    const siteName = new Map(sites.map((s) => [s.id, s.name]));
    return Promise.all(
      trunks
        .filter((t) => t.trunkType === "EXTERNAL")
        .map(async (t) => {
          const properties: Record<string, Value | undefined> = {};
          for (const k of Object.keys(t.properties ?? {}).sort()) {
            if (k === SIP_SERVERS || k === USERNAME || k === PASSWORD) continue;
            const value = t.properties![k]!.value;
            if (
              value?.instance !== undefined &&
              value.instance !== null &&
              JSON.stringify(value.instance) !== JSON.stringify(value.default)
            ) {
              properties[k] = canonical(value.instance);
            }
          }
          const key = slug(t.name);
          const hasCredentials = Boolean(t.properties?.[USERNAME]?.value?.instance);
          return {
            id: t.id,
            name: t.name,
            args: {
              name: t.name,
              description: t.description || undefined,
              division: await divisionRef(c, t.division?.id),
              trunkMetabaseId: t.trunkMetabase.id,
              trunkType: t.trunkType,
              inboundSite: t.inboundSite ? (siteName.get(t.inboundSite.id) ?? t.inboundSite.id) : undefined,
              site: t.site ? (siteName.get(t.site.id) ?? t.site.id) : undefined,
              managed: t.managed ? true : undefined,
              sipServers: canonical(t.properties?.[SIP_SERVERS]?.value?.instance),
              properties: Object.keys(properties).length ? properties : undefined,
              credentials: hasCredentials ? new Code(`gc.trunkCredentials(${JSON.stringify(key)})`) : undefined,
              waitForConnection: { timeoutSeconds: 120 },
            },
            secretConfig: hasCredentials
              ? [`genesys-clone:trunk.${key}.username`, `genesys-clone:trunk.${key}.password`]
              : [],
          };
        }),
    );
  },
};
