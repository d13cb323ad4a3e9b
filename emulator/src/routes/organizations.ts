import type { ApiRouter } from "./context";
import { organizationToWire } from "./serialize";

export function registerOrganizationRoutes(router: ApiRouter): void {
  router.add("GET", "/api/v2/organizations/me", (ctx) => ({ status: 200, body: organizationToWire(ctx.org) }));
}
