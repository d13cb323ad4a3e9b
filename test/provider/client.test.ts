import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { startEmulator, type OrgInfo, type RunningEmulator } from "@genesys-clone/emulator";
import { GenesysClient, GenesysError } from "@genesys-clone/provider/dist/client";
import { HttpClient } from "@genesys-clone/provider/dist/client/http";
import { z } from "zod";

// The client against an in-process emulator: tokens, paging, retries, typed and redacted errors.
let emu: RunningEmulator;
let source: OrgInfo;

const control = (path: string, method = "GET", body?: unknown) =>
  fetch(`${emu.url}/__emulator${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });

const stats = async () =>
  (
    (await (await control("/stats?org=source")).json()) as {
      orgs: { rateLimited: number; tokenGrants: number; total: number; faultsInjected?: number }[];
    }
  ).orgs[0]!;

function client(
  overrides: Partial<{ clientSecret: string; timeoutMs: number; retryDeadlineMs: number }> = {},
): GenesysClient {
  return new GenesysClient({
    apiBaseUrl: source.apiBaseUrl,
    loginBaseUrl: source.loginBaseUrl,
    clientId: source.clientId,
    clientSecret: overrides.clientSecret ?? source.clientSecret,
    timeoutMs: overrides.timeoutMs,
    retryDeadlineMs: overrides.retryDeadlineMs,
  });
}
const Skill = z.object({ id: z.string(), name: z.string() });

before(async () => {
  emu = await startEmulator({ seed: "sample" });
  source = emu.orgs.find((o) => o.name === "source")!;
});
beforeEach(async () => {
  await control("/reset", "POST", {});
});
after(async () => emu.close());

test("one token serves many calls; listAll walks every page", async () => {
  const c = client();
  const all = await c.listAll("/api/v2/routing/skills", Skill, { pageSize: 7 });
  assert.equal(all.length, 31); // 30 active + 1 soft-deleted, as the real listing may return
  assert.equal(new Set(all.map((s) => s.id)).size, 31);
  const s = await stats();
  assert.equal(s.tokenGrants, 1);
  assert.equal(s.total, 1 + 5); // token + ceil(31/7) pages
});

test("429 with Retry-After: the client waits and succeeds, counting the 429", async () => {
  await control("/faults", "PUT", [
    { path: "^/api/v2/routing/skills$", method: "GET", status: 429, retryAfter: 1, times: 2 },
  ]);
  const c = client();
  const all = await c.listAll("/api/v2/routing/skills", Skill, { pageSize: 100 });
  assert.equal(all.length, 31);
  assert.equal(c.http.stats.rateLimited, 2);
});

test("5xx and dropped connections are retried", async () => {
  await control("/faults", "PUT", [
    { path: "^/api/v2/routing/wrapupcodes$", method: "GET", status: 503, times: 2 },
    { path: "^/api/v2/authorization/divisions$", drop: true, times: 1 },
  ]);
  const c = client();
  assert.equal((await c.listAll("/api/v2/routing/wrapupcodes", Skill, { pageSize: 100 })).length, 30);
  assert.equal((await c.listAll("/api/v2/authorization/divisions", Skill, { pageSize: 100 })).length, 4);
});

test("a revoked token is replaced once, transparently", async () => {
  const c = client();
  await c.request({ method: "GET", path: "/api/v2/organizations/me", schema: z.object({ id: z.string() }) });
  await control("/orgs/source/tokens/revoke", "POST", {});
  await c.request({ method: "GET", path: "/api/v2/organizations/me", schema: z.object({ id: z.string() }) });
  assert.equal((await stats()).tokenGrants, 2);
});

test("when retrying does not help, the error says how long it tried and what to do: 429 and 5xx until the deadline, 401 with a fresh token, no answer", async () => {
  const me = { method: "GET" as const, path: "/api/v2/organizations/me", schema: z.object({ id: z.string() }) };
  const cases: { rules: unknown[]; kind: string; message: RegExp }[] = [
    {
      rules: [{ path: "^/api/v2/", status: 429, retryAfter: 0 }],
      kind: "RateLimited",
      message:
        /HTTP 429 .*Still rate limited after \d+(\.\d)? s, \d+ attempts: .*raise genesyscloud:retryDeadlineSeconds, or lower genesyscloud:rateLimitPerMinute/,
    },
    {
      rules: [{ path: "^/api/v2/", status: 429, retryAfter: 86400 }],
      kind: "RateLimited",
      message:
        /HTTP 429 .*The org asks to wait 86400 s, longer than genesyscloud:retryDeadlineSeconds \(2 s\) allows .*run the command again later/,
    },
    {
      rules: [{ path: "^/api/v2/", status: 503, retryAfter: 0 }],
      kind: "Server",
      message:
        /HTTP 503 .*Genesys Cloud kept failing for \d+(\.\d)? s, \d+ attempts \(genesyscloud:retryDeadlineSeconds\): .*run the command again later/,
    },
    {
      rules: [{ path: "^/api/v2/", status: 401 }],
      kind: "Auth",
      message: /HTTP 401 .*A freshly minted token was rejected too: .*genesyscloud:oauthClientId/,
    },
  ];
  for (const c of cases) {
    await control("/faults", "PUT", c.rules);
    await assert.rejects(client({ retryDeadlineMs: 2000 }).request(me), (err: unknown) => {
      assert.ok(err instanceof GenesysError);
      assert.equal(err.kind, c.kind);
      assert.match(err.message, c.message);
      return true;
    });
  }
  // Answers, then drops: the message says the server answered, not to check the network.
  await control("/faults", "PUT", [
    { path: "^/api/v2/", status: 503, times: 2 },
    { path: "^/api/v2/", drop: true },
  ]);
  await assert.rejects(client({ retryDeadlineMs: 2000 }).request(me), (err: Error) => {
    assert.match(
      err.message,
      /Gave up after \d+(\.\d)? s, \d+ attempts \(genesyscloud:retryDeadlineSeconds\); the server answered \d+ of them with errors/,
    );
    assert.doesNotMatch(err.message, /check genesyscloud:region/);
    return true;
  });
  await control("/faults", "DELETE");
  const governor = client().governor;
  // Nothing listens there: a few attempts, not the whole (default) deadline.
  const dead = new HttpClient(
    { apiBaseUrl: "http://127.0.0.1:9/api", timeoutMs: 1000, retryDeadlineMs: 300_000 },
    governor,
  );
  await assert.rejects(
    dead.request(me),
    /ECONNREFUSED\. No answer in \d+(\.\d)? s, 3 attempts \(genesyscloud:retryDeadlineSeconds\): check genesyscloud:region, or genesyscloud:apiBaseUrl/,
  );
});

test("typed errors: 404 NotFound, 409 Conflict, 400 Validation, each with method, path and correlation id", async () => {
  const c = client();
  const cases: { req: Parameters<GenesysClient["request"]>[0]; kind: string; status: number }[] = [
    {
      req: { method: "GET", path: "/api/v2/routing/skills/00000000-0000-0000-0000-000000000000" },
      kind: "NotFound",
      status: 404,
    },
    {
      req: { method: "POST", path: "/api/v2/routing/skills", body: { name: "English" } },
      kind: "Conflict",
      status: 409,
    },
    {
      req: { method: "POST", path: "/api/v2/routing/wrapupcodes", body: { name: "" } },
      kind: "Validation",
      status: 400,
    },
  ];
  for (const { req, kind, status } of cases) {
    await assert.rejects(c.request(req), (err: unknown) => {
      assert.ok(err instanceof GenesysError);
      assert.equal(err.kind, kind);
      assert.equal(err.status, status);
      assert.match(err.message, new RegExp(`^${req.method} ${req.path.replace(/[/]/g, "\\/")} failed: HTTP ${status}`));
      assert.match(err.message, /correlation id [0-9a-f-]{36}/);
      return true;
    });
  }
});

test("wrong secret: an Auth error naming the fix, without the secret", async () => {
  const secret = "definitely-wrong-secret-value";
  await assert.rejects(
    client({ clientSecret: secret }).request({ method: "GET", path: "/api/v2/organizations/me" }),
    (err: unknown) => {
      assert.ok(err instanceof GenesysError);
      assert.equal(err.kind, "Auth");
      assert.match(err.message, /pulumi config set --secret genesyscloud:oauthClientSecret/);
      assert.ok(!err.message.includes(secret));
      assert.ok(!JSON.stringify(err).includes(secret));
      return true;
    },
  );
});

test("a response slower than the timeout is retried; a malformed body is a clear error", async () => {
  await control("/faults", "PUT", [{ path: "^/api/v2/organizations/me$", latencyMs: 400, times: 1 }]);
  const c = client({ timeoutMs: 150 });
  const me = await c.request({ method: "GET", path: "/api/v2/organizations/me", schema: z.object({ id: z.string() }) });
  assert.ok(me.id);
  await assert.rejects(
    c.request({ method: "GET", path: "/api/v2/organizations/me", schema: z.object({ entities: z.array(z.string()) }) }),
    /returned a body this tool does not understand \(entities: /,
  );
});

test("a presigned transfer sends exactly the job's headers (no Content-Type or Accept of its own) and retries S3's 5xx and drops", async () => {
  const { createServer } = await import("node:http");
  const seen: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      seen.push({ headers: req.headers, body });
      if (seen.length === 1) {
        res.writeHead(503, { "Content-Type": "application/xml" });
        res.end("<Error><Code>SlowDown</Code></Error>");
      } else if (seen.length === 2) req.socket.destroy();
      else res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const port = (server.address() as { port: number }).port;
    const c = client({ retryDeadlineMs: 30_000 });
    // As the job returns them (lower case here): sent as given.
    const headers = { "content-type": "application/octet-stream", "x-amz-meta-origin": "job" };
    const res = await c.http.transfer({
      method: "PUT",
      url: `http://127.0.0.1:${port}/bucket/job?X-Amz-Signature=secret`,
      headers,
      data: "inboundCall:\n  name: X\n",
      what: "upload",
    });
    assert.equal(res.status, 200);
    assert.equal(seen.length, 3, "503, drop, then 200");
    const sent = { ...seen[2]!.headers };
    for (const transport of ["host", "content-length", "connection"]) delete sent[transport];
    assert.deepEqual(sent, { "content-type": "application/octet-stream", "x-amz-meta-origin": "job" });
    assert.equal(seen[2]!.body, "inboundCall:\n  name: X\n");
  } finally {
    server.close();
  }
});

test("flow publish resumes at its failed step: upload 5xx and lost answers on the same job, an expired URL gets a new job, polls ride out faults", async () => {
  const { flowsApi } = await import("@genesys-clone/provider/dist/resources/architect-flow/api");
  const jobs = async () =>
    ((await (await control("/stats?org=source")).json()) as { orgs: { requests: Record<string, number> }[] }).orgs[0]!
      .requests;
  const cases: { name: string; rules: unknown[]; settings?: Record<string, number>; jobs: number; uploads: number }[] =
    [
      {
        name: "upload 503 then dropped",
        rules: [
          { method: "PUT", path: "^/uploads/", status: 503, times: 1 },
          { method: "PUT", path: "^/uploads/", drop: true, times: 1 },
        ],
        jobs: 1,
        uploads: 3,
      },
      {
        name: "upload landed, answer lost",
        rules: [{ method: "PUT", path: "^/uploads/", dropAfter: true, times: 1 }],
        jobs: 1,
        uploads: 2,
      },
      {
        name: "URL expired while the upload waited",
        rules: [{ method: "PUT", path: "^/uploads/", latencyMs: 150, times: 1 }],
        settings: { presignedUrlTtlMs: 100 },
        jobs: 2,
        uploads: 2,
      },
      {
        name: "job polls answer 503 and drop",
        rules: [
          { method: "GET", path: "^/api/v2/flows/jobs/", status: 503, times: 2 },
          { method: "GET", path: "^/api/v2/flows/jobs/", drop: true, times: 1 },
        ],
        jobs: 1,
        uploads: 1,
      },
    ];
  for (const [i, k] of cases.entries()) {
    await control("/reset", "POST", {});
    if (k.settings) await control("/orgs/source/settings", "PUT", k.settings);
    await control("/faults", "PUT", k.rules);
    // A fresh client: reset revoked the last one's token, and its 401 would count as a request.
    const c = client({ retryDeadlineMs: 30_000 });
    const name = `Resumed ${i}`;
    const id = await flowsApi.publishYaml(
      c,
      `inboundCall:\n  name: ${name}\n  defaultLanguage: en-us\n  startUpRef: ./tasks/task[start]\n  tasks:\n    - task:\n        name: Start\n        refId: start\n        actions: []\n`,
      `Flow '${name}'`,
    );
    const requests = await jobs();
    assert.equal(requests["POST /api/v2/flows/jobs"], k.jobs, `${k.name}: jobs registered`);
    assert.equal(requests["PUT /uploads/{jobId}"], k.uploads, `${k.name}: uploads`);
    const flow = await flowsApi.get(c, id);
    assert.equal(flow?.name, name, k.name);
    assert.equal(flow?.publishedVersion?.id, "1.0", `${k.name}: published once`);
  }
});
