import { z } from "zod";
import { FLOW_TYPES, flowTypeOf, type FlowType } from "../../state/architect/archy";
import { ApiError, badRequest, invalidValue } from "../../state/errors";
import { UPLOAD_HEADERS, type ExportRequest } from "../../state/architect/flows";
import { pageRequest, paginate } from "../wire";
import type { ApiContext, ApiRouter } from "../context";
import { param } from "../context";
import {
  configurationToWire,
  FLOW_EXPORT_JOBS_PATH,
  FLOW_JOBS_PATH,
  flowToWire,
  flowVersionToWire,
  FLOWS_PATH,
  jobToWire,
  operationToWire,
} from "./flow-wire";
import { enumError, parseBody, queryList, queryValue, withoutNulls } from "../http";
import { booleanParam, sortOrderParam } from "../params";
import { downloadUrl, uploadUrl } from "./presigned";
import { listing } from "../wire";
import type { Models, SdkRequest } from "../sdk";

const MAX_PAGE_SIZE = 500;
const MAX_VERSIONS_PAGE_SIZE = 100;
const LOWER_TYPES = FLOW_TYPES.map((t) => t.toLowerCase());

/** `Flow` as a create request: name and type required; the rest of the entity is ignored. */
const createFlowSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
  type: z.string({ error: "type is required and must be a string" }),
  description: z.string().optional(),
  division: z.object({ id: z.string({ error: "division.id is required" }) }).optional(),
});
type _createFlowSchema = SdkRequest<Models.Flow, z.input<typeof createFlowSchema>>;

/** `RegisterArchitectExportJob`: `{flows: [{flow: {id} | {name, type}, and version?}, fileName?, exportType?}]}` (ExportDetails has no version of its own). */
const exportJobSchema = z.object({
  flows: z.array(
    z.object({
      flow: z.object({
        id: z.string().optional(),
        name: z.string().optional(),
        type: z.string().optional(),
        version: z.string().optional(),
      }),
      fileName: z.string().optional(),
      exportType: z.string().optional(),
    }),
  ),
});
type _exportJobSchema = SdkRequest<Models.RegisterArchitectExportJob, z.input<typeof exportJobSchema>>;

function bodyType(raw: string): FlowType {
  const t = flowTypeOf(raw);
  if (!t) throw enumError("type", raw, LOWER_TYPES);
  return t;
}

/** `type=inboundcall,inqueuecall` (any case, repeatable). */
function typesParam(ctx: ApiContext): FlowType[] {
  return queryList(ctx.query, "type").map((raw) => {
    const t = flowTypeOf(raw);
    if (!t)
      throw new ApiError(
        400,
        "invalid.query.param.value",
        `Invalid value for query parameter type: ${raw}. Allowable values are: ${LOWER_TYPES.join(", ")}`,
      );
    return t;
  });
}

/** The `flow` query parameter of `/flows/actions/*`. */
function flowParam(ctx: ApiContext): string {
  const id = queryValue(ctx.query, "flow");
  if (id === undefined || id === "")
    throw new ApiError(400, "invalid.query.param.value", "The query parameter flow is required: the id of the flow.");
  return id;
}

function expandsMessages(ctx: ApiContext): boolean {
  return queryList(ctx.query, "expand").includes("messages");
}

function exportRequest(ctx: ApiContext): ExportRequest {
  const body = parseBody(exportJobSchema, withoutNulls(ctx.json()));
  if (body.flows.length === 0) throw badRequest("An export job needs one flow in 'flows'.");
  if (body.flows.length > 1)
    throw badRequest(
      `The emulator exports one flow per job (got ${body.flows.length}): register one export job per flow.`,
    );
  const item = body.flows[0]!;
  if (item.exportType !== undefined && item.exportType.toLowerCase() !== "yaml") {
    throw enumError("flows[0].exportType", item.exportType, ["Yaml"]);
  }
  const version = item.flow.version;
  if (item.flow.id !== undefined && item.flow.id !== "") return { id: item.flow.id, version };
  if (item.flow.name === undefined || item.flow.type === undefined) {
    throw invalidValue("flows[0].flow", "Each exported flow needs flows[0].flow.id, or flows[0].flow.name and type");
  }
  return { name: item.flow.name, type: bodyType(item.flow.type), version };
}

export function registerFlowRoutes(router: ApiRouter): void {
  router.add("GET", FLOWS_PATH, (ctx) => {
    const page = pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), MAX_PAGE_SIZE);
    booleanParam(ctx.query, "deleted"); // deletes are hard: there is nothing more to include
    const all = ctx.org.architect.flows.listFlows({
      types: typesParam(ctx),
      name: queryValue(ctx.query, "name"),
      ids: queryList(ctx.query, "id"),
      divisionIds: queryList(ctx.query, "divisionId"),
      descending: sortOrderParam(ctx.query) === "descending",
    });
    return {
      status: 200,
      body: listing(
        FLOWS_PATH,
        ctx.query,
        paginate(
          all.map((f) => flowToWire(ctx.org, f)),
          page,
        ),
      ),
    };
  });

  router.add("POST", FLOWS_PATH, (ctx) => {
    const body = parseBody(createFlowSchema, withoutNulls(ctx.json()));
    const flow = ctx.org.architect.flows.createFlow({
      name: body.name,
      type: bodyType(body.type),
      description: body.description,
      divisionId: body.division?.id,
    });
    return { status: 200, body: flowToWire(ctx.org, flow) };
  });

  router.add("GET", `${FLOWS_PATH}/{flowId}`, (ctx) => ({
    status: 200,
    body: flowToWire(ctx.org, ctx.org.architect.flows.getFlow(param(ctx, "flowId"))),
  }));

  router.add("DELETE", `${FLOWS_PATH}/{flowId}`, (ctx) => {
    ctx.org.architect.flows.deleteFlow(param(ctx, "flowId"), ctx.client);
    return { status: 204 };
  });

  // ---- actions ----
  router.add("POST", `${FLOWS_PATH}/actions/checkout`, (ctx) => ({
    status: 200,
    body: flowToWire(ctx.org, ctx.org.architect.flows.checkout(flowParam(ctx), ctx.client)),
  }));
  router.add("POST", `${FLOWS_PATH}/actions/checkin`, (ctx) => ({
    status: 200,
    body: operationToWire(ctx.org, ctx.org.architect.flows.checkin(flowParam(ctx), ctx.client)),
  }));
  router.add("POST", `${FLOWS_PATH}/actions/unlock`, (ctx) => ({
    status: 200,
    body: flowToWire(ctx.org, ctx.org.architect.flows.unlock(flowParam(ctx))),
  }));
  router.add("POST", `${FLOWS_PATH}/actions/deactivate`, (ctx) => ({
    status: 200,
    body: flowToWire(ctx.org, ctx.org.architect.flows.deactivate(flowParam(ctx), ctx.client)),
  }));
  router.add("POST", `${FLOWS_PATH}/actions/publish`, (ctx) => ({
    status: 200,
    body: operationToWire(
      ctx.org,
      ctx.org.architect.flows.publish(flowParam(ctx), ctx.client, queryValue(ctx.query, "version")),
    ),
  }));

  // ---- versions and configuration ----
  router.add("GET", `${FLOWS_PATH}/{flowId}/versions`, (ctx) => {
    const id = param(ctx, "flowId");
    const page = pageRequest(
      queryValue(ctx.query, "pageSize"),
      queryValue(ctx.query, "pageNumber"),
      MAX_VERSIONS_PAGE_SIZE,
    );
    booleanParam(ctx.query, "deleted");
    const flow = ctx.org.architect.flows.getFlow(id);
    const versions = ctx.org.architect.flows.listVersions(id).map((v) => flowVersionToWire(ctx.org, flow, v));
    return { status: 200, body: listing(`${FLOWS_PATH}/${id}/versions`, ctx.query, paginate(versions, page)) };
  });

  router.add("GET", `${FLOWS_PATH}/{flowId}/versions/{versionId}`, (ctx) => {
    const id = param(ctx, "flowId");
    const v = ctx.org.architect.flows.getVersion(id, param(ctx, "versionId"));
    return { status: 200, body: flowVersionToWire(ctx.org, ctx.org.architect.flows.getFlow(id), v) };
  });

  router.add("GET", `${FLOWS_PATH}/{flowId}/versions/{versionId}/configuration`, (ctx) => {
    const id = param(ctx, "flowId");
    const v = ctx.org.architect.flows.getVersion(id, param(ctx, "versionId"));
    return { status: 200, body: configurationToWire(ctx.org.architect.flows.getFlow(id), v) };
  });

  router.add("GET", `${FLOWS_PATH}/{flowId}/latestconfiguration`, (ctx) => {
    const id = param(ctx, "flowId");
    booleanParam(ctx.query, "deleted");
    const flow = ctx.org.architect.flows.getFlow(id);
    return { status: 200, body: configurationToWire(flow, ctx.org.architect.flows.latestVersion(id)) };
  });

  // ---- Archy import jobs ----
  // The optional body (RegisterArchitectJobRequest) is not read: Terraform sends none.
  router.add("POST", FLOW_JOBS_PATH, (ctx) => {
    const job = ctx.org.architect.flows.registerImportJob(ctx.client);
    return {
      status: 200,
      body: {
        id: job.id,
        presignedUrl: uploadUrl(ctx.orgUrl, job.id, job.signature),
        headers: { ...UPLOAD_HEADERS },
        selfUri: `${FLOW_JOBS_PATH}/${job.id}`,
      } satisfies Models.RegisterArchitectJobResponse,
    };
  });

  router.add("GET", `${FLOW_JOBS_PATH}/{jobId}`, (ctx) => ({
    status: 200,
    body: jobToWire(
      ctx.org.architect.flows.getImportJob(param(ctx, "jobId")),
      "Publish",
      FLOW_JOBS_PATH,
      expandsMessages(ctx),
    ),
  }));

  // ---- export jobs ----
  router.add("POST", FLOW_EXPORT_JOBS_PATH, (ctx) => {
    const job = ctx.org.architect.flows.registerExportJob(exportRequest(ctx));
    return {
      status: 200,
      body: {
        id: job.id,
        status: "Started",
        totalFlows: 1,
        selfUri: `${FLOW_EXPORT_JOBS_PATH}/${job.id}`,
      } satisfies Models.RegisterArchitectExportJobResponse,
    };
  });

  router.add("GET", `${FLOW_EXPORT_JOBS_PATH}/{jobId}`, (ctx) => {
    const id = param(ctx, "jobId");
    const { signature, ...job } = ctx.org.architect.flows.getExportJob(id);
    const download = signature === undefined ? undefined : downloadUrl(ctx.orgUrl, id, signature);
    return { status: 200, body: jobToWire(job, "Export", FLOW_EXPORT_JOBS_PATH, expandsMessages(ctx), download) };
  });
}
