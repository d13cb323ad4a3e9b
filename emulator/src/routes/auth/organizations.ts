import type { OrgStore } from "../../state/org-store";
import type { ApiRouter } from "../context";
import type { Models, SdkResponse } from "../sdk";

export interface OrganizationWire {
  id: string;
  name: string;
  defaultLanguage: string;
  defaultCountryCode: string;
  thirdPartyOrgName: string;
  domain: string;
  version: number;
  state: string;
  selfUri: string;
}
type _OrganizationWire = SdkResponse<Models.Organization, OrganizationWire>;

/**
 * Every real org has a default country code (Terraform's provider configure dereferences
 * `organizations/me` `defaultCountryCode` unchecked): the emulator derives one from the org's region.
 */
const COUNTRY_OF_REGION: Record<string, string> = {
  "us-east-1": "US",
  "us-east-2": "US",
  "us-west-2": "US",
  "ca-central-1": "CA",
  "sa-east-1": "BR",
  "mx-central-1": "MX",
  "eu-west-1": "IE",
  "eu-west-2": "GB",
  "eu-central-1": "DE",
  "eu-central-2": "CH",
  "me-central-1": "AE",
  "af-south-1": "ZA",
  "ap-south-1": "IN",
  "ap-southeast-1": "SG",
  "ap-southeast-2": "AU",
  "ap-northeast-1": "JP",
  "ap-northeast-2": "KR",
  "ap-northeast-3": "JP",
};

export function organizationToWire(org: OrgStore): OrganizationWire {
  return {
    id: org.id,
    name: org.name,
    defaultLanguage: "en-us",
    defaultCountryCode: COUNTRY_OF_REGION[org.region] ?? "US",
    thirdPartyOrgName: org.thirdPartyOrgName,
    domain: org.domain,
    version: 1,
    state: "active",
    selfUri: `/api/v2/organizations/${org.id}`,
  };
}

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
