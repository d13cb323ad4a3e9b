import assert from "node:assert/strict";
import { test } from "node:test";
import type { GenesysClient } from "@genesys-clone/provider/dist/client";
import { divisionsApi } from "@genesys-clone/provider/dist/resources/auth-division/api";
import { flowsApi } from "@genesys-clone/provider/dist/resources/architect-flow/api";
import { schedulesApi } from "@genesys-clone/provider/dist/resources/architect-schedule/api";
import { scheduleGroupsApi } from "@genesys-clone/provider/dist/resources/architect-schedulegroup/api";
import { languagesApi } from "@genesys-clone/provider/dist/resources/routing-language/api";
import { queuesApi } from "@genesys-clone/provider/dist/resources/routing-queue/api";
import { skillsApi } from "@genesys-clone/provider/dist/resources/routing-skill/api";
import { wrapupCodesApi } from "@genesys-clone/provider/dist/resources/routing-wrapupcode/api";

/** A client that records the page size each listing asks for and returns no entities. */
function recorder(): { client: GenesysClient; sizes: Map<string, number> } {
  const sizes = new Map<string, number>();
  const fake = {
    async listAll(path: string, _entity: unknown, opts: { pageSize: number }) {
      sizes.set(path, opts.pageSize);
      return [];
    },
  };
  return { client: fake as unknown as GenesysClient, sizes };
}

// The page size the official Terraform provider's proxy uses per endpoint (genesyscloud/<type>/*_proxy.go);
// no source proves a larger maximum for any of them.
const CASES: { what: string; list: (c: GenesysClient) => Promise<unknown>; path: string; pageSize: number }[] = [
  {
    what: "languages (TF routing_language proxy)",
    list: languagesApi.list,
    path: "/api/v2/routing/languages",
    pageSize: 100,
  },
  {
    what: "schedules (TF architect_schedules proxy)",
    list: schedulesApi.list,
    path: "/api/v2/architect/schedules",
    pageSize: 100,
  },
  {
    what: "schedule groups (TF architect_schedulegroups proxy)",
    list: scheduleGroupsApi.list,
    path: "/api/v2/architect/schedulegroups",
    pageSize: 100,
  },
  { what: "skills (TF routing_skill proxy)", list: skillsApi.list, path: "/api/v2/routing/skills", pageSize: 500 },
  { what: "queues (TF routing_queue proxy)", list: queuesApi.list, path: "/api/v2/routing/queues", pageSize: 500 },
  {
    what: "queue wrap-up codes (TF routing_queue proxy)",
    list: (c) => queuesApi.codes(c, "q1"),
    path: "/api/v2/routing/queues/q1/wrapupcodes",
    pageSize: 100,
  },
  {
    what: "wrap-up codes (TF routing_wrapupcode proxy)",
    list: wrapupCodesApi.list,
    path: "/api/v2/routing/wrapupcodes",
    pageSize: 100,
  },
  {
    what: "divisions (TF auth_division proxy)",
    list: divisionsApi.list,
    path: "/api/v2/authorization/divisions",
    pageSize: 100,
  },
  { what: "flows (TF architect_flow proxy)", list: flowsApi.list, path: "/api/v2/flows", pageSize: 500 },
];

test("listings ask for the page size the official clients use per endpoint", async () => {
  for (const c of CASES) {
    const { client, sizes } = recorder();
    await c.list(client);
    assert.equal(sizes.get(c.path), c.pageSize, c.what);
  }
});
