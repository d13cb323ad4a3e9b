import { SAMPLE_SEED } from "./sample";
import type { SeedData } from "./types";

/**
 * The sample contact centre with a second target region: `target-ap` (ap-southeast-2), empty like `target`
 * (the same division names, its own site, edge group and email domain). What `genesys-clone rollout` deploys to in the demo.
 */
export const REGIONS_SEED: SeedData = {
  orgs: [
    ...SAMPLE_SEED.orgs,
    {
      ...SAMPLE_SEED.orgs.find((o) => o.name === "target")!,
      name: "target-ap",
      region: "ap-southeast-2",
      thirdPartyOrgName: "target-ap",
      sites: [{ name: "AP Southeast Site", description: "Genesys Cloud Voice / BYOC Cloud media in ap-southeast-2" }],
      edgeGroups: [{ name: "AP Southeast Edge Group", description: "Edges in ap-southeast-2" }],
      emailDomains: [
        {
          name: "acme-ap.example.com",
          routes: [
            { pattern: "support", fromName: "Acme Support (AP)" },
            { pattern: "sales", fromName: "Acme Sales (AP)" },
          ],
        },
      ],
    },
  ],
};
