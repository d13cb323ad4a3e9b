import type { Clock } from "../clock";
import { buildOrgInit, SEEDS, type SeedData, type SeedName } from "../seeds";
import type { OAuthClient } from "./entities";
import { newClientSecret, uuidFromSeed } from "./ids";
import { OrgStore } from "./org-store";
import { defaultSettings } from "./settings";
import { emptyStats, type OrgStatsRecord } from "./stats";

/**
 * All orgs of one emulator process plus their request statistics.
 * OAuth client credentials are minted once per org name and survive resets.
 */
export class EmulatorState {
  private orgsByName = new Map<string, OrgStore>();
  private statsByOrg = new Map<string, OrgStatsRecord>();
  private readonly credentials = new Map<string, OAuthClient>();
  /** Seed secrets (trunk passwords), minted once per process like client secrets and kept across resets. */
  private readonly secrets = new Map<string, string>();
  /** Every access token issued, per org, since the process started (kept across resets and revocations): secret scans look for them. */
  private readonly issuedTokens = new Map<string, string[]>();
  private loadedSeed: SeedName | "custom";

  constructor(
    readonly initialSeed: SeedName | "custom",
    private readonly defaultRateLimitPerMinute: number,
    private readonly clock: Clock,
    /** Client secrets to use instead of random ones, by org name. */
    private readonly clientSecrets: Readonly<Record<string, string>> = {},
    /** The data set named "custom" (e.g. a copy of a real org a rehearsal deploys into). */
    private readonly customSeed?: SeedData,
  ) {
    this.loadedSeed = initialSeed;
    this.load(initialSeed);
  }

  get seed(): SeedName | "custom" {
    return this.loadedSeed;
  }

  private credentialsFor(orgName: string): OAuthClient {
    let c = this.credentials.get(orgName);
    if (!c) {
      c = {
        clientId: uuidFromSeed(`${orgName}/oauth-client`),
        clientSecret: this.clientSecrets[orgName] ?? newClientSecret(),
        name: `${orgName} emulator client`,
      };
      this.credentials.set(orgName, c);
    }
    return c;
  }

  private secretFor(key: string): string {
    let s = this.secrets.get(key);
    if (s === undefined) {
      s = newClientSecret();
      this.secrets.set(key, s);
    }
    return s;
  }

  /** Replaces every org with a fresh copy of the seed; tokens, rate windows and stats are gone. */
  load(seed: SeedName | "custom"): void {
    const data = seed === "custom" ? this.customSeed : SEEDS[seed];
    if (!data) throw new Error("no custom seed data was given to this emulator");
    const orgs = new Map<string, OrgStore>();
    for (const org of data.orgs) {
      const init = buildOrgInit(
        org,
        this.credentialsFor(org.name),
        defaultSettings(this.defaultRateLimitPerMinute),
        (key) => this.secretFor(key),
      );
      const region = init.region;
      orgs.set(
        org.name,
        new OrgStore(
          init,
          this.clock,
          (token) => this.issuedTokens.set(org.name, [...(this.issuedTokens.get(org.name) ?? []), token]),
          () => this.orgs().filter((o) => o.region === region),
        ),
      );
    }
    this.orgsByName = orgs;
    this.resetStats();
    this.loadedSeed = seed;
  }

  org(name: string): OrgStore | undefined {
    return this.orgsByName.get(name);
  }

  /** Orgs sorted by name. */
  orgs(): OrgStore[] {
    return [...this.orgsByName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  stats(orgName: string): OrgStatsRecord {
    let s = this.statsByOrg.get(orgName);
    if (!s) {
      s = emptyStats();
      this.statsByOrg.set(orgName, s);
    }
    return s;
  }

  /** The access tokens issued by an org since the process started, oldest first. */
  tokensIssued(orgName: string): string[] {
    return [...(this.issuedTokens.get(orgName) ?? [])];
  }

  resetStats(): void {
    this.statsByOrg = new Map();
  }
}
