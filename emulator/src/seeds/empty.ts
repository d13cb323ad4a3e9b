import type { SeedData } from "./types";

const HOME = { name: "Home", description: "Home Division", home: true };

/** Two orgs in two regions with nothing but their home division. */
export const EMPTY_SEED: SeedData = {
  orgs: [
    { name: "source", region: "us-east-1", thirdPartyOrgName: "source", divisions: [HOME], skills: [], wrapupcodes: [] },
    { name: "target", region: "eu-west-1", thirdPartyOrgName: "target", divisions: [HOME], skills: [], wrapupcodes: [] },
  ],
};
