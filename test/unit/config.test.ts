import assert from "node:assert/strict";
import { test } from "node:test";
import { resolveEndpoints, REGION_DOMAINS } from "@genesys-clone/provider/dist/client";
import { resolveSettings } from "@genesys-clone/provider/dist/config";

test("all 18 public regions map to https://api.<domain> and https://login.<domain>", () => {
  assert.equal(Object.keys(REGION_DOMAINS).length, 18);
  assert.deepEqual(resolveEndpoints({ region: "eu-west-1" }), {
    apiBaseUrl: "https://api.mypurecloud.ie",
    loginBaseUrl: "https://login.mypurecloud.ie",
  });
  assert.deepEqual(resolveEndpoints({ region: "ap-southeast-2" }).apiBaseUrl, "https://api.mypurecloud.com.au");
});

test("base URL overrides win over the region; an api.* override derives login.*", () => {
  assert.deepEqual(
    resolveEndpoints({
      region: "us-east-1",
      apiBaseUrl: "http://127.0.0.1:9/orgs/a/api/",
      loginBaseUrl: "http://127.0.0.1:9/orgs/a/login",
    }),
    {
      apiBaseUrl: "http://127.0.0.1:9/orgs/a/api",
      loginBaseUrl: "http://127.0.0.1:9/orgs/a/login",
    },
  );
  assert.equal(resolveEndpoints({ apiBaseUrl: "https://api.example.test" }).loginBaseUrl, "https://login.example.test");
});

const env = {};
const config = (values: Record<string, string>) => (key: string) => values[key];
const good = {
  "genesyscloud:region": "eu-west-1",
  "genesyscloud:oauthClientId": "id",
  "genesyscloud:oauthClientSecret": "s3cret-value",
};

test("resolveSettings: one clear error per bad setting, naming the fix", () => {
  const cases: { name: string; values: Record<string, string>; message: RegExp }[] = [
    {
      name: "unknown region",
      values: { ...good, "genesyscloud:region": "eu-west-9" },
      message: /Unknown Genesys Cloud region 'eu-west-9'.*genesyscloud:region/,
    },
    {
      name: "no region",
      values: { ...good, "genesyscloud:region": "" },
      message: /No Genesys Cloud region configured: set genesyscloud:region/,
    },
    {
      name: "missing secret",
      values: { ...good, "genesyscloud:oauthClientSecret": "" },
      message: /pulumi config set --secret genesyscloud:oauthClientSecret/,
    },
    {
      name: "missing id",
      values: { ...good, "genesyscloud:oauthClientId": "" },
      message: /pulumi config set genesyscloud:oauthClientId/,
    },
    {
      name: "bad URL",
      values: { ...good, "genesyscloud:apiBaseUrl": "api.example" },
      message: /genesyscloud:apiBaseUrl 'api.example' is not an http\(s\) URL/,
    },
    {
      name: "bad rate",
      values: { ...good, "genesyscloud:rateLimitPerMinute": "fast" },
      message: /rateLimitPerMinute 'fast' must be a whole number/,
    },
    {
      name: "bad Redis URL",
      values: { ...good, "genesyscloud:rateLimitRedisUrl": "http://redis:6379" },
      message:
        /genesyscloud:rateLimitRedisUrl \(or GENESYSCLOUD_RATE_LIMIT_REDIS_URL\) is not a redis:\/\/ or rediss:\/\/ URL/,
    },
    {
      name: "bad retry deadline",
      values: { ...good, "genesyscloud:retryDeadlineSeconds": "0.5" },
      message: /genesyscloud:retryDeadlineSeconds '0.5' must be a number of seconds, at least 1 \(default 300\)/,
    },
    {
      name: "Redis URL without a host",
      values: { ...good, "genesyscloud:rateLimitRedisUrl": "redis:6379" },
      message: /rateLimitRedisUrl .* is not a redis:\/\//,
    },
  ];
  for (const c of cases) {
    assert.throws(() => resolveSettings(config(c.values), env), c.message, c.name);
  }
});

test("resolveSettings falls back to the Terraform provider's environment variables", () => {
  const s = resolveSettings(() => undefined, {
    GENESYSCLOUD_REGION: "us-east-1",
    GENESYSCLOUD_OAUTHCLIENT_ID: "env-id",
    GENESYSCLOUD_OAUTHCLIENT_SECRET: "env-secret",
  });
  assert.equal(s.region, "us-east-1");
  assert.equal(s.clientId, "env-id");
  assert.equal(s.clientSecret, "env-secret");
  assert.equal(
    resolveSettings(() => undefined, {
      GENESYSCLOUD_REGION: "us-east-1",
      GENESYSCLOUD_OAUTHCLIENT_ID: "i",
      GENESYSCLOUD_OAUTHCLIENT_SECRET: "s",
      GENESYSCLOUD_RETRY_DEADLINE_SECONDS: "90",
    }).retryDeadlineMs,
    90_000,
  );
});

test("stack config wins over the environment", () => {
  const s = resolveSettings(config(good), { GENESYSCLOUD_REGION: "us-east-1", GENESYSCLOUD_OAUTHCLIENT_ID: "env-id" });
  assert.equal(s.region, "eu-west-1");
  assert.equal(s.clientId, "id");
});

test("the shared budget's Redis URL: from config or GENESYSCLOUD_RATE_LIMIT_REDIS_URL, never echoed when wrong", () => {
  assert.equal(resolveSettings(config(good), env).rateLimitRedisUrl, undefined, "off by default");
  assert.equal(
    resolveSettings(config(good), { GENESYSCLOUD_RATE_LIMIT_REDIS_URL: "redis://cache:6379" }).rateLimitRedisUrl,
    "redis://cache:6379",
  );
  assert.equal(
    resolveSettings(config({ ...good, "genesyscloud:rateLimitRedisUrl": "rediss://:pw@cache:6380/2" }), {
      GENESYSCLOUD_RATE_LIMIT_REDIS_URL: "redis://other",
    }).rateLimitRedisUrl,
    "rediss://:pw@cache:6380/2",
  );
  assert.throws(
    () => resolveSettings(config({ ...good, "genesyscloud:rateLimitRedisUrl": "https://:hunter2@cache" }), env),
    (err: Error) => !err.message.includes("hunter2"),
  );
});
