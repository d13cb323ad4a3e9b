import { SOURCE_SITE, TARGET_SITE } from "./sample";
import type { SeedData } from "./types";

const HOME = { name: "Home", description: "Home Division", home: true };

/** Two orgs in two regions with nothing but their home division and one telephony site each. */
export const EMPTY_SEED: SeedData = {
  orgs: [
    {
      name: "source",
      region: "us-east-1",
      thirdPartyOrgName: "source",
      divisions: [HOME],
      skills: [],
      wrapupcodes: [],
      sites: [SOURCE_SITE],
    },
    {
      name: "target",
      region: "eu-west-1",
      thirdPartyOrgName: "target",
      divisions: [HOME],
      skills: [],
      wrapupcodes: [],
      sites: [TARGET_SITE],
    },
  ],
};
