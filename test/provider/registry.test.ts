import assert from "node:assert/strict";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { after, before, test } from "node:test";
import { z } from "zod";
import { startEmulator, type OrgInfo, type RunningEmulator } from "@genesys-clone/emulator";
import { GenesysClient } from "@genesys-clone/provider/dist/client";
import { importOrg } from "@genesys-clone/provider/dist/importer/import";
import { configure, impl } from "@genesys-clone/provider/dist/process";
import { NO_TRANSFORMS } from "@genesys-clone/provider/dist/program/transforms";
import { getLive, nameSchema } from "@genesys-clone/provider/dist/resources/common";
import { crudProvider } from "@genesys-clone/provider/dist/resources/crud";
import { defineResource } from "@genesys-clone/provider/dist/resources/define";
import { RESOURCES, Resources } from "@genesys-clone/provider/dist/resources/registry";
import { verifyOrgs } from "@genesys-clone/provider/dist/verify/verify";

/*
 * A throwaway resource type, written as a type's folder would be (schema, api, provider, export, definition),
 * added to the registry and nowhere else: the importer, the provider process and verify take it as they take
 * every registered type. It keeps "notes" as wrap-up codes whose names start with "note: ", so the emulator
 * needs no new endpoint.
 */
const PREFIX = "note: ";
const LABEL = "Note";
const NoteArgs = z.object({ name: nameSchema(LABEL, 200), description: z.string().optional() }).strict();
type NoteArgs = z.infer<typeof NoteArgs>;
const WireNote = z.object({ id: z.string(), name: z.string(), description: z.string().nullish() });
type WireNote = z.infer<typeof WireNote>;
type NoteBody = { name: string; description?: string };

const PATH = "/api/v2/routing/wrapupcodes";
const notesApi = {
  list: async (c: GenesysClient) =>
    (await c.listAll(PATH, WireNote, { pageSize: 100 })).filter((n) => n.name.startsWith(PREFIX)),
  get: (c: GenesysClient, id: string) => getLive(c, `${PATH}/${id}`, WireNote),
};

const note = defineResource({
  kind: "Note",
  type: "test:fixture:Note",
  urnType: "FixtureNote",
  label: LABEL,
  collection: "wrapupcodes",
  exporter: {
    key: "notes",
    variablePrefix: "note",
    file: "fixture-notes.ts",
    title: "notes",
    list: async (c) =>
      (await notesApi.list(c)).map((n) => ({
        id: n.id,
        name: n.name,
        args: { name: n.name, description: n.description ?? undefined },
      })),
  },
  lookup: notesApi.list,
  implementation: () =>
    crudProvider<NoteArgs, NoteBody, WireNote>({
      type: "test:fixture:Note",
      label: LABEL,
      schema: NoteArgs,
      replaceOn: [],
      list: notesApi.list,
      get: notesApi.get,
      create: (c, body) => c.request({ method: "POST", path: PATH, body, schema: WireNote }),
      update: (c, id, body) => c.request({ method: "PUT", path: `${PATH}/${id}`, body, schema: WireNote }),
      remove: async (c, id) => {
        await c.request({ method: "DELETE", path: `${PATH}/${id}` });
      },
      toBody: async (_c, args) => ({ name: args.name, ...(args.description ? { description: args.description } : {}) }),
      bodyOf: (w) => ({ name: w.name, ...(w.description ? { description: w.description } : {}) }),
      toArgs: async (_c, w) => ({ name: w.name, ...(w.description ? { description: w.description } : {}) }),
    }),
});

const resources: Resources = RESOURCES.with(note);
const NOTES = [
  { name: `${PREFIX}opening hours`, description: "Mon-Fri 9-17" },
  { name: `${PREFIX}"quoted" \\ back\\slash \${not.code}`, description: "héllo ✓ 日本語" },
];

let emu: RunningEmulator;
let source: GenesysClient;
let target: GenesysClient;
let out: string;

const clientOf = (org: OrgInfo) =>
  new GenesysClient({
    apiBaseUrl: org.apiBaseUrl,
    loginBaseUrl: org.loginBaseUrl,
    clientId: org.clientId,
    clientSecret: org.clientSecret,
  });

before(async () => {
  emu = await startEmulator({ seed: "empty" });
  const [s, t] = [emu.orgs.find((o) => o.name === "source")!, emu.orgs.find((o) => o.name === "target")!];
  source = clientOf(s);
  target = clientOf(t);
  const config: Record<string, string> = {
    "genesyscloud:region": t.region,
    "genesyscloud:apiBaseUrl": t.apiBaseUrl,
    "genesyscloud:loginBaseUrl": t.loginBaseUrl,
    "genesyscloud:oauthClientId": t.clientId,
    "genesyscloud:oauthClientSecret": t.clientSecret,
  };
  configure((key) => config[key]);
  for (const n of NOTES) await source.request({ method: "POST", path: PATH, body: n });
  out = await fs.mkdtemp(path.join(os.tmpdir(), "registry-fixture-"));
});

after(async () => {
  await emu?.close();
  if (out) await fs.rm(out, { recursive: true, force: true });
});

test("a type added to the registry only is imported, deployed, verified and destroyed", async () => {
  // Imported: its own file in the generated code, each object declared with the type's class.
  const imported = await importOrg(source, { outDir: out, region: "us-east-1", resources, include: ["notes"] });
  assert.equal(imported.counts.notes, NOTES.length, "both notes imported");
  const code = await fs.readFile(path.join(out, "fixture-notes.ts"), "utf8");
  assert.equal((code.match(/new gc\.Note\(/g) ?? []).length, NOTES.length);
  assert.match(await fs.readFile(path.join(out, "index.ts"), "utf8"), /fixture-notes/);

  // Not there yet: verify names every note missing in the target.
  const only = new Resources([note]);
  const before = await verifyOrgs(source, target, NO_TRANSFORMS, only);
  assert.deepEqual(before.types[0]!.missing, NOTES.map((n) => n.name).sort());

  // Deployed through the provider process, by the type name its shim would send.
  const provider = impl(note.type, resources);
  const ids: { id: string; outs: Record<string, unknown> }[] = [];
  for (const n of NOTES) {
    const checked = await provider.check({}, { ...n });
    assert.deepEqual(checked.failures, [], `check of ${n.name}`);
    const made = await provider.create(checked.inputs!);
    ids.push({ id: made.id, outs: made.outs! });
  }
  const refreshed = await provider.read(ids[0]!.id, ids[0]!.outs);
  assert.equal(refreshed.id, ids[0]!.id, "refresh finds the deployed note");

  // Verified: the target matches the source.
  const after = await verifyOrgs(source, target, NO_TRANSFORMS, only);
  assert.equal(after.equal, true, JSON.stringify(after.types));

  // The duplicate-name check holds for it too.
  const again = await provider.check({}, { ...NOTES[0]! });
  assert.match(again.failures![0]!.reason, /^Note 'note: opening hours' already exists in the target org/);

  // Destroyed: gone from the target.
  for (const { id, outs } of ids) await provider.delete(id, outs);
  assert.deepEqual(await notesApi.list(target), []);
});

test("the provider process refuses a type the registry does not have, naming the upgrade", () => {
  assert.throws(() => impl(note.type), /has no resource type test:fixture:Note: .*upgrade genesys-clone/);
});

test("every registered type has one kind, type, type token and exporter key", () => {
  for (const field of ["kind", "type", "urnType"] as const) {
    const values = RESOURCES.all.map((d) => d[field]);
    assert.equal(new Set(values).size, values.length, `${field} is unique`);
  }
  const keys = RESOURCES.exporters().map((e) => e.key);
  assert.equal(new Set(keys).size, keys.length, "exporter keys are unique");
  for (const d of RESOURCES.all) if (d.exporter) assert.equal(d.exporter.className, d.kind);
});
