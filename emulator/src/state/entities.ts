/** Records as the emulator stores them. The routes layer turns them into the API's wire shapes. */

export interface Division {
  id: string;
  name: string;
  description: string;
  homeDivision: boolean;
}

export type SkillState = "active" | "deleted";

export interface Skill {
  id: string;
  name: string;
  divisionId: string;
  dateModified: string;
  state: SkillState;
  /** Genesys exposes the skill version as a string; stored as an integer and bumped on every change. */
  version: number;
}

export interface WrapupCode {
  id: string;
  name: string;
  divisionId: string;
  description?: string;
  dateCreated: string;
  dateModified: string;
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  name: string;
}

export interface IssuedToken {
  token: string;
  clientId: string;
  issuedAt: number;
  expiresAt: number;
}

/** Case-insensitive name order, then id: the deterministic order of every listing and dump. */
export function byNameThenId<T extends { name: string; id: string }>(a: T, b: T): number {
  const an = a.name.toLowerCase();
  const bn = b.name.toLowerCase();
  if (an !== bn) return an < bn ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
