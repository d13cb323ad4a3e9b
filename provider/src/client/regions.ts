/** The public Genesys Cloud regions and the base URLs derived from them (API host = https://api.<domain>). */
export const REGION_DOMAINS: Readonly<Record<string, string>> = {
  "us-east-1": "mypurecloud.com",
  "us-east-2": "use2.us-gov-pure.cloud",
  "us-west-2": "usw2.pure.cloud",
  "ca-central-1": "cac1.pure.cloud",
  "sa-east-1": "sae1.pure.cloud",
  "mx-central-1": "mxc1.pure.cloud",
  "eu-west-1": "mypurecloud.ie",
  "eu-west-2": "euw2.pure.cloud",
  "eu-central-1": "mypurecloud.de",
  "eu-central-2": "euc2.pure.cloud",
  "eusc-de-east-1": "edee1.eusc-pure.cloud",
  "me-central-1": "mec1.pure.cloud",
  "ap-south-1": "aps1.pure.cloud",
  "ap-southeast-1": "apse1.pure.cloud",
  "ap-southeast-2": "mypurecloud.com.au",
  "ap-northeast-1": "mypurecloud.jp",
  "ap-northeast-2": "apne2.pure.cloud",
  "ap-northeast-3": "apne3.pure.cloud",
};

export interface Endpoints {
  /** e.g. https://api.mypurecloud.ie; paths such as /api/v2/routing/skills are appended. */
  apiBaseUrl: string;
  /** e.g. https://login.mypurecloud.ie; /oauth/token is appended. */
  loginBaseUrl: string;
}

export class UnknownRegionError extends Error {
  constructor(readonly region: string) {
    super(
      `Unknown Genesys Cloud region '${region}'. Known regions: ${Object.keys(REGION_DOMAINS).join(", ")}. ` +
        "Set genesyscloud:region (or GENESYSCLOUD_REGION) to one of them, or set genesyscloud:apiBaseUrl and " +
        "genesyscloud:loginBaseUrl for a gateway or the emulator.",
    );
    this.name = "UnknownRegionError";
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}

/**
 * Base URLs for a region, with optional overrides. An API override without a login override derives
 * the login host the way the Genesys Go SDK does (//api. -> //login.).
 */
export function resolveEndpoints(opts: { region?: string; apiBaseUrl?: string; loginBaseUrl?: string }): Endpoints {
  let api = opts.apiBaseUrl ? trimSlash(opts.apiBaseUrl) : undefined;
  let login = opts.loginBaseUrl ? trimSlash(opts.loginBaseUrl) : undefined;
  if (!api || !login) {
    if (opts.region) {
      const domain = REGION_DOMAINS[opts.region];
      if (!domain) throw new UnknownRegionError(opts.region);
      api ??= `https://api.${domain}`;
      login ??= `https://login.${domain}`;
    } else if (api && /\/\/api\./.test(api)) {
      login = api.replace("//api.", "//login.");
    } else if (login && /\/\/login\./.test(login)) {
      api = login.replace("//login.", "//api.");
    }
  }
  if (!api || !login) {
    throw new Error(
      "No Genesys Cloud region configured: set genesyscloud:region (or GENESYSCLOUD_REGION), e.g. eu-west-1, " +
        "or both genesyscloud:apiBaseUrl and genesyscloud:loginBaseUrl.",
    );
  }
  return { apiBaseUrl: api, loginBaseUrl: login };
}
