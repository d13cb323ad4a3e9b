import { z } from "zod";
import type { Models, SdkBody, SdkRead } from "../../sdk";
import { divisionField, nameSchema, onConflictField } from "../common";

export const RESOURCE_TYPE = "genesyscloud:architect:DataTable";
export const LABEL = "Data table";

/** Column types (TF architect_datatable properties.type: boolean | string | integer | number). */
export const PROPERTY_TYPES = ["string", "integer", "number", "boolean"] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

const cell = z.union([z.string(), z.number(), z.boolean()]);
export type Cell = z.infer<typeof cell>;

const Property = z
  .object({
    name: z.string().min(1, "a property needs a name"),
    type: z.enum(PROPERTY_TYPES, { error: `type must be one of ${PROPERTY_TYPES.join(", ")}` }),
    title: z.string().optional(),
    default: cell.optional(),
  })
  .strict();
export type Property = z.infer<typeof Property>;

export function fits(type: PropertyType, v: unknown): boolean {
  if (type === "string") return typeof v === "string";
  if (type === "boolean") return typeof v === "boolean";
  if (type === "integer") return typeof v === "number" && Number.isInteger(v);
  return typeof v === "number" && Number.isFinite(v);
}

export const DataTableArgs = z
  .object({
    name: nameSchema(LABEL, 256),
    division: divisionField,
    description: z.string().optional(),
    /** Columns in display order; `key` (a string) is the row key. Columns cannot be removed once added. */
    properties: z.array(Property).min(1, "properties needs at least the 'key' property (a string): the row key"),
    /**
     * Rows by key: each the values of the other columns. Absent: rows are not managed (the import's default;
     * `genesys-clone import --with-rows` writes them).
     */
    rows: z.record(z.string().min(1, "a row key must not be empty"), z.record(z.string(), cell)).optional(),
    onConflict: onConflictField,
  })
  .strict()
  .superRefine((args, ctx) => {
    const key = args.properties.find((p) => p.name === "key");
    if (!key || key.type !== "string")
      ctx.addIssue({
        code: "custom",
        path: ["properties"],
        message: "properties must have a property 'key' of type string: it is the row key",
      });
    const seen = new Set<string>();
    for (const p of args.properties) {
      if (seen.has(p.name))
        ctx.addIssue({ code: "custom", path: ["properties"], message: `property '${p.name}' is declared twice` });
      seen.add(p.name);
      if (p.default !== undefined && !fits(p.type, p.default))
        ctx.addIssue({
          code: "custom",
          path: ["properties"],
          message: `property '${p.name}': default ${JSON.stringify(p.default)} is not a ${p.type}`,
        });
    }
    const byName = new Map(args.properties.map((p) => [p.name, p]));
    for (const [k, row] of Object.entries(args.rows ?? {})) {
      for (const [col, v] of Object.entries(row)) {
        const p = byName.get(col);
        const problem =
          col === "key"
            ? "the key is the row's name in rows, not a value in it"
            : !p
              ? `'${col}' is not a property of the table`
              : !fits(p.type, v)
                ? `'${col}' must be a ${p.type}, not ${JSON.stringify(v)}`
                : undefined;
        if (problem)
          ctx.addIssue({ code: "custom", path: ["rows"], message: `rows[${JSON.stringify(k)}]: ${problem}` });
      }
    }
  });
export type DataTableArgs = z.infer<typeof DataTableArgs>;
export type Rows = NonNullable<DataTableArgs["rows"]>;

const WireProperty = z.object({
  type: z.string().optional(),
  title: z.string().nullish(),
  displayOrder: z.number().nullish(),
  default: cell.nullish(),
});

/** The wire shape (DataTable, with `expand=schema`): the columns are a JSON schema's properties. */
export const DataTable = z.object({
  id: z.string(),
  name: z.string(),
  division: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  description: z.string().nullish(),
  schema: z.object({ properties: z.record(z.string(), WireProperty).nullish() }).nullish(),
});
export type DataTable = z.infer<typeof DataTable>;
type _DataTable = SdkRead<Models.DataTable, DataTable>;

interface WirePropertyBody {
  $id: string;
  type: PropertyType;
  displayOrder: number;
  title?: string;
  default?: Cell;
}

export interface DataTableBody {
  name: string;
  division: { id: string };
  description?: string;
  schema: {
    $schema: string;
    type: "object";
    required: string[];
    properties: Record<string, WirePropertyBody>;
  };
}
type _DataTableBody = SdkBody<Models.DataTable, DataTableBody>;

/** Declared columns -> the JSON schema TF architect_datatable sends (draft-04, `key` required, `$id`, displayOrder). */
export function schemaOf(properties: readonly Property[]): DataTableBody["schema"] {
  return {
    $schema: "http://json-schema.org/draft-04/schema#",
    type: "object",
    required: ["key"],
    properties: Object.fromEntries(
      properties.map((p, i) => [
        p.name,
        {
          $id: `/properties/${p.name}`,
          type: p.type,
          displayOrder: i,
          ...(p.title !== undefined ? { title: p.title } : {}),
          ...(p.default !== undefined ? { default: p.default } : {}),
        },
      ]),
    ),
  };
}

/** A stored table's columns in display order, as stack code declares them. */
export function propertiesOf(t: DataTable): Property[] {
  const entries = Object.entries(t.schema?.properties ?? {});
  return entries
    .map(([name, p], i) => ({ name, p, order: p.displayOrder ?? entries.length + i }))
    .sort((a, b) => a.order - b.order)
    .map(({ name, p }) => ({
      name,
      type: (PROPERTY_TYPES as readonly string[]).includes(p.type ?? "") ? (p.type as PropertyType) : "string",
      ...(p.title ? { title: p.title } : {}),
      ...(p.default !== undefined && p.default !== null ? { default: p.default } : {}),
    }));
}

/** A row as the API holds it: `key` plus the other columns. */
export const Row = z.record(z.string(), cell.nullable());
export type Row = z.infer<typeof Row>;
