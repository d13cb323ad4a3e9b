import { z } from "zod";
import type { GenesysClient } from "../../client";
import type { Models, SdkRead } from "../../sdk";

/**
 * Integrations and their data actions: what a flow's Call Data Action names (its category, which the Genesys UI
 * sets to the integration's name, and the action's name). They hold credentials no API returns, so genesys-clone
 * never creates them: flows look them up by name in the target. Not a resource folder of the registry for that
 * reason; only the two listings lookups need.
 */
export const IntegrationWire = z.object({
  id: z.string(),
  name: z.string(),
  intendedState: z.string().nullish(),
});
type _IntegrationWire = SdkRead<Models.Integration, z.infer<typeof IntegrationWire>>;

export const DataActionWire = z.object({
  id: z.string(),
  name: z.string(),
  integrationId: z.string().nullish(),
  category: z.string().nullish(),
});
type _DataActionWire = SdkRead<Models.Action, z.infer<typeof DataActionWire>>;

export const integrationsApi = {
  /** `GET /api/v2/integrations` (100 a page, as the Terraform provider lists them). */
  integrations: (c: GenesysClient) => c.listAll("/api/v2/integrations", IntegrationWire, { pageSize: 100 }),
  /** `GET /api/v2/integrations/actions`: the published data actions (100 a page, as Terraform). */
  actions: (c: GenesysClient) => c.listAll("/api/v2/integrations/actions", DataActionWire, { pageSize: 100 }),

  /**
   * What a Call Data Action's category can name: every integration's name and every data action's category (the
   * UI sets it to the integration's name, but the API lets it differ). Deleted integrations do not count.
   */
  async categories(c: GenesysClient): Promise<{ id: string; name: string }[]> {
    const [integrations, actions] = await Promise.all([integrationsApi.integrations(c), integrationsApi.actions(c)]);
    const live = integrations.filter((i) => i.intendedState !== "DELETED");
    const names = new Map(live.map((i) => [i.name.toLowerCase(), { id: i.id, name: i.name }]));
    for (const a of actions)
      if (a.category && !names.has(a.category.toLowerCase()))
        names.set(a.category.toLowerCase(), { id: a.integrationId ?? a.id, name: a.category });
    return [...names.values()];
  },
};
