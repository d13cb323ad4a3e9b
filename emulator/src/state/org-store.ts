import type { Clock } from "../clock";
import { ArchitectStore } from "./architect/store";
import type { DataTableRecord } from "./architect/datatables";
import type { EmergencyGroupRecord } from "./architect/emergencygroups";
import type { FlowRecord } from "./architect/flows";
import type { PromptRecord } from "./architect/prompts";
import { AuthStore } from "./auth/store";
import type {
  Division,
  Ivr,
  Language,
  OAuthClient,
  Queue,
  Schedule,
  ScheduleGroup,
  Skill,
  WrapupCode,
} from "./entities";
import { invalidValue } from "./errors";
import { nameRules, type OrgContext } from "./org-context";
import { RoutingStore } from "./routing/store";
import { orgSettingsSchema, type OrgSettings, type OrgSettingsPatch } from "./settings";
import { TelephonyStore, type Site, type TrunkBaseRecord, type TrunkRecord } from "./telephony/store";
import { OrgRefsStore, type OrgRefsInit } from "./org-refs";
import { DirectoryStore, type DirectoryInit } from "./directory/store";
import { IntegrationsStore, type IntegrationsInit } from "./integrations/store";

export interface OrgInit extends OrgRefsInit, DirectoryInit, IntegrationsInit {
  id: string;
  name: string;
  region: string;
  thirdPartyOrgName: string;
  domain: string;
  divisions: Division[];
  skills: Skill[];
  wrapupcodes: WrapupCode[];
  languages?: Language[];
  queues?: Queue[];
  schedules?: Schedule[];
  schedulegroups?: ScheduleGroup[];
  flows?: FlowRecord[];
  ivrs?: Ivr[];
  prompts?: PromptRecord[];
  datatables?: DataTableRecord[];
  emergencygroups?: EmergencyGroupRecord[];
  sites?: Site[];
  trunkbases?: TrunkBaseRecord[];
  trunks?: TrunkRecord[];
  clients: OAuthClient[];
  settings: OrgSettings;
}

/**
 * One org: its settings and its four area stores (moto's backends), wired to each other where the API's rules
 * cross areas (queues name flows and sites, flows name queues and schedules, divisions count everything).
 * Pure rules, no HTTP: every rule violation throws an ApiError / OAuthError.
 */
export class OrgStore {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly thirdPartyOrgName: string;
  readonly domain: string;
  settings: OrgSettings;
  readonly auth: AuthStore;
  readonly routing: RoutingStore;
  readonly architect: ArchitectStore;
  readonly telephony: TelephonyStore;
  /** Edge groups, email domains and routes, system prompts, DID pools: seeded, read-only (see org-refs.ts). */
  readonly refs: OrgRefsStore;
  /** Users and groups: seeded, read-only (every org provisions its own, see directory/store.ts). */
  readonly directory: DirectoryStore;
  /** Integrations and data actions: seeded, read-only through the API (credentials are never cloned). */
  readonly integrations: IntegrationsStore;

  constructor(
    init: OrgInit,
    private readonly clock: Clock,
    /** Told every token this org issues (the emulator keeps a log for secret scans). */
    onTokenIssued: (token: string) => void = () => undefined,
    /** Every org of the emulator in this org's region (itself included): BYOC termination URIs are unique per region. */
    regionOrgs: () => OrgStore[] = () => [this],
  ) {
    this.id = init.id;
    this.name = init.name;
    this.region = init.region;
    this.thirdPartyOrgName = init.thirdPartyOrgName;
    this.domain = init.domain;
    this.settings = structuredClone(init.settings);
    const settings = () => this.settings;
    const rules = nameRules(settings, clock);
    this.auth = new AuthStore(init.name, clock, settings, rules, init, onTokenIssued);
    this.refs = new OrgRefsStore(init);
    this.directory = new DirectoryStore(init);
    this.integrations = new IntegrationsStore(init);
    const ctx: OrgContext = {
      ...rules,
      clock,
      settings,
      requireDivisionId: (id) => this.auth.requireDivision(id).id,
      detach: (divisionId, kind, at) => this.auth.detach(divisionId, kind, at),
    };
    this.routing = new RoutingStore(
      ctx,
      {
        requireFlowOfType: (field, id, type) => this.architect.flows.requireFlowOfType(field, id, type),
        flowExists: (id) => this.architect.flows.findFlow(id) !== undefined,
        siteExists: (id) => this.telephony.findSite(id) !== undefined,
        edgeGroupExists: (id) => this.refs.findEdgeGroup(id) !== undefined,
        userExists: (id) => this.directory.findUser(id)?.state === "active",
        groupExists: (id) => this.directory.findGroup(id) !== undefined,
        emailDomain: (id) => {
          const domain = this.refs.findEmailDomain(id);
          return domain && { id: domain.id, hasRoute: (routeId) => domain.routes.some((r) => r.id === routeId) };
        },
      },
      init,
    );
    this.architect = new ArchitectStore(
      ctx,
      {
        homeDivisionId: () => this.auth.homeDivision().id,
        divisionIdByName: (name) => this.auth.findDivisionByName(name)?.id,
        exists: (kind, name, category) =>
          kind === "user"
            ? this.directory.searchExact(["email", "name"], [name]).some((u) => u.state === "active")
            : kind === "group"
              ? this.directory.listGroups().some((g) => g.name.toLowerCase() === name.toLowerCase())
              : kind === "integration"
                ? this.integrations.hasCategory(name)
                : kind === "dataAction"
                  ? this.integrations.hasAction(name, category)
                  : kind === "schedule" || kind === "scheduleGroup" || kind === "dataTable" || kind === "emergencyGroup"
                    ? this.architect.hasName(kind, name)
                    : kind === "prompt"
                      ? this.architect.prompts.hasName(name)
                      : this.routing.hasName(kind, name),
        queuesUsingFlow: (flowId) => this.routing.queuesUsingFlow(flowId),
      },
      init,
      (number) => this.refs.didPoolOf(number) !== undefined,
    );
    this.telephony = new TelephonyStore(
      ctx,
      {
        terminationUriOwner: (uri, exceptId) => {
          for (const org of regionOrgs()) {
            const owner = org.telephony.terminationUriUser(uri, exceptId);
            // another org's trunk is not named to this one
            if (owner !== undefined) return org === this ? `trunk base settings '${owner}'` : "another org";
          }
          return undefined;
        },
      },
      init,
    );
  }

  /** Emulator time (epoch ms). */
  now(): number {
    return this.clock.now();
  }

  mergeSettings(patch: OrgSettingsPatch): OrgSettings {
    this.settings = orgSettingsSchema.parse({ ...this.settings, ...patch });
    return this.settings;
  }

  /** Hard delete of an empty, non-home division: every area counts what it keeps there. */
  deleteDivision(id: string): void {
    this.auth.deleteDivision(id, (divisionId) => [
      ...this.routing.countsInDivision(divisionId),
      ...this.architect.countsInDivision(divisionId),
      [this.telephony.countInDivision(divisionId), "trunk base setting"],
    ]);
  }

  /**
   * `POST /authorization/divisions/{divisionId}/objects/{objectType}` (SDK `postAuthorizationDivisionObject`):
   * moves objects of one type into a division. The SDK lists CAMPAIGN, MANAGEMENTUNIT, FLOW, QUEUE, DATATABLES
   * and USER; of those the emulator holds queues and flows. Every id must name an object of the type (else 400,
   * nothing moved).
   */
  moveObjectsToDivision(divisionId: string, objectType: string, ids: string[]): void {
    const division = this.auth.getDivision(divisionId);
    if (objectType === "QUEUE") return this.routing.moveQueues(division.id, ids);
    throw invalidValue("objectType", `Moving objects of type ${objectType} is not emulated (only QUEUE)`);
  }
}
