import type { ApiRouter } from "./context";
import type { Models, SdkResponse } from "./sdk";
import { organizationToWire } from "./serialize";

/** `OrganizationProductEntityListing`: one page, no URIs (the model has none). */
interface ProductListingWire {
  entities: { id: string }[];
  pageSize: number;
  pageNumber: number;
  total: number;
  pageCount: number;
}
type _ProductListingWire = SdkResponse<Models.OrganizationProductEntityListing, ProductListingWire>;

export function registerOrganizationRoutes(router: ApiRouter): void {
  router.add("GET", "/api/v2/organizations/me", (ctx) => ({ status: 200, body: organizationToWire(ctx.org) }));

  // Official clients call this at start-up (Terraform: provider/provider.go getAuthorizationProducts). The
  // product ids of a real org are not known here: knob `authorizationProducts`.
  router.add("GET", "/api/v2/authorization/products", (ctx) => {
    const ids = ctx.org.settings.authorizationProducts;
    const body: ProductListingWire = {
      entities: ids.map((id) => ({ id })),
      pageSize: ids.length,
      pageNumber: 1,
      total: ids.length,
      pageCount: 1,
    };
    return { status: 200, body };
  });
}
