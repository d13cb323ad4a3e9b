import assert from "node:assert/strict";
import { test } from "node:test";
import {
  buildSyntheticOrg,
  emulatorControl,
  plannedCounts,
  syntheticDids,
  syntheticOrgPlan,
  syntheticSeed,
  syntheticShares,
  targetDid,
} from "@genesys-clone/emulator";
import { typeOfRoute } from "@genesys-clone/scripts/dist/lib/bench-types";
import { org, withEmulator } from "./helpers";

// The benchmark's synthetic org, built through the Platform API (flows through Architect jobs and their presigned
// uploads, prompt audio through its upload URL): every type lands with the references the plan describes.
const N = 60;

test(`buildSyntheticOrg(${N}): every type in its share, with the flow and queue cycles, IVRs on owned DIDs`, async () => {
  await withEmulator({ seedData: syntheticSeed() }, async (emu) => {
    const control = emulatorControl(emu);
    await control.clearStats();
    await buildSyntheticOrg(emu, org(emu, "source"), N);
    const dump = await control.orgState("source");
    const s = syntheticShares(N);
    const bench = <T extends { name?: string }>(xs: T[]) => xs.filter((x) => x.name?.startsWith("Bench"));
    const counts = plannedCounts(syntheticOrgPlan(N));
    const built: Record<string, number> = {
      divisions: bench(dump.divisions).length,
      skills: bench(dump.skills).length,
      wrapupcodes: bench(dump.wrapupcodes).length,
      languages: bench(dump.languages).length,
      schedules: bench(dump.schedules).length,
      schedulegroups: bench(dump.schedulegroups).length,
      datatables: bench(dump.datatables).length,
      emergencygroups: bench(dump.emergencygroups).length,
      prompts: dump.prompts.filter((p) => p.name.startsWith("BenchPrompt")).length,
      trunks: bench(dump.trunkbasesettings).length,
      flows: bench(dump.flows).length,
      queues: bench(dump.queues).length,
      ivrs: bench(dump.ivrs).length,
    };
    assert.deepEqual(built, counts);

    const flow = (name: string) => dump.flows.find((f) => f.name === name)!;
    assert.deepEqual(flow("Bench Inbound 0").references.flows, ["Bench Inbound 1"], "flow 0 -> flow 1");
    assert.deepEqual(flow("Bench Inbound 1").references.flows, ["Bench Inbound 0"], "flow 1 -> flow 0");
    assert.ok(flow("Bench Inbound 1").references.dataTables?.length, "inbound flows look a data table up");
    assert.ok(flow("Bench Inbound 1").references.prompts?.length, "inbound flows play a user prompt");
    const queue0 = dump.queues.find((q) => q.name === "Bench Queue 0")!;
    assert.equal(queue0.queueFlow?.id, flow("Bench In-Queue 0").id, "queue 0 -> in-queue flow 0");
    assert.deepEqual(flow("Bench In-Queue 0").references.queues, ["Bench Queue 0"], "in-queue flow 0 -> queue 0");
    assert.equal(queue0.wrapupCodes.length, 3);
    assert.equal(queue0.members.length, 2, "every 4th queue has two members");
    assert.ok(
      dump.queues.some((q) => q.name?.startsWith("Bench") && q.division?.name?.startsWith("Bench Division")),
      "some queues live in a bench division",
    );
    assert.deepEqual(bench(dump.ivrs)[0]!.dnis, syntheticDids(0));
    assert.ok(
      dump.prompts.every((p) => p.resources.every((r) => (r.audioBytes ?? 0) > 0)),
      "prompts have audio",
    );
    assert.equal(s.inboundflows, bench(dump.flows).filter((f) => f.type === "INBOUNDCALL").length);

    // Every call the building made is attributed to a type by the benchmark (none left as "other").
    const stats = await control.stats("source");
    assert.ok(stats.firstChangeAt! > stats.firstAt!, "the first change comes after the token grant and lookups");
    const other = Object.keys(stats.requests).filter((route) => typeOfRoute(route) === "other");
    assert.deepEqual(other, []);
  });
});

test("syntheticSeed: the target owns the numbers the source's DIDs map to, both orgs have the same users", async () => {
  const seed = syntheticSeed();
  const [source, target] = seed.orgs;
  const inPool = (pool: { startPhoneNumber: string; endPhoneNumber: string }, did: string) =>
    did >= pool.startPhoneNumber && did <= pool.endPhoneNumber && did.length === pool.startPhoneNumber.length;
  for (const did of syntheticDids(syntheticShares(10000).ivrs! - 1)) {
    assert.ok(inPool(source!.didPools![0]!, did), did);
    assert.ok(inPool(target!.didPools![0]!, targetDid(did)), targetDid(did));
  }
  assert.deepEqual(
    source!.users!.map((u) => u.email),
    target!.users!.map((u) => u.email),
  );
});
