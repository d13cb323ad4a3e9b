import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { RunningEmulator } from "@genesys-clone/emulator";
import { impl } from "@genesys-clone/provider/dist/process";
import { startTarget } from "./target";
import { UNKNOWN } from "@genesys-clone/provider/dist/resources/common";

// The dynamic-provider implementations, called as the provider process calls them, against the
// emulated target org.
let emu: RunningEmulator;
const skills = () => impl("genesyscloud:routing:Skill");
const codes = () => impl("genesyscloud:routing:WrapupCode");

before(async () => {
  ({ emu } = await startTarget({
    // A target that keeps failing gives up in seconds here, not the default minutes.
    "genesyscloud:retryDeadlineSeconds": "3",
  }));
});
after(async () => emu.close());

test("check: each bad input is one failure on its property, naming the object and the fix", async () => {
  const cases: { impl: typeof skills; news: Record<string, unknown>; property: string; reason: RegExp }[] = [
    { impl: skills, news: { name: "" }, property: "name", reason: /Skill '': Skill name must not be empty/ },
    { impl: skills, news: { name: "x".repeat(257) }, property: "name", reason: /longer than the API's limit of 256/ },
    { impl: skills, news: { name: " padded " }, property: "name", reason: /must not start or end with spaces/ },
    { impl: skills, news: { name: "Ok", colour: "red" }, property: "", reason: /unknown property 'colour': remove it/ },
    {
      impl: skills,
      news: { name: "Ok", division: "Nowhere" },
      property: "division",
      reason: /division 'Nowhere' does not exist in the target org/,
    },
    { impl: codes, news: { name: "Ok", description: 7 }, property: "description", reason: /Wrap-up code 'Ok'/ },
  ];
  for (const c of cases) {
    const res = await c.impl().check({}, c.news);
    assert.equal(res.failures?.length, 1, JSON.stringify(res.failures));
    assert.equal(res.failures![0]!.property, c.property);
    assert.match(res.failures![0]!.reason, c.reason);
  }
  assert.deepEqual((await skills().check({}, { name: "Fine", division: "Sales" })).failures, []);
  assert.deepEqual(
    (await skills().check({}, { name: UNKNOWN, division: UNKNOWN })).failures?.length,
    0,
    "unknowns pass at preview",
  );
});

test("the target org failing during check is a check failure (no stack trace); a 403 on write names the object and the permission", async () => {
  const faults = (rules: unknown[]) =>
    fetch(`${emu.url}/__emulator/faults`, {
      method: "PUT",
      body: JSON.stringify(rules),
      headers: { "Content-Type": "application/json" },
    });
  try {
    // Languages: no other test has listed (and so cached) them in this process.
    await faults([{ org: "target", method: "GET", path: "^/api/v2/routing/languages", status: 503, retryAfter: 0 }]);
    const res = await impl("genesyscloud:routing:Language").check({}, { name: "Klingon" });
    assert.equal(res.failures?.length, 1);
    assert.match(
      res.failures![0]!.reason,
      /GET \/api\/v2\/routing\/languages failed: HTTP 503 .*Genesys Cloud kept failing for \d+(\.\d)? s, \d+ attempts/,
    );
    await faults([
      { org: "target", method: "POST", path: "^/api/v2/routing/skills$", status: 403, code: "missing.permissions" },
    ]);
    await assert.rejects(skills().create({ name: "Klingon" }), (err: Error) => {
      assert.match(
        err.message,
        /^Skill 'Klingon': the OAuth client is not allowed to create it in the home division \(HTTP 403 missing.permissions on POST \/api\/v2\/routing\/skills\)\. Grant the client's role/,
      );
      assert.doesNotMatch(err.stack ?? "", /\n\s+at /, "no stack frames");
      return true;
    });
  } finally {
    await faults([]);
  }
});

test("skill: create in a named division, read back, move division, replace on rename, delete", async () => {
  const created = await skills().create({ name: "Mandarin", division: "Sales" });
  assert.equal(created.outs.division, "Sales");
  const read = await skills().read(created.id, created.outs);
  assert.deepEqual(read.props, created.outs);

  const moved = { name: "Mandarin", division: "Billing" };
  const diff = await skills().diff(created.id, created.outs, moved);
  assert.deepEqual(diff, { changes: true, replaces: [] });
  const updated = await skills().update(created.id, created.outs, moved);
  assert.equal((await skills().read(created.id, updated.outs!)).props!.division, "Billing");

  assert.deepEqual(await skills().diff(created.id, updated.outs, { name: "Cantonese", division: "Billing" }), {
    changes: true,
    replaces: ["name"],
  });
  assert.deepEqual(await skills().diff(created.id, updated.outs, moved), { changes: false, replaces: [] });

  await skills().delete(created.id, updated.outs);
  assert.deepEqual(await skills().read(created.id, updated.outs), {}, "a deleted skill leaves state on refresh");
  await skills().delete(created.id, updated.outs); // already gone: fine
});

test("skill: a name taken in the target is one clear error, worded alike at create and at preview", async () => {
  await skills().create({ name: "Tagalog" });
  await assert.rejects(
    skills().create({ name: "Tagalog" }),
    /Skill 'Tagalog' already exists in the target org \(id [0-9a-f-]+\). Choose: adopt it \(`pulumi config set genesys-clone:onConflict adopt`/,
  );
  const check = await skills().check({}, { name: "Tagalog" });
  assert.match(
    check.failures![0]!.reason,
    /Skill 'Tagalog' already exists in the target org \(id [0-9a-f-]+\). Choose: adopt it/,
  );
  assert.deepEqual(
    (await skills().check({ name: "Tagalog" }, { name: "Tagalog" })).failures,
    [],
    "a resource already in state is not a conflict",
  );
});

test("wrap-up code: home division by default, update in place, drift read back, delete", async () => {
  const created = await codes().create({ name: "Left Voicemail", description: "left a message" });
  assert.equal(created.outs.division, undefined);
  const renamed = { name: "Voicemail Left", description: "left a message" };
  assert.deepEqual(await codes().diff(created.id, created.outs, renamed), { changes: true, replaces: [] });
  const updated = await codes().update(created.id, created.outs, renamed);
  const read = await codes().read(created.id, updated.outs!);
  assert.deepEqual(read.props, { name: "Voicemail Left", description: "left a message" });
  await codes().delete(created.id, updated.outs!);
  assert.deepEqual(await codes().read(created.id, updated.outs!), {});
});

test('division: created and renamed without a description (the body carries description "", which AuthzDivision requires), deleted', async () => {
  const divisions = () => impl("genesyscloud:auth:Division");
  const created = await divisions().create({ name: "Outsourcing" });
  assert.deepEqual(created.outs, { name: "Outsourcing" });
  const renamed = { name: "Outsourced Care" };
  const updated = await divisions().update(created.id, created.outs, renamed);
  assert.deepEqual((await divisions().read(created.id, updated.outs!)).props, { name: "Outsourced Care" });
  const described = await divisions().update(created.id, updated.outs!, {
    name: "Outsourced Care",
    description: "BPO partners",
  });
  assert.deepEqual((await divisions().read(created.id, described.outs!)).props, {
    name: "Outsourced Care",
    description: "BPO partners",
  });
  await divisions().delete(created.id, described.outs!);
  assert.deepEqual(await divisions().read(created.id, described.outs!), {});
});

test("create in a division the OAuth client's role lacks: one error naming the object, the division and the fix", async () => {
  const settings = async (body: unknown) => {
    const r = await fetch(`${emu.url}/__emulator/orgs/target/settings`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    assert.equal(r.status, 200);
  };
  await settings({ grantedDivisions: ["Sales"] });
  try {
    await assert.rejects(codes().create({ name: "Escalated", division: "Billing" }), (err: Error) => {
      assert.match(
        err.message,
        /^Wrap-up code 'Escalated': the OAuth client is not allowed to create it in division 'Billing' \(HTTP 403 missing\.permissions on POST \/api\/v2\/routing\/wrapupcodes\)\. /,
      );
      assert.match(
        err.message,
        /Grant the client's role the permission to create this type in the target org, with division 'Billing' \(or all divisions\) in that permission's division scope/,
      );
      assert.match(
        err.message,
        /The API said: You are not authorized to perform the requested action in division Billing\.$/,
      );
      return true;
    });
    await assert.rejects(
      skills().create({ name: "Escalations" }),
      /Skill 'Escalations': the OAuth client is not allowed to create it in the home division .*\(or all divisions\)/,
    );
    const ok = await codes().create({ name: "Escalated", division: "Sales" });
    await codes().delete(ok.id, ok.outs);
  } finally {
    await settings({ grantedDivisions: null });
  }
});

test("trunk create in a division the OAuth client's role lacks: the 403 names the trunk, the division and the fix", async () => {
  const settings = async (body: unknown) => {
    const r = await fetch(`${emu.url}/__emulator/orgs/target/settings`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    assert.equal(r.status, 200);
  };
  await settings({ grantedDivisions: ["Sales"] });
  try {
    const trunks = impl("genesyscloud:telephony:Trunk");
    await assert.rejects(
      trunks.create({
        name: "EU Carrier",
        division: "Billing",
        trunkMetabaseId: "external_sip_pcv_byoc_carrier.json",
        inboundSite: "EU West Site",
      }),
      /^GenesysForbiddenError: Trunk 'EU Carrier': the OAuth client is not allowed to create it in division 'Billing' \(HTTP 403 missing\.permissions on POST \/api\/v2\/telephony\/providers\/edges\/trunkbasesettings\)\. Grant the client's role the permission to create this type in the target org, with division 'Billing' \(or all divisions\)/,
    );
  } finally {
    await settings({ grantedDivisions: null });
  }
});

test("trunk: a create whose answer was lost is taken over, not made twice, and then awaited", async () => {
  const faults = (rules: unknown[]) =>
    fetch(`${emu.url}/__emulator/faults`, {
      method: "PUT",
      body: JSON.stringify(rules),
      headers: { "Content-Type": "application/json" },
    });
  const trunks = impl("genesyscloud:telephony:Trunk");
  const inputs = {
    name: "Lost Answer Trunk",
    trunkMetabaseId: "external_sip_pcv_byoc_carrier.json",
    trunkType: "EXTERNAL",
    inboundSite: "EU West Site",
    sipServers: ["sip1.lost.example.com:5061"],
    properties: { trunk_sip_termination_uri: "lost-answer" },
    credentials: { username: "lost-user", password: "lost-password-Zq7" },
    waitForConnection: { timeoutSeconds: 30, required: true },
  };
  await faults([
    {
      org: "target",
      method: "POST",
      path: "^/api/v2/telephony/providers/edges/trunkbasesettings$",
      dropAfter: true,
      times: 1,
    },
  ]);
  try {
    const made = await trunks.create(inputs);
    const state = (await (await fetch(`${emu.url}/__emulator/state?org=target`)).json()) as {
      trunkbasesettings: { id: string; name: string; state: string }[];
    };
    const live = state.trunkbasesettings.filter((t) => t.name === inputs.name && t.state !== "deleted");
    assert.deepEqual(
      live.map((t) => t.id),
      [made.id],
      "one trunk base, the one created",
    );
    assert.equal((made.outs as { connected?: boolean }).connected, true, "then awaited until connected");
    await trunks.delete(made.id, made.outs);
  } finally {
    await faults([]);
  }
});

test("queue: create then codes resumes at the failed step, nothing twice (lost create answer, code assignment failing)", async () => {
  const faults = (rules: unknown[]) =>
    fetch(`${emu.url}/__emulator/faults`, {
      method: "PUT",
      body: JSON.stringify(rules),
      headers: { "Content-Type": "application/json" },
    });
  const queues = impl("genesyscloud:routing:Queue");
  const code = await codes().create({ name: "Resumed Code" });
  await faults([
    { org: "target", method: "POST", path: "^/api/v2/routing/queues$", dropAfter: true, times: 1 },
    { org: "target", method: "POST", path: "^/api/v2/routing/queues/[^/]+/wrapupcodes$", status: 503, times: 2 },
  ]);
  try {
    const made = await queues.create({ name: "Resumed Queue", wrapupCodes: [code.id] });
    const state = (await (await fetch(`${emu.url}/__emulator/state?org=target`)).json()) as {
      queues: { id: string; name: string; wrapupCodes: string[] }[];
    };
    const live = state.queues.filter((q) => q.name === "Resumed Queue");
    assert.deepEqual(
      live.map((q) => [q.id, q.wrapupCodes]),
      [[made.id, [code.id]]],
      "one queue, with its code",
    );
    await queues.delete(made.id, made.outs);
  } finally {
    await faults([]);
    await codes().delete(code.id, code.outs);
  }
});
