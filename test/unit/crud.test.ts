import assert from "node:assert/strict";
import { test } from "node:test";
import { bodyDifferences, projectLike } from "@genesys-clone/provider/dist/resources/crud";

test("bodyDifferences: only what was sent is compared, field by field", () => {
  assert.deepEqual(
    bodyDifferences(
      { name: "a", acw: { prompt: "OPTIONAL" } },
      { name: "a", acw: { prompt: "OPTIONAL", timeoutMs: 5 }, extra: 1 },
    ),
    [],
  );
  assert.deepEqual(
    bodyDifferences({ name: "a", acw: { prompt: "MANDATORY" } }, { name: "a", acw: { prompt: "OPTIONAL" } }),
    ['acw.prompt: sent "MANDATORY", stored "OPTIONAL"'],
  );
  assert.deepEqual(bodyDifferences({ codes: ["x", "y"] }, { codes: ["x"] }), ['codes: sent ["x","y"], stored ["x"]']);
});

test("projectLike keeps the declared shape: API defaults for undeclared fields are not drift", () => {
  const stored = {
    name: "Q",
    skillEvaluationMethod: "ALL",
    mediaSettings: { call: { alertingTimeoutSeconds: 8, enableAutoAnswer: false } },
  };
  const declared = { name: "Q", mediaSettings: { call: { alertingTimeoutSeconds: 30 } } };
  assert.deepEqual(projectLike(stored, declared), {
    name: "Q",
    mediaSettings: { call: { alertingTimeoutSeconds: 8 } },
  });
  assert.deepEqual(
    projectLike({ name: "Q" }, { name: "Q", description: "gone" }),
    { name: "Q" },
    "a declared field the org dropped is missing: drift",
  );
});
