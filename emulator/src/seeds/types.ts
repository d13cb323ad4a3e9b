/** A seed is plain data: orgs with divisions (by name), skills and wrap-up codes (referring to divisions by name). */
export interface SeedDivision {
  name: string;
  description: string;
  home?: boolean;
}

export interface SeedSkill {
  name: string;
  division: string;
  /** Soft-deleted (state "deleted"), e.g. to prove importers skip such skills. */
  deleted?: boolean;
}

export interface SeedWrapupCode {
  name: string;
  division: string;
  description?: string;
}

export interface SeedOrg {
  name: string;
  region: string;
  thirdPartyOrgName: string;
  divisions: SeedDivision[];
  skills: SeedSkill[];
  wrapupcodes: SeedWrapupCode[];
}

export interface SeedData {
  orgs: SeedOrg[];
}
