// The synthetic org the benchmark deploys: N objects over every type, with realistic references, built
// through the Platform API of a running emulator.
import { emulatorControl } from "../control/client";
import type { OrgInfo, RunningEmulator } from "../types";

/** One object to create: POST `body` to `path` (then `after`), remembered under `key` for later references. */
export interface Planned {
  kind: string;
  path: string;
  body: (ids: Map<string, string>) => unknown;
  key: string;
  after?: { path: (id: string, ids: Map<string, string>) => string; body: (ids: Map<string, string>) => unknown };
}

/** N objects over every type, with realistic references (queues -> codes and skills, groups -> schedules). */
export function syntheticOrgPlan(n: number): Planned[][] {
  const count = (share: number) => Math.max(1, Math.round(n * share));
  const skills = count(0.2),
    codes = count(0.25),
    languages = Math.min(count(0.05), 40),
    schedules = count(0.1),
    groups = count(0.05);
  const queues = Math.max(1, n - skills - codes - languages - schedules - groups);
  const wave1: Planned[] = [];
  for (let i = 0; i < skills; i++)
    wave1.push({
      kind: "skills",
      key: `skill:${i}`,
      path: "/api/v2/routing/skills",
      body: () => ({ name: `Bench Skill ${i}` }),
    });
  for (let i = 0; i < codes; i++)
    wave1.push({
      kind: "wrapupcodes",
      key: `code:${i}`,
      path: "/api/v2/routing/wrapupcodes",
      body: () => ({ name: `Bench Code ${i}`, description: `wrap-up ${i}` }),
    });
  for (let i = 0; i < languages; i++)
    wave1.push({
      kind: "languages",
      key: `lang:${i}`,
      path: "/api/v2/routing/languages",
      body: () => ({ name: `Bench Language ${i}` }),
    });
  for (let i = 0; i < schedules; i++) {
    wave1.push({
      kind: "schedules",
      key: `sched:${i}`,
      path: "/api/v2/architect/schedules",
      body: () => ({
        name: `Bench Hours ${i}`,
        start: "2027-01-04T08:00:00.000",
        end: "2027-01-04T18:00:00.000",
        rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
      }),
    });
  }
  const wave2: Planned[] = [];
  for (let i = 0; i < groups; i++) {
    wave2.push({
      kind: "schedulegroups",
      key: `group:${i}`,
      path: "/api/v2/architect/schedulegroups",
      body: (ids) => ({
        name: `Bench Group ${i}`,
        timeZone: "America/New_York",
        openSchedules: [{ id: ids.get(`sched:${i % schedules}`) }],
      }),
    });
  }
  for (let i = 0; i < queues; i++) {
    wave2.push({
      kind: "queues",
      key: `queue:${i}`,
      path: "/api/v2/routing/queues",
      body: (ids) => ({
        name: `Bench Queue ${i}`,
        acwSettings: { wrapupPrompt: "OPTIONAL", timeoutMs: 60000 },
        skillEvaluationMethod: "BEST",
        bullseye: {
          rings: [
            {
              expansionCriteria: [{ type: "TIMEOUT_SECONDS", threshold: 30 }],
              actions: { skillsToRemove: [{ id: ids.get(`skill:${i % skills}`) }] },
            },
            {},
          ],
        },
      }),
      after: {
        path: (id) => `/api/v2/routing/queues/${id}/wrapupcodes`,
        body: (ids) => [0, 1, 2].map((k) => ({ id: ids.get(`code:${(i * 3 + k) % codes}`) })),
      },
    });
  }
  return [wave1, wave2];
}

/**
 * Builds the synthetic org of `n` objects in `org` through the Platform API, as a tool would (the org's rate
 * limit is lifted first so that building is quick).
 */
export async function buildSyntheticOrg(emu: RunningEmulator, org: OrgInfo, n: number): Promise<void> {
  await emulatorControl(emu).updateSettings(org.name, { rateLimitPerMinute: 1_000_000 });
  const t = await clientCredentialsToken(org);
  const source = org;
  const ids = new Map<string, string>();
  for (const wave of syntheticOrgPlan(n)) {
    for (let i = 0; i < wave.length; i += 50) {
      await Promise.all(
        wave.slice(i, i + 50).map(async (p) => {
          const res = await fetch(source.apiBaseUrl + p.path, {
            method: "POST",
            headers: { Authorization: `Bearer ${t}`, "Content-Type": "application/json" },
            body: JSON.stringify(p.body(ids)),
          });
          if (res.status !== 200)
            throw new Error(`building the synthetic org: ${p.key}: HTTP ${res.status} ${await res.text()}`);
          const id = ((await res.json()) as { id: string }).id;
          ids.set(p.key, id);
          if (p.after) {
            const r = await fetch(source.apiBaseUrl + p.after.path(id, ids), {
              method: "POST",
              headers: { Authorization: `Bearer ${t}`, "Content-Type": "application/json" },
              body: JSON.stringify(p.after.body(ids)),
            });
            if (r.status !== 200) throw new Error(`building the synthetic org: ${p.key} codes: HTTP ${r.status}`);
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
