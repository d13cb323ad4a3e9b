import { z } from "zod";
import { ApiError } from "../../state/errors";
import { pageRequest, paginate } from "../wire";
import { findMetabase, METABASES, TRUNK_TYPES, type TrunkBaseInput } from "../../state/telephony/store";
import type { ApiContext, ApiRouter } from "../context";
import { param } from "../context";
import { parseBody, queryList, queryValue, withoutNulls } from "../http";
import { booleanParam, choiceParam } from "../params";
import { listing } from "../wire";
import {
  metabaseToWire,
  siteToWire,
  templateToWire,
  trunkBaseToWire,
  TRUNKBASES_PATH,
  trunkToWire,
  TRUNKS_PATH,
  SITES_PATH,
} from "./wire";
import type { Models, SdkRequest } from "../sdk";

const MAX_PAGE_SIZE = 100;

/** One property as sent: only `value.instance` is read (type, default, … are the server's). */
const propertySchema = z.looseObject({ value: z.looseObject({ instance: z.unknown().optional() }).optional() });

/** `TrunkBase` as a request; read-only fields (state, dates, selfUri) are ignored; `managed` is stored (Terraform sends it). */
const trunkBaseSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
  description: z.string().optional(),
  division: z.object({ id: z.string({ error: "division.id is required" }) }).optional(),
  version: z.number().int().optional(),
  trunkMetabase: z.object(
    { id: z.string({ error: "trunkMetabase.id is required" }) },
    { error: "trunkMetabase is required" },
  ),
  trunkType: z.enum(TRUNK_TYPES).optional(),
  properties: z.record(z.string(), propertySchema).optional(),
  managed: z.boolean({ error: "managed must be a boolean" }).optional(),
  site: z.object({ id: z.string({ error: "site.id is required" }) }).optional(),
  inboundSite: z.object({ id: z.string({ error: "inboundSite.id is required" }) }).optional(),
});
type _trunkBaseSchema = SdkRequest<Models.TrunkBase, z.input<typeof trunkBaseSchema>>;

function trunkBaseInput(ctx: ApiContext): TrunkBaseInput {
  const body = parseBody(trunkBaseSchema, withoutNulls(ctx.json()));
  const properties: Record<string, unknown> = {};
  for (const [key, p] of Object.entries(body.properties ?? {})) properties[key] = p.value?.instance;
  const input: TrunkBaseInput = { name: body.name, metabaseId: body.trunkMetabase.id, properties };
  if (body.description !== undefined) input.description = body.description;
  if (body.division !== undefined) input.divisionId = body.division.id;
  if (body.version !== undefined) input.version = body.version;
  if (body.trunkType !== undefined) input.trunkType = body.trunkType;
  if (body.managed !== undefined) input.managed = body.managed;
  if (body.site !== undefined) input.siteId = body.site.id;
  if (body.inboundSite !== undefined) input.inboundSiteId = body.inboundSite.id;
  return input;
}

function page(ctx: ApiContext) {
  return pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), MAX_PAGE_SIZE);
}

function masked(ctx: ApiContext): boolean {
  return ctx.org.settings.trunkPasswordMasked;
}

/** `ignoreHidden=true` (SDK getTelephonyProvidersEdgesTrunkbasesetting[s]) leaves internal properties out. */
function hidden(ctx: ApiContext): boolean {
  return ctx.org.settings.trunkHiddenProperties && booleanParam(ctx.query, "ignoreHidden") !== true;
}

export function registerTelephonyRoutes(router: ApiRouter): void {
  // ---- sites (read-only) ----
  router.add("GET", SITES_PATH, (ctx) => {
    const sites = ctx.org.telephony
      .listSites({ name: queryValue(ctx.query, "name") })
      .map((s) => siteToWire(ctx.org, s));
    return { status: 200, body: listing(SITES_PATH, ctx.query, paginate(sites, page(ctx))) };
  });
  router.add("GET", `${SITES_PATH}/{siteId}`, (ctx) => ({
    status: 200,
    body: siteToWire(ctx.org, ctx.org.telephony.getSite(param(ctx, "siteId"))),
  }));

  // ---- metabases and templates ----
  router.add("GET", `${TRUNKBASES_PATH}/availablemetabases`, (ctx) => {
    const type = choiceParam(ctx.query, "type", TRUNK_TYPES);
    const list = METABASES.filter((m) => type === undefined || m.type === type).map(metabaseToWire);
    return {
      status: 200,
      body: listing(`${TRUNKBASES_PATH}/availablemetabases`, ctx.query, paginate(list, page(ctx))),
    };
  });

  router.add("GET", `${TRUNKBASES_PATH}/template`, (ctx) => {
    const id = queryValue(ctx.query, "trunkMetabaseId");
    if (id === undefined || id === "")
      throw new ApiError(400, "invalid.query.param.value", "The query parameter trunkMetabaseId is required.");
    const metabase = findMetabase(id);
    if (!metabase) {
      throw new ApiError(
        400,
        "invalid.query.param.value",
        `Invalid value for query parameter trunkMetabaseId: ${id}. Allowable values are: ${METABASES.map((m) => m.id).join(", ")}`,
      );
    }
    return { status: 200, body: templateToWire(metabase) };
  });

  // ---- trunk base settings ----
  router.add("GET", TRUNKBASES_PATH, (ctx) => {
    const expand = queryList(ctx.query, "expand").includes("properties") && ctx.org.settings.trunkListingProperties;
    for (const name of ["recordingEnabled", "managed"]) booleanParam(ctx.query, name);
    const list = ctx.org.telephony
      .listTrunkBases({ name: queryValue(ctx.query, "name") })
      .map((tb) => trunkBaseToWire(ctx.org, tb, { properties: expand, mask: masked(ctx), hidden: hidden(ctx) }));
    return { status: 200, body: listing(TRUNKBASES_PATH, ctx.query, paginate(list, page(ctx))) };
  });

  router.add("POST", TRUNKBASES_PATH, (ctx) => ({
    status: 200,
    body: trunkBaseToWire(ctx.org, ctx.org.telephony.createTrunkBase(trunkBaseInput(ctx)), {
      properties: true,
      mask: masked(ctx),
      hidden: false,
    }),
  }));

  router.add("GET", `${TRUNKBASES_PATH}/{trunkBaseSettingsId}`, (ctx) => ({
    status: 200,
    body: trunkBaseToWire(ctx.org, ctx.org.telephony.getTrunkBase(param(ctx, "trunkBaseSettingsId")), {
      properties: true,
      mask: masked(ctx),
      hidden: hidden(ctx),
    }),
  }));

  router.add("PUT", `${TRUNKBASES_PATH}/{trunkBaseSettingsId}`, (ctx) => {
    const id = param(ctx, "trunkBaseSettingsId");
    ctx.org.telephony.getTrunkBase(id); // 404 before validating the body
    return {
      status: 200,
      body: trunkBaseToWire(ctx.org, ctx.org.telephony.replaceTrunkBase(id, trunkBaseInput(ctx)), {
        properties: true,
        mask: masked(ctx),
        hidden: false,
      }),
    };
  });

  router.add("DELETE", `${TRUNKBASES_PATH}/{trunkBaseSettingsId}`, (ctx) => {
    ctx.org.telephony.deleteTrunkBase(param(ctx, "trunkBaseSettingsId"));
    return { status: 204 };
  });

  // ---- trunks (instances, read-only) ----
  router.add("GET", TRUNKS_PATH, (ctx) => {
    const trunks = ctx.org.telephony
      .listTrunks({
        // The SDK sends its trunkBaseId option as `trunkBase.id` (TelephonyProvidersEdgeApi.js getTelephonyProvidersEdgesTrunks);
        // like the real API, an unknown parameter such as `trunkBaseId` is ignored: every trunk comes back.
        trunkBaseIds: queryList(ctx.query, "trunkBase.id"),
        trunkType: choiceParam(ctx.query, "trunkType", TRUNK_TYPES),
      })
      .map((t) => trunkToWire(ctx.org, t));
    return { status: 200, body: listing(TRUNKS_PATH, ctx.query, paginate(trunks, page(ctx))) };
  });

  router.add("GET", `${TRUNKS_PATH}/{trunkId}`, (ctx) => ({
    status: 200,
    body: trunkToWire(ctx.org, ctx.org.telephony.getTrunk(param(ctx, "trunkId"))),
  }));

  router.add("GET", `${TRUNKS_PATH}/{trunkId}/metrics`, (ctx) => {
    const t = trunkToWire(ctx.org, ctx.org.telephony.getTrunk(param(ctx, "trunkId")));
    return {
      status: 200,
      body: {
        eventTime: new Date(ctx.org.now()).toISOString(),
        trunk: { id: t.id, name: t.name, selfUri: t.selfUri },
        calls: { inboundCallCount: 0, outboundCallCount: 0 },
        qos: { mismatchCount: 0 },
      } satisfies Models.TrunkMetrics,
    };
  });
}
