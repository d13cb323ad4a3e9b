import { archyKeyOf, summarizeReferences, type FlowReferenceSummary } from "../../state/architect/archy";
import type { ClientRef, FlowOperation, FlowRecord, FlowVersionRecord, JobView } from "../../state/architect/flows";
import type { OrgStore } from "../../state/org-store";
import { divisionRef, type DivisionRef } from "../wire";
import type { Models, SdkResponse } from "../sdk";

/** Wire shapes of Architect flows, versions, operations and jobs (SDK `Flow`, `FlowVersion`, `Operation`, …). */
export const FLOWS_PATH = "/api/v2/flows";
export const FLOW_JOBS_PATH = "/api/v2/flows/jobs";
export const FLOW_EXPORT_JOBS_PATH = "/api/v2/flows/export/jobs";
const OAUTH_CLIENTS_PATH = "/api/v2/oauth/clients";

export interface ClientRefWire {
  id: string;
  name?: string;
  selfUri: string;
}
type _ClientRefWire = SdkResponse<Models.DomainEntityRef, ClientRefWire>;

export interface UserRefWire extends ClientRefWire {
  version: number;
}
type _UserRefWire = SdkResponse<Models.User, UserRefWire>;

export interface OperationWire {
  id: string;
  complete: boolean;
  client: ClientRefWire;
  actionName: string;
  actionStatus: string;
  errorMessage?: string;
}
type _OperationWire = SdkResponse<Models.Operation, OperationWire>;

export interface FlowVersionWire {
  id: string;
  name: string;
  commitVersion: string;
  configurationVersion: string;
  type: string;
  secure: boolean;
  debug: boolean;
  createdByClient: ClientRefWire;
  configurationUri: string;
  dateCreated: number;
  datePublished?: string;
  selfUri: string;
}
type _FlowVersionWire = SdkResponse<Models.FlowVersion, FlowVersionWire>;

export interface FlowWire {
  id: string;
  name: string;
  division: DivisionRef;
  description?: string;
  type: string;
  lockedClient?: ClientRefWire;
  /** SDK `Flow.lockedUser` (a `User`, whose model requires `version`; the emulator fills id, name, version, selfUri). */
  lockedUser?: UserRefWire;
  active: boolean;
  system: boolean;
  deleted: boolean;
  publishedVersion?: FlowVersionWire;
  savedVersion?: FlowVersionWire;
  checkedInVersion?: FlowVersionWire;
  currentOperation?: OperationWire;
  selfUri: string;
}
type _FlowWire = SdkResponse<Models.Flow, FlowWire>;

/** What `…/configuration` and `latestconfiguration` return: the emulator's stand-in for the real JSON document. */
export interface FlowConfigurationWire {
  name: string;
  type: string;
  yaml?: string;
  references: FlowReferenceSummary;
}

export interface JobWire {
  id: string;
  status: string;
  command: string;
  /** AddressableEntityRef: id and selfUri, no name. */
  flow?: { id: string; selfUri: string };
  downloadUrl?: string;
  messages?: JobView["messages"];
  selfUri: string;
}
type _JobWire = SdkResponse<Models.ArchitectJobStateResponse & Models.ArchitectExportJobStateResponse, JobWire>;

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function clientRefToWire(org: OrgStore, c: ClientRef): ClientRefWire {
  const name = c.name ?? org.auth.listClients().find((x) => x.clientId === c.id)?.name;
  return compact({ id: c.id, name, selfUri: `${OAUTH_CLIENTS_PATH}/${c.id}` });
}

export function operationToWire(org: OrgStore, op: FlowOperation): OperationWire {
  return compact({
    id: op.id,
    complete: op.complete,
    client: clientRefToWire(org, op.client),
    actionName: op.actionName,
    actionStatus: op.actionStatus,
    errorMessage: op.errorMessage,
  });
}

export function flowVersionToWire(org: OrgStore, flow: FlowRecord, v: FlowVersionRecord): FlowVersionWire {
  const self = `${FLOWS_PATH}/${flow.id}/versions/${v.id}`;
  return compact({
    id: v.id,
    name: flow.name,
    commitVersion: v.id,
    configurationVersion: v.id,
    type: flow.type,
    secure: false,
    debug: false,
    createdByClient: clientRefToWire(org, { id: v.createdByClientId }),
    configurationUri: `${self}/configuration`,
    dateCreated: v.dateCreated,
    datePublished: v.datePublished,
    selfUri: self,
  });
}

export function flowToWire(org: OrgStore, f: FlowRecord): FlowWire {
  const version = (id: string | undefined): FlowVersionWire | undefined => {
    const v = id === undefined ? undefined : f.versions.find((x) => x.id === id);
    return v && flowVersionToWire(org, f, v);
  };
  return compact<FlowWire>({
    id: f.id,
    name: f.name,
    division: divisionRef(org, f.divisionId),
    description: f.description,
    type: f.type,
    lockedClient: f.lockedClient && clientRefToWire(org, f.lockedClient),
    lockedUser:
      f.lockedUser &&
      compact({
        id: f.lockedUser.id,
        name: f.lockedUser.name,
        version: 1,
        selfUri: `/api/v2/users/${f.lockedUser.id}`,
      }),
    active: f.active,
    system: f.system ?? false,
    deleted: false,
    publishedVersion: version(f.publishedVersionId),
    savedVersion: version(f.savedVersionId),
    checkedInVersion: version(f.checkedInVersionId),
    currentOperation: f.currentOperation && operationToWire(org, f.currentOperation),
    selfUri: `${FLOWS_PATH}/${f.id}`,
  });
}

export function configurationToWire(f: FlowRecord, v: FlowVersionRecord | undefined): FlowConfigurationWire {
  return compact({ name: f.name, type: f.type, yaml: v?.yaml, references: summarizeReferences(v?.references ?? []) });
}

/** Import (`command: Publish`) and export (`command: Export`) job states; messages only with `expand=messages`. */
export function jobToWire(
  job: JobView,
  command: "Publish" | "Export",
  selfBase: string,
  expandMessages: boolean,
  download?: string,
): JobWire {
  return compact<JobWire>({
    id: job.id,
    status: job.status,
    command,
    flow: job.flow && command === "Publish" ? { id: job.flow.id, selfUri: `${FLOWS_PATH}/${job.flow.id}` } : undefined,
    downloadUrl: download,
    messages: expandMessages ? job.messages : undefined,
    selfUri: `${selfBase}/${job.id}`,
  });
}

/** A flow in the state dump: the wire shape plus the references and YAML of its published version. */
export function flowToDump(
  org: OrgStore,
  f: FlowRecord,
): FlowWire & { archyType: string; references: FlowReferenceSummary; yaml?: string } {
  const published = org.architect.flows.publishedVersion(f);
  return compact({
    ...flowToWire(org, f),
    archyType: archyKeyOf(f.type),
    references: summarizeReferences(published?.references ?? []),
    yaml: published?.yaml,
  });
}
