import { z } from "zod";
import {
  COLUMN_TYPES,
  type DataTableColumn,
  type DataTableInput,
  type DataTableRecord,
  type Row,
} from "../../state/architect/datatables";
import { invalidValue } from "../../state/errors";
import type { OrgStore } from "../../state/org-store";
import type { ApiContext, ApiRouter } from "../context";
import { param } from "../context";
import { parseBody, queryList, queryValue, withoutNulls } from "../http";
import { booleanParam, choiceParam } from "../params";
import { divisionRef, listing, pageRequest, paginate, type DivisionRef } from "../wire";
import type { Models, SdkRequest, SdkResponse } from "../sdk";

export const DATATABLES_PATH = "/api/v2/flows/datatables";
const MAX_PAGE_SIZE = 500;
const JSON_SCHEMA_DRAFT = "http://json-schema.org/draft-04/schema#";

/** One column as the JSON schema holds it (TF architect_datatable `Datatableproperty`). */
interface PropertyWire {
  $id: string;
  title?: string;
  type: string;
  displayOrder: number;
  default?: string | number | boolean;
}

interface JsonSchemaWire {
  $schema: string;
  type: "object";
  required: string[];
  properties: Record<string, PropertyWire>;
  // The real API also answers `additionalProperties: false` (what TF sends); the SDK types that field as an
  // object, so the emulator leaves it out rather than answer a shape the SDK's model does not allow.
}

export interface DataTableWire {
  id: string;
  name: string;
  division: DivisionRef;
  description?: string;
  schema?: JsonSchemaWire;
  selfUri: string;
}
type _DataTableWire = SdkResponse<Models.DataTable, DataTableWire>;

const propertySchema = z.object({
  type: z.enum(COLUMN_TYPES, { error: `type must be one of ${COLUMN_TYPES.join(", ")}` }),
  title: z.string().optional(),
  displayOrder: z.number().int().optional(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  $id: z.string().optional(),
});

/** `DataTable` as a request: a JSON schema document whose properties are the columns. */
const dataTableRequestSchema = z.object({
  name: z.string({ error: "name is required and must be a string" }),
  division: z.object({ id: z.string({ error: "division.id is required" }) }).optional(),
  description: z.string().optional(),
  schema: z.object(
    {
      $schema: z.string().optional(),
      type: z.literal("object", { error: "schema.type must be 'object'" }).optional(),
      required: z.array(z.string()).optional(),
      properties: z.record(z.string(), propertySchema, { error: "schema.properties is required" }),
    },
    { error: "schema is required: a data table needs at least the 'key' property" },
  ),
});
type _dataTableRequestSchema = SdkRequest<Models.DataTable, z.input<typeof dataTableRequestSchema>>;

function tableInput(ctx: ApiContext): DataTableInput {
  const body = parseBody(dataTableRequestSchema, withoutNulls(ctx.json()));
  const entries = Object.entries(body.schema.properties);
  // displayOrder orders the columns; without one, a column keeps its place in the document
  const columns: DataTableColumn[] = entries
    .map(([name, p], i) => ({ name, p, order: p.displayOrder ?? entries.length + i }))
    .sort((a, b) => a.order - b.order)
    .map(({ name, p }) => ({
      name,
      type: p.type,
      ...(p.title !== undefined ? { title: p.title } : {}),
      ...(p.default !== undefined ? { default: p.default } : {}),
    }));
  return { name: body.name, divisionId: body.division?.id, description: body.description, columns };
}

export function dataTableToWire(org: OrgStore, t: DataTableRecord, expandSchema: boolean): DataTableWire {
  const wire: DataTableWire = {
    id: t.id,
    name: t.name,
    division: divisionRef(org, t.divisionId),
    selfUri: `${DATATABLES_PATH}/${t.id}`,
  };
  if (t.description) wire.description = t.description;
  if (expandSchema)
    wire.schema = {
      $schema: JSON_SCHEMA_DRAFT,
      type: "object",
      required: ["key"],
      properties: Object.fromEntries(
        t.columns.map((c, i) => [
          c.name,
          {
            $id: `/properties/${c.name}`,
            ...(c.title !== undefined ? { title: c.title } : {}),
            type: c.type,
            displayOrder: i,
            ...(c.default !== undefined ? { default: c.default } : {}),
          },
        ]),
      ),
    };
  return wire;
}

/** The state dump's shape: the table with its schema and every row. */
export function dataTableToDump(org: OrgStore, t: DataTableRecord): DataTableWire & { rows: Row[] } {
  return { ...dataTableToWire(org, t, true), rows: org.architect.datatables.rows(t.id) };
}

const expandSchema = (ctx: ApiContext) => choiceParam(ctx.query, "expand", ["schema"] as const) === "schema";

function rowBody(ctx: ApiContext): Record<string, unknown> {
  const body = ctx.json();
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw invalidValue("body", "A row is a JSON object of property values, with its key in 'key'");
  return body as Record<string, unknown>;
}

/** `showbrief` (default true): rows as `{key}` only. */
const brief = (ctx: ApiContext, row: Row): Row =>
  booleanParam(ctx.query, "showbrief") === false ? row : { key: row.key! };

export function registerDataTableRoutes(router: ApiRouter): void {
  router.add("GET", DATATABLES_PATH, (ctx) => {
    const page = pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), MAX_PAGE_SIZE);
    choiceParam(ctx.query, "sortBy", ["id", "name"] as const);
    const all = ctx.org.architect.datatables.list({
      name: queryValue(ctx.query, "name"),
      divisionIds: queryList(ctx.query, "divisionId"),
    });
    const expand = expandSchema(ctx);
    return {
      status: 200,
      body: listing(
        DATATABLES_PATH,
        ctx.query,
        paginate(
          all.map((t) => dataTableToWire(ctx.org, t, expand)),
          page,
        ),
      ),
    };
  });

  router.add("POST", DATATABLES_PATH, (ctx) => ({
    status: 200,
    body: dataTableToWire(ctx.org, ctx.org.architect.datatables.create(tableInput(ctx)), true),
  }));

  router.add("GET", `${DATATABLES_PATH}/{datatableId}`, (ctx) => ({
    status: 200,
    body: dataTableToWire(ctx.org, ctx.org.architect.datatables.get(param(ctx, "datatableId")), expandSchema(ctx)),
  }));

  router.add("PUT", `${DATATABLES_PATH}/{datatableId}`, (ctx) => {
    const id = param(ctx, "datatableId");
    ctx.org.architect.datatables.get(id); // 404 before validating the body
    return {
      status: 200,
      body: dataTableToWire(ctx.org, ctx.org.architect.datatables.replace(id, tableInput(ctx)), true),
    };
  });

  router.add("DELETE", `${DATATABLES_PATH}/{datatableId}`, (ctx) => {
    ctx.org.architect.datatables.remove(param(ctx, "datatableId"), booleanParam(ctx.query, "force") === true);
    return { status: 204 };
  });

  router.add("GET", `${DATATABLES_PATH}/{datatableId}/rows`, (ctx) => {
    const page = pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), MAX_PAGE_SIZE);
    const id = param(ctx, "datatableId");
    const rows = ctx.org.architect.datatables.rows(id).map((r) => brief(ctx, r));
    return { status: 200, body: listing(`${DATATABLES_PATH}/${id}/rows`, ctx.query, paginate(rows, page)) };
  });

  router.add("POST", `${DATATABLES_PATH}/{datatableId}/rows`, (ctx) => ({
    status: 200,
    body: ctx.org.architect.datatables.createRow(param(ctx, "datatableId"), rowBody(ctx)),
  }));

  router.add("GET", `${DATATABLES_PATH}/{datatableId}/rows/{rowId}`, (ctx) => ({
    status: 200,
    body: brief(ctx, ctx.org.architect.datatables.row(param(ctx, "datatableId"), param(ctx, "rowId"))),
  }));

  router.add("PUT", `${DATATABLES_PATH}/{datatableId}/rows/{rowId}`, (ctx) => ({
    status: 200,
    body: ctx.org.architect.datatables.replaceRow(param(ctx, "datatableId"), param(ctx, "rowId"), rowBody(ctx)),
  }));

  router.add("DELETE", `${DATATABLES_PATH}/{datatableId}/rows/{rowId}`, (ctx) => {
    ctx.org.architect.datatables.removeRow(param(ctx, "datatableId"), param(ctx, "rowId"));
    return { status: 204 };
  });
}
