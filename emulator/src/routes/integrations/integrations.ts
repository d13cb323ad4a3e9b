import type { DataActionRecord, IntegrationRecord } from "../../state/integrations/store";
import type { ApiRouter } from "../context";
import { param } from "../context";
import { queryValue } from "../http";
import type { Models, SdkResponse } from "../sdk";
import { pagedListing } from "../wire";

export const INTEGRATIONS_PATH = "/api/v2/integrations";
export const ACTIONS_PATH = "/api/v2/integrations/actions";
/** SDK `getIntegrations` / `getIntegrationsActions` page sizes; the Terraform provider lists both 100 a page. Max unverified. */
const MAX_PAGE_SIZE = 100;

export interface IntegrationWire {
  id: string;
  name: string;
  integrationType: { id: string; selfUri: string };
  intendedState: string;
  reportedState: { code: string };
  selfUri: string;
}
type _IntegrationWire = SdkResponse<Models.Integration, IntegrationWire>;

export function integrationToWire(i: IntegrationRecord): IntegrationWire {
  return {
    id: i.id,
    name: i.name,
    integrationType: { id: i.integrationType, selfUri: `/api/v2/integrations/types/${i.integrationType}` },
    intendedState: i.intendedState,
    reportedState: { code: i.intendedState === "ENABLED" ? "ACTIVE" : "INACTIVE" },
    selfUri: `${INTEGRATIONS_PATH}/${i.id}`,
  };
}

/** SDK `Action` without `contract`/`config` (the listing leaves them out unless `includeConfig`; not emulated). */
export interface DataActionWire {
  id: string;
  name: string;
  integrationId: string;
  category: string;
  version: number;
  secure: boolean;
  selfUri: string;
}
type _DataActionWire = SdkResponse<Models.Action, DataActionWire>;

export function dataActionToWire(a: DataActionRecord): DataActionWire {
  return {
    id: a.id,
    name: a.name,
    integrationId: a.integrationId,
    category: a.category,
    version: a.version,
    secure: a.secure,
    selfUri: `${ACTIONS_PATH}/${a.id}`,
  };
}

/**
 * `GET /api/v2/integrations[/{integrationId}]`, `GET /api/v2/integrations/actions[/{actionId}]` (`category`, `name`
 * filters): read-only, since an integration's credentials cannot be cloned (genesys-clone looks them up by name).
 */
export function registerIntegrationRoutes(router: ApiRouter): void {
  router.add("GET", INTEGRATIONS_PATH, (ctx) => ({
    status: 200,
    body: pagedListing(
      ctx,
      INTEGRATIONS_PATH,
      MAX_PAGE_SIZE,
      ctx.org.integrations.listIntegrations(),
      integrationToWire,
    ),
  }));
  router.add("GET", ACTIONS_PATH, (ctx) => {
    const category = queryValue(ctx.query, "category");
    const name = queryValue(ctx.query, "name");
    const filter = { ...(category !== undefined ? { category } : {}), ...(name !== undefined ? { name } : {}) };
    return {
      status: 200,
      body: pagedListing(ctx, ACTIONS_PATH, MAX_PAGE_SIZE, ctx.org.integrations.listActions(filter), dataActionToWire),
    };
  });
  router.add("GET", `${ACTIONS_PATH}/{actionId}`, (ctx) => ({
    status: 200,
    body: dataActionToWire(ctx.org.integrations.getAction(param(ctx, "actionId"))),
  }));
  router.add("GET", `${INTEGRATIONS_PATH}/{integrationId}`, (ctx) => ({
    status: 200,
    body: integrationToWire(ctx.org.integrations.getIntegration(param(ctx, "integrationId"))),
  }));
}
