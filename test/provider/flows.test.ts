import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { RunningEmulator } from "@genesys-clone/emulator";
import { impl } from "@genesys-clone/provider/dist/process";
import { startTarget } from "./target";

// Flows through the provider implementation against the emulated target org.
let emu: RunningEmulator;
const flows = () => impl("genesyscloud:architect:Flow");

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${emu.url}/__emulator${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });

/** A minimal valid inbound call flow (as Terraform's examples/resources/genesyscloud_flow/inboundcall_flow_example.yaml). */
const ivr = (name: string, greeting: string) =>
  [
    "inboundCall:",
    `  name: ${name}`,
    "  defaultLanguage: en-us",
    "  startUpRef: ./menus/menu[mainMenu]",
    "  initialGreeting:",
    `    tts: ${greeting}`,
    "  menus:",
    "    - menu:",
    "        name: Main Menu",
    "        audio:",
    "          tts: Press 9 to disconnect.",
    "        refId: mainMenu",
    "        choices:",
    "          - menuDisconnect:",
    "              name: Disconnect",
    "              dtmf: digit_9",
    "",
  ].join("\n");

before(async () => {
  ({ emu } = await startTarget());
});
after(async () => emu.close());

test("flow: a lock held by a user in Architect (lockedUser) is named, and forceUnlock releases it like a client's", async () => {
  const args = { name: "User Locked IVR", type: "inboundcall", yaml: ivr("User Locked IVR", "Hello") };
  const created = await flows().create(args);
  const locked = await control("POST", `/orgs/target/flows/${created.id}/lock`, { user: "Dana Editor" });
  assert.equal(locked.status, 200);
  const next = { ...args, yaml: ivr("User Locked IVR", "Hello again") };
  await assert.rejects(
    flows().update(created.id, created.outs, next),
    /Flow 'User Locked IVR' \(inboundcall\) is locked by user Dana Editor \(in Architect\): check it in in Architect, or set forceUnlock: true/,
  );
  const updated = await flows().update(created.id, created.outs, { ...next, forceUnlock: true });
  assert.notEqual(updated.outs!.publishedVersion, created.outs.publishedVersion);
});

test("flow shells: a valid minimal Archy flow of every deployable type (language, error handling, a start), hostile names intact", async () => {
  const { FLOW_TYPES } = await import("@genesys-clone/provider/dist/resources/architect-flow/references");
  const shells = impl("genesyscloud:architect:FlowShell");
  const types = Object.values(FLOW_TYPES);
  const created = await Promise.all(types.map((type) => shells.create({ name: `Shell "${type}" \\ \${x} 'q'`, type })));
  const state = (await (await control("GET", "/state?org=target")).json()) as {
    flows: { id: string; name: string; type: string; publishedVersion?: { id: string } }[];
  };
  for (const [i, type] of types.entries()) {
    const flow = state.flows.find((f) => f.id === created[i]!.id);
    assert.ok(flow?.publishedVersion, type);
    assert.equal(flow.name, `Shell "${type}" \\ \${x} 'q'`);
    assert.equal(flow.type.toLowerCase(), type);
  }
});
