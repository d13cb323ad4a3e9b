import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { E2E } from "./harness";

// Flows through the real CLI with hand-written stack code: publish, drift, locks. (A flow referencing a queue
// that exists nowhere is in the bad input catalogue, test/e2e/bad-input.)
let e2e: E2E;
const LOOKUPS = "export const LOOKUPS: { type: string; name: string }[] = [];\n";

const flowYaml = (queuePlaceholder: string) =>
  [
    "inboundCall:",
    "  name: Fresh IVR",
    "  defaultLanguage: en-us",
    "  startUpRef: ./menus/menu[main]",
    "  menus:",
    "    - menu:",
    "        name: Main Menu",
    "        refId: main",
    "        choices:",
    "          - menuTransferToAcd:",
    "              name: Fresh Queue",
    "              dtmf: digit_1",
    "              targetQueue:",
    "                lit:",
    `                  name: ${queuePlaceholder}`,
    "",
  ].join("\n");

function program(yaml: string, forceUnlock = false): string {
  return [
    'import * as gc from "@genesys-clone/provider";',
    'export const queue = new gc.Queue("fresh", { name: "Fresh Queue" });',
    `export const flow = new gc.Flow("fresh-ivr", { name: "Fresh IVR", type: "inboundcall", yaml: ${JSON.stringify(yaml)}, substitutions: { queue: queue.name }${forceUnlock ? ", forceUnlock: true" : ""} });`,
    "",
  ].join("\n");
}

before(async () => {
  e2e = await E2E.start("empty");
});
after(async () => e2e.close());

async function targetFlow(name: string) {
  const flows = (await e2e.state("target")).flows as {
    id: string;
    name: string;
    publishedVersion?: { id: string };
    yaml?: string;
  }[];
  return flows.find((f) => f.name === name);
}

test("publish, drift caught by refresh, locked flow with and without force-unlock", async () => {
  const dir = await e2e.writeSource("fresh", { "index.ts": program(flowYaml("{{queue}}")), "lookups.ts": LOOKUPS });
  const stack = await e2e.stack("fresh", {
    config: { "genesys-clone:source": dir, "genesys-clone:transforms": undefined },
  });

  // The flow's queue exists only in this stack: the substitution orders queue first, then the flow publishes.
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  const published = (await targetFlow("Fresh IVR"))!;
  assert.ok(published.publishedVersion, "flow published");
  assert.match(published.yaml!, /name: Fresh Queue/);

  // Someone publishes another version in Architect: refresh sees it, preview plans to put ours back.
  const job = (await (await e2e.api("target", "POST", "/api/v2/flows/jobs")).json()) as {
    id: string;
    presignedUrl: string;
    headers: Record<string, string>;
  };
  const put = await fetch(job.presignedUrl, {
    method: "PUT",
    headers: job.headers,
    body: flowYaml("Fresh Queue").replace(
      "  defaultLanguage:",
      "  description: edited in Architect\n  defaultLanguage:",
    ),
  });
  assert.equal(put.status, 200);
  for (
    let i = 0;
    i < 50 && (await targetFlow("Fresh IVR"))!.publishedVersion!.id === published.publishedVersion!.id;
    i++
  )
    await new Promise((r) => setTimeout(r, 100));
  await e2e.ok(["refresh", "--stack", stack, "--yes", "--skip-preview"]);
  const drift = await e2e.pulumi(["preview", "--stack", stack, "--expect-no-changes"]);
  assert.notEqual(drift.code, 0, "refresh must reveal the changed flow content");
  assert.match(drift.stdout, /ArchitectFlow::fresh-ivr|fresh-ivr/);

  // Locked by another client: up fails and says how to proceed; with forceUnlock it goes through.
  const flowId = (await targetFlow("Fresh IVR"))!.id;
  await e2e.control(`/orgs/target/flows/${flowId}/lock`, "POST", { client: "someone in Architect" });
  const locked = await e2e.pulumi(["up", "--stack", stack, "--yes", "--skip-preview"]);
  assert.notEqual(locked.code, 0);
  assert.match(
    locked.stdout + locked.stderr,
    /Flow 'Fresh IVR' \(inboundcall\) is locked by another client \(someone in Architect\).*forceUnlock: true/s,
  );
  await e2e.writeSource("fresh", { "index.ts": program(flowYaml("{{queue}}"), true) });
  await e2e.ok(["up", "--stack", stack, "--yes", "--skip-preview"]);
  const after_ = (await targetFlow("Fresh IVR"))!;
  assert.match(after_.yaml!, /name: Fresh Queue/, "our version is published again");
  assert.equal((after_ as { lockedClient?: unknown }).lockedClient ?? undefined, undefined, "no lock left");

  await e2e.ok(["destroy", "--stack", stack, "--yes", "--skip-preview"]);
  assert.equal(await targetFlow("Fresh IVR"), undefined);
});
