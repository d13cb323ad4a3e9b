import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { startEmulator, type OrgInfo, type RunningEmulator } from "@genesys-clone/emulator";
import { GenesysClient } from "@genesys-clone/provider/dist/client";
import { importOrg } from "@genesys-clone/provider/dist/importer/import";
import { rawApi } from "./target";

// No id of the source org ever reaches generated code (issue 11): queue media settings hold ids of flows,
// sites, edge groups and email routes (SDK CallbackMediaSettings, MessageMediaSettings, EmailMediaSettings).
let emu: RunningEmulator;
let source: OrgInfo;
let dir: string;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL_ROUTE = "5e1d2c3b-0000-4000-8000-0000000e3a11";

async function api(method: string, p: string, body?: unknown, o: OrgInfo = source): Promise<Record<string, unknown>> {
  const res = await rawApi(o, method, p, body);
  if (res.status !== 200) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

/** Every id-like value anywhere in a JSON document. */
function idsIn(v: unknown, out: Set<string>): Set<string> {
  if (typeof v === "string" && UUID.test(v)) out.add(v.toLowerCase());
  else if (Array.isArray(v)) for (const x of v) idsIn(x, out);
  else if (typeof v === "object" && v !== null) for (const x of Object.values(v)) idsIn(x, out);
  return out;
}

async function filesUnder(d: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

before(async () => {
  emu = await startEmulator({ seed: "sample" });
  source = emu.orgs.find((o) => o.name === "source")!;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "import-ids-"));
});
after(async () => {
  await emu.close();
  await fs.rm(dir, { recursive: true, force: true });
});

test("no id of any source object appears in any generated file; media settings' flows, site, edge group and outbound email address become references", async () => {
  const flows = (await api("GET", "/api/v2/flows?pageSize=100")).entities as { id: string; name: string }[];
  const flow = (name: string) => ({ id: flows.find((f) => f.name === name)!.id });
  const site = (
    (await api("GET", "/api/v2/telephony/providers/edges/sites?pageSize=100")).entities as {
      id: string;
      name: string;
    }[]
  )[0]!;
  const edgeGroup = (
    (await api("GET", "/api/v2/telephony/providers/edges/edgegroups")).entities as { id: string; name: string }[]
  )[0]!;
  const queues = (await api("GET", "/api/v2/routing/queues?pageSize=100")).entities as Record<string, unknown>[];
  const withMedia = (type: string) =>
    queues.find((q) => (q.mediaSettings as Record<string, unknown> | undefined)?.[type] !== undefined)!;
  const put = async (q: Record<string, unknown>, type: string, extra: Record<string, unknown>) => {
    const media = q.mediaSettings as Record<string, Record<string, unknown>>;
    return api("PUT", `/api/v2/routing/queues/${String(q.id)}`, {
      ...q,
      mediaSettings: { ...media, [type]: { ...media[type], ...extra } },
    });
  };
  // Every org-scoped reference a queue's media settings can hold.
  const callbackQueue = withMedia("callback");
  await put(callbackQueue, "callback", {
    liveVoiceFlow: flow("Main IVR"),
    answeringMachineFlow: flow("Spanish IVR"),
    site: { id: site.id },
    edgeGroup: { id: edgeGroup.id },
  });
  const messageQueue = withMedia("message");
  await put(messageQueue, "message", {
    enableInactivityTimeout: true,
    inactivityTimeoutSettings: { timeoutSeconds: 600, actionType: "Disconnect", flowId: flow("Standard In-Queue") },
  });
  const emailQueue = withMedia("email");
  await put(emailQueue, "email", {
    allOutboundEmailAddresses: [{ domain: { id: "acme.mypurecloud.com" }, route: { id: EMAIL_ROUTE } }],
  });

  const sourceIds = idsIn(
    (await (await fetch(`${emu.url}/__emulator/state?org=source`)).json()) as unknown,
    new Set([EMAIL_ROUTE]),
  );
  assert.ok(sourceIds.size > 130, `every object's ids (${sourceIds.size})`);

  const client = new GenesysClient({
    apiBaseUrl: source.apiBaseUrl,
    loginBaseUrl: source.loginBaseUrl,
    clientId: source.clientId,
    clientSecret: source.clientSecret,
  });
  await importOrg(client, { outDir: dir, region: "us-east-1", log: () => undefined });
  const files = await filesUnder(dir);
  assert.ok(files.length > 10);
  for (const file of files) {
    const text = (await fs.readFile(file, "utf8")).toLowerCase();
    const leaked = [...sourceIds].filter((id) => text.includes(id));
    assert.deepEqual(leaked, [], `${path.relative(dir, file)} contains source ids`);
  }

  const links = await fs.readFile(path.join(dir, "routing-queue-flows.ts"), "utf8");
  assert.match(links, /callbackLiveVoiceFlow: flowMainIvr\w*\.id/);
  assert.match(links, /callbackAnsweringMachineFlow: flowSpanishIvr\w*\.id/);
  assert.match(links, /messageInactivityTimeoutFlow: flowStandardInQueue\w*\.id/);
  const queuesTs = await fs.readFile(path.join(dir, "routing-queues.ts"), "utf8");
  assert.match(queuesTs, new RegExp(`callbackSite: "${site.name}"`));
  assert.match(queuesTs, new RegExp(`callbackEdgeGroup: "${edgeGroup.name}"`), "the edge group by name");
  assert.match(
    queuesTs,
    /outboundEmailAddress: "support@acme-us\.example\.com"/,
    "the outbound address as route@domain",
  );
  assert.match(queuesTs, /timeoutSeconds: 600/, "the rest of the inactivity settings is kept");
});

test("verify maps a queue's callback site, edge group and outbound email domain through the transforms file, as deployment does", async () => {
  const { verifyOrgs } = await import("@genesys-clone/provider/dist/verify/verify");
  const { NO_TRANSFORMS } = await import("@genesys-clone/provider/dist/program/transforms");
  const target = emu.orgs.find((o) => o.name === "target")!;
  const clientOf = (o: OrgInfo) =>
    new GenesysClient({
      apiBaseUrl: o.apiBaseUrl,
      loginBaseUrl: o.loginBaseUrl,
      clientId: o.clientId,
      clientSecret: o.clientSecret,
    });
  const siteOf = async (o: OrgInfo, name: string) =>
    (
      (await api("GET", "/api/v2/telephony/providers/edges/sites?pageSize=100", undefined, o)).entities as {
        id: string;
        name: string;
      }[]
    ).find((x) => x.name === name)!.id;
  const firstId = async (o: OrgInfo, p: string) =>
    ((await api("GET", p, undefined, o)).entities as { id: string }[])[0]!.id;
  const queue = async (o: OrgInfo, site: string, domain: string) => ({
    name: "Verify Site Queue",
    mediaSettings: {
      callback: {
        alertingTimeoutSeconds: 30,
        site: { id: await siteOf(o, site) },
        edgeGroup: { id: await firstId(o, "/api/v2/telephony/providers/edges/edgegroups") },
      },
    },
    outboundEmailAddress: {
      domain: { id: domain },
      route: { id: await firstId(o, `/api/v2/routing/email/domains/${domain}/routes?pattern=support`) },
    },
  });
  await api("POST", "/api/v2/routing/queues", await queue(source, "US East Site", "acme-us.example.com"));
  await api("POST", "/api/v2/routing/queues", await queue(target, "EU West Site", "acme-eu.example.com"), target);
  const report = await verifyOrgs(clientOf(source), clientOf(target), {
    ...NO_TRANSFORMS,
    sites: { "US East Site": "EU West Site" },
    edgeGroups: { "US East Edge Group": "EU West Edge Group" },
    emailDomains: { "acme-us.example.com": "acme-eu.example.com" },
  });
  const queues = report.types.find((t) => t.type === "queues")!;
  assert.ok(!queues.missing.includes("Verify Site Queue") && !queues.extra.includes("Verify Site Queue"));
  assert.deepEqual(
    queues.different.filter((d) => d.name === "Verify Site Queue"),
    [],
    "the mapped site is the expected one",
  );
  const unmapped = await verifyOrgs(clientOf(source), clientOf(target));
  const diff = unmapped.types.find((t) => t.type === "queues")!.different.find((d) => d.name === "Verify Site Queue");
  assert.deepEqual(
    diff?.fields.map((f) => f.field),
    ["callbackEdgeGroup", "callbackSite", "outboundEmailAddress"],
    "without the mapping the site, edge group and address differ",
  );
});
