import type { FaultRule } from "../faults/rules";
import type { SeedName } from "../seeds";
import type { OrgSettings, OrgSettingsPatch } from "../state/settings";
import type { OrgStats, TimelineEntry } from "../state/stats";
import type { OrgInfo } from "../types";
import type { OrgDump } from "./dump";

/** A control API reply as it came: tests probe the control API's own errors with it. */
export interface ControlReply {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface FaultList {
  randomSeed: number;
  rules: FaultRule[];
}

export interface ClockReading {
  now: number;
  offsetMs: number;
}

/** Who holds a flow's lock: another OAuth client, or a person editing it in Architect. */
export type LockHolder = string | { id?: string; name?: string };

/** The flow as the control API returns it (the Platform API's Flow wire shape). */
export type FlowReply = Record<string, unknown> & { id: string; name: string };

/**
 * A typed client of the emulator's `/__emulator/...` control API (reset, seeds, state dumps, faults, stats,
 * org settings, flow locks, tokens, clock): what tests, the benchmark and the demo steer the emulator with.
 * Every typed call fails with the reply's text on a non-2xx status; `request` returns any reply as it came.
 */
export class EmulatorControl {
  constructor(readonly url: string) {}

  async request(method: string, path: string, body?: unknown): Promise<ControlReply> {
    const res = await fetch(`${this.url}/__emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === "" ? undefined : (JSON.parse(text) as unknown) };
  }

  /** A control call that must succeed; the reply body typed as the control API answers it. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const reply = await this.request(method, path, body);
    if (reply.status < 200 || reply.status > 299) {
      throw new Error(`${method} /__emulator${path}: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
    }
    return reply.body as T;
  }

  reset(options: { seed?: SeedName; randomSeed?: number } = {}): Promise<{ seed: SeedName; orgs: OrgInfo[] }> {
    return this.call("POST", "/reset", options);
  }

  seed(seed: SeedName): Promise<{ seed: SeedName; orgs: OrgInfo[] }> {
    return this.call("POST", "/seed", { seed });
  }

  orgs(): Promise<{ seed: SeedName; orgs: OrgInfo[] }> {
    return this.call("GET", "/orgs");
  }

  state(): Promise<{ seed: SeedName; orgs: OrgDump[] }> {
    return this.call("GET", "/state");
  }

  orgState(org: string): Promise<OrgDump> {
    return this.call("GET", `/state?org=${encodeURIComponent(org)}`);
  }

  faults(): Promise<FaultList> {
    return this.call("GET", "/faults");
  }

  setFaults(rules: FaultRule[]): Promise<FaultList> {
    return this.call("PUT", "/faults", rules);
  }

  addFault(rule: FaultRule): Promise<FaultList> {
    return this.call("POST", "/faults", rule);
  }

  clearFaults(): Promise<FaultList> {
    return this.call("DELETE", "/faults");
  }

  setRandomSeed(randomSeed: number): Promise<{ randomSeed: number }> {
    return this.call("POST", "/faults/seed", { randomSeed });
  }

  /** Request statistics of one org since the counters were last cleared. */
  async stats(org: string): Promise<OrgStats & { name: string }> {
    const all = await this.call<{ orgs: (OrgStats & { name: string })[] }>(
      "GET",
      `/stats?org=${encodeURIComponent(org)}`,
    );
    const stats = all.orgs[0];
    if (!stats) throw new Error(`no stats for org ${org}`);
    return stats;
  }

  /** Every request of one org since the counters were last cleared: [arrived, answered, status] (ms, 0 = dropped). */
  async timeline(org: string): Promise<TimelineEntry[]> {
    const res = await this.call<{ calls: TimelineEntry[] }>("GET", `/stats/timeline?org=${encodeURIComponent(org)}`);
    return res.calls;
  }

  async clearStats(): Promise<void> {
    await this.call("DELETE", "/stats");
  }

  settings(org: string): Promise<OrgSettings> {
    return this.call("GET", `/orgs/${encodeURIComponent(org)}/settings`);
  }

  updateSettings(org: string, patch: OrgSettingsPatch): Promise<OrgSettings> {
    return this.call("PUT", `/orgs/${encodeURIComponent(org)}/settings`, patch);
  }

  lockFlow(org: string, flowId: string, as: { client?: LockHolder; user?: LockHolder } = {}): Promise<FlowReply> {
    return this.call("POST", `/orgs/${encodeURIComponent(org)}/flows/${encodeURIComponent(flowId)}/lock`, as);
  }

  /** A flow published in Architect, of any type. */
  publishFlow(
    org: string,
    flow: { name: string; type: string; yaml: string; description?: string },
  ): Promise<FlowReply> {
    return this.call("POST", `/orgs/${encodeURIComponent(org)}/flows`, flow);
  }

  saveDraft(org: string, flowId: string, yaml: string): Promise<{ id: string; flow: FlowReply }> {
    return this.call("POST", `/orgs/${encodeURIComponent(org)}/flows/${encodeURIComponent(flowId)}/draft`, { yaml });
  }

  /** Installs an integration with data actions (category defaults to the integration's name). */
  addIntegration(
    org: string,
    integration: { name: string; integrationType?: string; actions: { name: string; category?: string }[] },
  ): Promise<{ id: string }> {
    return this.call("POST", `/orgs/${encodeURIComponent(org)}/integrations`, integration);
  }

  revokeTokens(org: string): Promise<{ revoked: number }> {
    return this.call("POST", `/orgs/${encodeURIComponent(org)}/tokens/revoke`, {});
  }

  /** Every access token an org issued since the process started, for secret scans. */
  async tokensIssued(org: string): Promise<string[]> {
    const all = await this.call<{ orgs: { name: string; tokens: string[] }[] }>(
      "GET",
      `/tokens?org=${encodeURIComponent(org)}`,
    );
    return all.orgs[0]?.tokens ?? [];
  }

  clock(): Promise<ClockReading> {
    return this.call("GET", "/clock");
  }

  advanceClock(advanceMs: number): Promise<ClockReading> {
    return this.call("POST", "/clock", { advanceMs });
  }
}

/** The control client of a running emulator (anything with its base `url`). */
export function emulatorControl(emu: { url: string }): EmulatorControl {
  return new EmulatorControl(emu.url);
}
