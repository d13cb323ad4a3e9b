// The synthetic org the benchmark deploys: N objects over every deployable type, with realistic references, built
// through the Platform API of a running emulator (flows through Architect import jobs and their presigned upload,
// prompt audio through the resource's upload URL), as a tool would build them.
import type { Models } from "../routes/sdk";
import { emulatorControl } from "../control/client";
import type { OrgInfo, RunningEmulator } from "../types";
import { EMPTY_SEED } from "./empty";
import type { SeedData, SeedDidPool, SeedUser } from "./types";
import { toneWav } from "./wav";

/** How a planned object reaches the API: the builder throws on any failure, the benchmark's baseline retries naively. */
export interface PlanApi {
  /** A Platform API call (`path` under the org's API base): the answer's JSON, undefined when it has none. */
  call(method: string, path: string, body?: unknown): Promise<unknown>;
  /** A request to a URL the API handed out (a presigned flow upload, a prompt's `uploadUri`). */
  transfer(
    method: string,
    url: string,
    body: Uint8Array | string,
    headers: Record<string, string>,
    bearer: boolean,
  ): Promise<void>;
  /** Waits between polls of an Architect job. */
  sleep(ms: number): Promise<void>;
}

/** One object to create (or one more step of an object already planned: `step`), remembered under `key`. */
export interface Planned {
  /** The object type, as the benchmark's `typeOfRoute` names it (queues, flows, trunks, ...). */
  kind: string;
  key: string;
  /** A further step of an object counted elsewhere (a flow of a cycle published again in full), or a lookup. */
  step?: boolean;
  /** Creates the object; answers its id. `ids` holds the ids of earlier waves (and lookups) by key. */
  create: (api: PlanApi, ids: Map<string, string>) => Promise<string>;
}

/**
 * The shares of an org of N objects, from what contact centres hold: many queues, skills and wrap-up codes; flows
 * about 7% (inbound 4%, in-queue 3%); schedules and their groups ~12%; a few divisions, data tables, emergency
 * groups, user prompts and IVRs (1-2% each); a handful of BYOC trunks (1 per 250 objects, 1-6). Every type has at
 * least one object (inbound flows two: they form a flow <-> flow cycle); queues take the rest.
 */
export function syntheticShares(n: number): Record<string, number> {
  const count = (share: number, min = 1) => Math.max(min, Math.round(n * share));
  const shares: Record<string, number> = {
    divisions: Math.min(count(0.01), 20),
    skills: count(0.15),
    wrapupcodes: count(0.2),
    languages: Math.min(count(0.05), 40),
    schedules: count(0.08),
    schedulegroups: count(0.04),
    datatables: count(0.01),
    emergencygroups: count(0.005),
    prompts: count(0.02),
    inqueueflows: count(0.03),
    inboundflows: count(0.04, 2),
    ivrs: count(0.01),
    trunks: Math.min(6, count(0.004)),
  };
  const used = Object.values(shares).reduce((a, b) => a + b, 0);
  shares.queues = Math.max(1, n - used);
  return shares;
}

/** Users provisioned in both orgs (genesys-clone never creates users): queue members resolve by email. */
export const SYNTHETIC_USERS: SeedUser[] = Array.from({ length: 10 }, (_, k) => ({
  name: `Bench Agent ${k}`,
  email: `bench.agent${k}@bench.example.com`,
}));

/** The numbers each org owns; IVR i routes two of them. */
const SOURCE_DIDS: SeedDidPool = {
  startPhoneNumber: "+13176000000",
  endPhoneNumber: "+13176099999",
  description: "Bench numbers (source)",
  provider: "PURE_CLOUD_VOICE",
};
const TARGET_DIDS: SeedDidPool = {
  startPhoneNumber: "+35316000000",
  endPhoneNumber: "+35316099999",
  description: "Bench numbers (target)",
  provider: "PURE_CLOUD_VOICE",
};

/** The DIDs IVR `i` routes in the source. */
export function syntheticDids(i: number): string[] {
  return [0, 1].map((k) => `+1317600${String(2 * i + k).padStart(4, "0")}`);
}

/** The target number a source DID maps to (the transforms file's `dids:`): the same digits in the target's pool. */
export function targetDid(did: string): string {
  return did.replace(/^\+1317/, "+3531");
}

/** The empty seed plus what the benchmark's target must own for every type to deploy: DID pools and the users. */
export function syntheticSeed(): SeedData {
  const [source, target] = EMPTY_SEED.orgs;
  return {
    orgs: [
      { ...source!, didPools: [SOURCE_DIDS], users: SYNTHETIC_USERS },
      { ...target!, didPools: [TARGET_DIDS], users: SYNTHETIC_USERS },
    ],
  };
}

function inQueueFlowYaml(i: number, transferQueue?: string): string {
  const transfer =
    transferQueue === undefined
      ? ""
      : `    - transferToAcd:
        name: Escalate
        targetQueue:
          lit:
            name: ${transferQueue}
        priority:
          lit: 10
        preferredAgents:
          noValue: true
        preTransferAudio:
          tts: Moving you to the next free line.
        failureTransferAudio:
          tts: Please keep holding.
`;
  return `inqueueCall:
  name: Bench In-Queue ${i}
  description: Bench in-queue flow ${i}
  division: Home
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  settingsInQueueCall:
    holdMusic:
      lit:
        name: PromptSystem.on_hold_music
  startUpTaskActions:
    - playAudio:
        name: Greeting
        audio:
          tts: All of our agents are busy. Please hold.
${transfer}`;
}

/** An inbound call flow: plays a prompt, evaluates a schedule group, looks a data table up, transfers to a flow and a queue. */
function inboundFlowYaml(
  i: number,
  refs: { prompt: string; group: string; table: string; queue: string; flow?: string },
): string {
  const toFlow =
    refs.flow === undefined
      ? ""
      : `          - transferToFlow:
              name: Other Line
              targetFlow:
                name: ${refs.flow}
              preTransferAudio:
                tts: One moment.
              failureTransferAudio:
                tts: That line is not available.
              failureOutputs:
                errorType:
                  noValue: true
                errorMessage:
                  noValue: true
`;
  return `inboundCall:
  name: Bench Inbound ${i}
  description: Bench inbound call flow ${i}
  division: Home
  startUpRef: "/inboundCall/tasks/task[Route_10]"
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  initialGreeting:
    exp: AudioPlaybackOptions(ToAudio(Prompt.${refs.prompt}), true)
  tasks:
    - task:
        name: Route
        refId: Route_10
        actions:
          - evaluateScheduleGroup:
              name: Hours
              inServiceSchedules:
                noValue: true
              evaluate:
                now: true
              scheduleGroup:
                lit:
                  name: ${refs.group}
              outputs:
                open:
                  actions:
                    - dataTableLookup:
                        name: Look Up Caller
                        lookupValue:
                          exp: Call.Ani
                        dataTable:
                          lit:
                            name: ${refs.table}
${toFlow}          - transferToAcd:
              name: To Queue
              targetQueue:
                lit:
                  name: ${refs.queue}
          - disconnect:
              name: Disconnect
`;
}

interface JobAnswer {
  id: string;
  status?: string;
  presignedUrl?: string;
  headers?: Record<string, string>;
  flow?: { id: string };
  messages?: { text?: string }[];
}

/** Publishes Archy YAML as the provider does: register an import job, PUT the YAML to its URL, poll the job. */
async function publishFlow(api: PlanApi, yaml: string): Promise<string> {
  const job = (await api.call("POST", "/api/v2/flows/jobs")) as JobAnswer;
  await api.transfer("PUT", job.presignedUrl!, yaml, job.headers ?? {}, false);
  for (let polls = 0; polls < 600; polls++) {
    await api.sleep(100);
    const j = (await api.call("GET", `/api/v2/flows/jobs/${job.id}?expand=messages`)) as JobAnswer;
    if (j.status === "Success" && j.flow) return j.flow.id;
    if (j.status === "Failure") throw new Error(`flow job failed: ${(j.messages ?? []).map((m) => m.text).join("; ")}`);
  }
  throw new Error("flow job did not finish in 60 s");
}

const idOf = (answer: unknown): string => (answer as { id: string }).id;
const ref = (ids: Map<string, string>, key: string): { id: string } => {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`synthetic plan: ${key} was not created before its use`);
  return { id };
};

/**
 * N objects over every type, in waves whose objects only reference earlier waves: divisions, skills, codes,
 * languages, schedules, data tables, prompts, trunks, emergency groups; schedule groups and in-queue flows; queues
 * (bullseye skills, wrap-up codes, `queueFlow` -> in-queue flow, members, some in other divisions); inbound flows
 * (the first published without its flow reference, then every other flow naming it and the first published again in
 * full: a flow <-> flow cycle; in-queue flow 0 published again transferring to queue 0, whose in-queue flow it is: a
 * queue <-> flow cycle); IVRs with DIDs routing to inbound flows. `mapDid` maps the DIDs into another org's pool
 * (the baseline deploys the plan into the target, which owns other numbers).
 */
export function syntheticOrgPlan(n: number, opts: { mapDid?: (did: string) => string } = {}): Planned[][] {
  const did = opts.mapDid ?? ((d: string) => d);
  const s = syntheticShares(n);
  const each = (count: number, f: (i: number) => Planned): Planned[] => Array.from({ length: count }, (_, i) => f(i));
  const post = (kind: string, key: string, path: string, body: (ids: Map<string, string>) => unknown): Planned => ({
    kind,
    key,
    create: async (api, ids) => idOf(await api.call("POST", path, body(ids))),
  });
  const prompt = (i: number) => `BenchPrompt${i}`;
  const inbound = (i: number) => ({
    prompt: prompt(i % s.prompts!),
    group: `Bench Group ${i % s.schedulegroups!}`,
    table: `Bench Table ${i % s.datatables!}`,
    queue: `Bench Queue ${i % s.queues!}`,
  });

  // Lookups first: the users queue members name and the site trunks name (both per org, never created).
  const wave0: Planned[] = [
    {
      kind: "users",
      key: "users",
      step: true,
      create: async (api, ids) => {
        const page = (await api.call("GET", "/api/v2/users?pageSize=100")) as { entities: Models.User[] };
        for (const u of page.entities) if (u.email && u.id) ids.set(`user:${u.email}`, u.id);
        return "users";
      },
    },
    {
      kind: "sites",
      key: "site",
      step: true,
      create: async (api) => {
        const page = (await api.call("GET", "/api/v2/telephony/providers/edges/sites")) as { entities: Models.Site[] };
        return page.entities[0]!.id!;
      },
    },
  ];
  const wave1: Planned[] = [
    ...each(s.divisions!, (i) =>
      post("divisions", `division:${i}`, "/api/v2/authorization/divisions", () => ({
        name: `Bench Division ${i}`,
        description: `Bench business unit ${i}`,
      })),
    ),
    ...each(s.skills!, (i) =>
      post("skills", `skill:${i}`, "/api/v2/routing/skills", () => ({ name: `Bench Skill ${i}` })),
    ),
    ...each(s.wrapupcodes!, (i) =>
      post("wrapupcodes", `code:${i}`, "/api/v2/routing/wrapupcodes", () => ({
        name: `Bench Code ${i}`,
        description: `wrap-up ${i}`,
      })),
    ),
    ...each(s.languages!, (i) =>
      post("languages", `lang:${i}`, "/api/v2/routing/languages", () => ({ name: `Bench Language ${i}` })),
    ),
    ...each(s.schedules!, (i) =>
      post("schedules", `sched:${i}`, "/api/v2/architect/schedules", () => ({
        name: `Bench Hours ${i}`,
        start: "2027-01-04T08:00:00.000",
        end: "2027-01-04T18:00:00.000",
        rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      })),
    ),
    ...each(s.datatables!, (i) =>
      post("datatables", `table:${i}`, "/api/v2/flows/datatables", () => ({
        name: `Bench Table ${i}`,
        description: `Lookup table ${i}`,
        schema: {
          $schema: "http://json-schema.org/draft-04/schema#",
          type: "object",
          required: ["key"],
          properties: {
            key: { type: "string", title: "Caller", displayOrder: 0 },
            segment: { type: "string", title: "Segment", displayOrder: 1, default: "standard" },
            priority: { type: "integer", title: "Priority", displayOrder: 2 },
          },
        },
      })),
    ),
    ...each(s.emergencygroups!, (i) =>
      post("emergencygroups", `emergency:${i}`, "/api/v2/architect/emergencygroups", () => ({
        name: `Bench Emergency ${i}`,
        description: `Closure switch ${i}`,
        enabled: false,
      })),
    ),
    ...each(s.prompts!, (i): Planned => ({
      kind: "prompts",
      key: `prompt:${i}`,
      create: async (api) => {
        const id = idOf(
          await api.call("POST", "/api/v2/architect/prompts", { name: prompt(i), description: `Greeting ${i}` }),
        );
        const res = (await api.call("POST", `/api/v2/architect/prompts/${id}/resources`, {
          language: "en-us",
          ttsString: `Welcome to line ${i}`,
        })) as Models.PromptAsset;
        const boundary = "----bench-prompt-upload";
        const body = Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${prompt(i)}.wav"\r\n` +
              "Content-Type: audio/wav\r\n\r\n",
          ),
          Buffer.from(toneWav(440 + i, 200)),
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        await api.transfer(
          "POST",
          res.uploadUri!,
          body,
          { "Content-Type": `multipart/form-data; boundary=${boundary}` },
          true,
        );
        return id;
      },
    })),
    ...each(s.trunks!, (i) =>
      post("trunks", `trunk:${i}`, "/api/v2/telephony/providers/edges/trunkbasesettings", (ids) => {
        const value = (instance: unknown) => ({ value: { instance } });
        return {
          name: `Bench Trunk ${i}`,
          description: `BYOC carrier trunk ${i}`,
          trunkMetabase: { id: "external_sip_pcv_byoc_carrier.json" },
          trunkType: "EXTERNAL",
          inboundSite: ref(ids, "site"),
          properties: {
            trunk_type: value("external.pcv.byoc.carrier"),
            trunk_label: value(`Bench Trunk ${i}`),
            trunk_enabled: value(true),
            trunk_transport_serverProxyList: value([`sip${i}.carrier.example.com:5061`]),
            trunk_transport_protocolVariant: value("tls"),
            trunk_access_acl_allowList: value(["203.0.113.0/24"]),
            trunk_protocol: value("sip"),
            trunk_sip_termination_uri: value(`bench-trunk-${i}`),
            trunk_sip_authentication_credentials_realm: value("carrier.example.com"),
            trunk_sip_authentication_credentials_username: value(`bench-${i}`),
            trunk_sip_authentication_credentials_password: value(`bench-secret-${i}`),
            trunk_outboundIdentity_callingName: value("Bench"),
            trunk_outboundIdentity_callingAddress: value("+13176000000"),
          },
        };
      }),
    ),
  ];

  const wave2: Planned[] = [
    ...each(s.schedulegroups!, (i) =>
      post("schedulegroups", `group:${i}`, "/api/v2/architect/schedulegroups", (ids) => ({
        name: `Bench Group ${i}`,
        timeZone: "America/New_York",
        openSchedules: [ref(ids, `sched:${i % s.schedules!}`)],
      })),
    ),
    ...each(s.inqueueflows!, (i): Planned => ({
      kind: "flows",
      key: `iqflow:${i}`,
      create: (api) => publishFlow(api, inQueueFlowYaml(i)),
    })),
  ];

  // Queues: every 20th in a bench division, every 4th with two members, each with three wrap-up codes.
  const wave3 = each(s.queues!, (i): Planned => ({
    kind: "queues",
    key: `queue:${i}`,
    create: async (api, ids) => {
      const body = {
        name: `Bench Queue ${i}`,
        ...(i % 20 === 5 ? { division: ref(ids, `division:${i % s.divisions!}`) } : {}),
        acwSettings: { wrapupPrompt: "OPTIONAL", timeoutMs: 60000 },
        skillEvaluationMethod: "BEST",
        queueFlow: ref(ids, `iqflow:${i % s.inqueueflows!}`),
        bullseye: {
          rings: [
            {
              expansionCriteria: [{ type: "TIMEOUT_SECONDS", threshold: 30 }],
              actions: { skillsToRemove: [ref(ids, `skill:${i % s.skills!}`)] },
            },
            {},
          ],
        },
      } satisfies Models.CreateQueueRequest;
      const id = idOf(await api.call("POST", "/api/v2/routing/queues", body));
      await api.call(
        "POST",
        `/api/v2/routing/queues/${id}/wrapupcodes`,
        [0, 1, 2].map((k) => ref(ids, `code:${(i * 3 + k) % s.wrapupcodes!}`)),
      );
      if (i % 4 === 0) {
        const users = SYNTHETIC_USERS.slice(i % 9, (i % 9) + 2).map((u) => ref(ids, `user:${u.email}`));
        await api.call("POST", `/api/v2/routing/queues/${id}/members`, users);
      }
      return id;
    },
  }));

  // Inbound flow 0 first without its flow reference (flow 1 does not exist yet), the others naming flow 0.
  const wave4: Planned[] = [
    {
      kind: "flows",
      key: "inflow:0",
      create: (api) => publishFlow(api, inboundFlowYaml(0, inbound(0))),
    },
  ];
  const wave5: Planned[] = each(s.inboundflows! - 1, (j): Planned => ({
    kind: "flows",
    key: `inflow:${j + 1}`,
    create: (api) => publishFlow(api, inboundFlowYaml(j + 1, { ...inbound(j + 1), flow: "Bench Inbound 0" })),
  }));
  const wave6: Planned[] = [
    {
      kind: "flows",
      key: "inflow:0:cycle",
      step: true,
      create: (api) => publishFlow(api, inboundFlowYaml(0, { ...inbound(0), flow: "Bench Inbound 1" })),
    },
    {
      kind: "flows",
      key: "iqflow:0:cycle",
      step: true,
      create: (api) => publishFlow(api, inQueueFlowYaml(0, "Bench Queue 0")),
    },
    ...each(s.ivrs!, (i) =>
      post("ivrs", `ivr:${i}`, "/api/v2/architect/ivrs", (ids) => ({
        name: `Bench Line ${i}`,
        description: `Bench numbers ${i}`,
        dnis: syntheticDids(i).map(did),
        openHoursFlow: ref(ids, `inflow:${i % s.inboundflows!}`),
        closedHoursFlow: ref(ids, `inflow:${(i + 1) % s.inboundflows!}`),
        scheduleGroup: ref(ids, `group:${i % s.schedulegroups!}`),
      })),
    ),
  ];
  return [wave0, wave1, wave2, wave3, wave4, wave5, wave6];
}

/** Objects of each type a plan creates (lookups and further steps of an object not counted). */
export function plannedCounts(plan: Planned[][]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of plan.flat()) if (!p.step) out[p.kind] = (out[p.kind] ?? 0) + 1;
  return out;
}

/** A PlanApi that throws on the first failure: the builder's. */
export function strictPlanApi(org: OrgInfo, token: string): PlanApi {
  const auth = { Authorization: `Bearer ${token}` };
  return {
    async call(method, path, body) {
      const res = await fetch(org.apiBaseUrl + path, {
        method,
        headers: body === undefined ? auth : { ...auth, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status < 200 || res.status > 299) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`);
      return text === "" ? undefined : (JSON.parse(text) as unknown);
    },
    async transfer(method, url, body, headers, bearer) {
      const res = await fetch(url, { method, headers: bearer ? { ...headers, ...auth } : headers, body });
      if (res.status < 200 || res.status > 299) throw new Error(`${method} upload: HTTP ${res.status}`);
    },
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
}

/**
 * Builds the synthetic org of `n` objects in `org` through the Platform API, as a tool would (the org's rate
 * limit is lifted first so that building is quick). The org must own the DIDs (`syntheticSeed`).
 */
export async function buildSyntheticOrg(emu: RunningEmulator, org: OrgInfo, n: number): Promise<void> {
  await emulatorControl(emu).updateSettings(org.name, { rateLimitPerMinute: 1_000_000 });
  const api = strictPlanApi(org, await clientCredentialsToken(org));
  const ids = new Map<string, string>();
  for (const wave of syntheticOrgPlan(n)) {
    for (let i = 0; i < wave.length; i += 50) {
      await Promise.all(
        wave.slice(i, i + 50).map(async (p) => {
          try {
            ids.set(p.key, await p.create(api, ids));
          } catch (err) {
            throw new Error(`building the synthetic org: ${p.key}: ${(err as Error).message}`, { cause: err });
          }
        }),
      );
    }
  }
}

/** A client-credentials token of an emulated org. */
export async function clientCredentialsToken(o: OrgInfo): Promise<string> {
  const res = await fetch(`${o.loginBaseUrl}/oauth/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${o.clientId}:${o.clientSecret}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
  if (res.status !== 200) throw new Error(`building the synthetic org: token grant: HTTP ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}
