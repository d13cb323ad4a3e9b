import { byNameThenId } from "../entities";
import { notFound } from "../errors";

/**
 * Integrations and their data actions: what a flow's Call Data Action names. An integration holds credentials
 * (a web services key, an AWS role) that no API returns, so genesys-clone never creates one or its actions: they
 * are seeded per org here, read-only through the API; tests add them through the control API.
 */

/** SDK `Integration`: an installed integration (`integrationType.id` e.g. `custom-rest-actions`). */
export interface IntegrationRecord {
  id: string;
  name: string;
  integrationType: string;
  /** SDK `Integration.intendedState`: ENABLED, DISABLED or DELETED. */
  intendedState: "ENABLED" | "DISABLED" | "DELETED";
}

/**
 * SDK `Action`: a published data action of an integration. `category` is what Architect groups actions by and what
 * Archy's Call Data Action names (`category: {<category>: {dataAction: {<action name>: ...}}}`); the Genesys UI sets
 * it to the integration's name (TF `genesyscloud_integration_action.category` is free text: it may differ).
 */
export interface DataActionRecord {
  id: string;
  name: string;
  integrationId: string;
  category: string;
  secure: boolean;
  version: number;
}

export interface IntegrationsInit {
  integrations?: IntegrationRecord[];
  dataActions?: DataActionRecord[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class IntegrationsStore {
  private readonly integrations: IntegrationRecord[];
  private readonly actions: DataActionRecord[];

  constructor(init: IntegrationsInit = {}) {
    this.integrations = structuredClone(init.integrations ?? []);
    this.actions = structuredClone(init.dataActions ?? []);
  }

  /** `GET /api/v2/integrations`: by name then id (deleted ones are gone). */
  listIntegrations(): IntegrationRecord[] {
    return this.integrations.filter((i) => i.intendedState !== "DELETED").sort(byNameThenId);
  }

  getIntegration(id: string): IntegrationRecord {
    const i = this.integrations.find((x) => x.id === id && x.intendedState !== "DELETED");
    if (!i) throw notFound();
    return i;
  }

  /** `GET /api/v2/integrations/actions`: published actions of live integrations, filtered by `category` / `name`. */
  listActions(filter: { category?: string; name?: string } = {}): DataActionRecord[] {
    const live = new Set(this.listIntegrations().map((i) => i.id));
    return this.actions
      .filter((a) => live.has(a.integrationId))
      .filter((a) => filter.category === undefined || same(a.category, filter.category))
      .filter((a) => filter.name === undefined || same(a.name, filter.name))
      .sort(byNameThenId);
  }

  getAction(id: string): DataActionRecord {
    const a = this.listActions().find((x) => x.id === id);
    if (!a) throw notFound();
    return a;
  }

  /** Archy's Call Data Action category: a category some live action has (names ignore case, as elsewhere). */
  hasCategory(name: string): boolean {
    return this.listActions().some((a) => same(a.category, name));
  }

  /** A data action by name, within `category` when the flow names one. */
  hasAction(name: string, category?: string): boolean {
    return this.listActions({ name, ...(category !== undefined ? { category } : {}) }).length > 0;
  }

  /** Control API: an integration with its actions (what an admin installs and configures in the target). */
  add(integration: IntegrationRecord, actions: DataActionRecord[]): void {
    if (this.integrations.some((i) => i.id === integration.id)) throw new Error(`integration ${integration.id} exists`);
    this.integrations.push(structuredClone(integration));
    this.actions.push(...structuredClone(actions));
  }

  snapshot(): { integrations: IntegrationRecord[]; dataActions: DataActionRecord[] } {
    return { integrations: this.listIntegrations(), dataActions: this.listActions() };
  }
}
