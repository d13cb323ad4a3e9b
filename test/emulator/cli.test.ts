import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { test } from "node:test";
import { obj } from "./helpers";

const MAIN = require.resolve("@genesys-clone/emulator/dist/main.js");

test("CLI prints exactly one JSON line, serves, and exits 0 on SIGTERM", async () => {
  const child = spawn(process.execPath, [MAIN, "--seed", "sample", "--port", "0", "--rate-limit", "50"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  while (!stdout.includes("\n")) {
    await Promise.race([
      once(child.stdout, "data"),
      once(child, "exit").then(() => {
        throw new Error(`CLI exited early: ${stderr}`);
      }),
    ]);
  }
  const info = obj(JSON.parse(stdout.trim()) as unknown);
  assert.deepEqual(Object.keys(info), ["url", "orgs"]);
  const orgs = info["orgs"];
  assert.ok(Array.isArray(orgs));
  const source = obj(orgs[0]);
  assert.deepEqual(Object.keys(source), ["name", "region", "loginBaseUrl", "apiBaseUrl", "clientId", "clientSecret"]);

  const tok = await fetch(`${String(source["loginBaseUrl"])}/oauth/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${String(source["clientId"])}:${String(source["clientSecret"])}`).toString("base64")}`,
    },
    body: "grant_type=client_credentials",
  });
  const token = String(obj(await tok.json())["access_token"]);
  const me = await fetch(`${String(source["apiBaseUrl"])}/api/v2/organizations/me`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(me.status, 200);
  assert.equal(me.headers.get("inin-ratelimit-allowed"), "50");

  child.kill("SIGTERM");
  const [code] = (await once(child, "exit")) as [number | null];
  assert.equal(code, 0);
  assert.equal(stdout.trim().split("\n").length, 1);
  assert.ok(!stderr.includes(String(source["clientSecret"])));
  assert.ok(!stderr.includes(token));
});

test("CLI rejects an unknown seed", async () => {
  const child = spawn(process.execPath, [MAIN, "--seed", "galaxy"], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  assert.notEqual(code, 0);
  assert.equal(stdout, "");
});
