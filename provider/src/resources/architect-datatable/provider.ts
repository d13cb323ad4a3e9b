import { isDeepStrictEqual } from "util";
import type { GenesysClient } from "../../client";
import { checkDivision, divisionArg, resolveDivision } from "../auth-division/api";
import { userInputs } from "../common";
import type { Lifecycle } from "../context";
import { permitted } from "../crud";
import { crudProvider } from "../crud";
import { dataTablesApi } from "./api";
import {
  DataTable,
  DataTableArgs,
  LABEL,
  propertiesOf,
  RESOURCE_TYPE,
  schemaOf,
  type Cell,
  type DataTableBody,
  type Row,
  type Rows,
} from "./schema";

/** The table without its rows: the generic create / adopt / update / restore of every named type. */
const table = crudProvider<DataTableArgs, DataTableBody, DataTable>({
  type: RESOURCE_TYPE,
  label: LABEL,
  schema: DataTableArgs,
  listIsComplete: true,
  replaceOn: [],
  list: dataTablesApi.list,
  get: dataTablesApi.get,
  create: dataTablesApi.create,
  update: (c, id, body) => dataTablesApi.update(c, id, body),
  remove: dataTablesApi.remove,
  toBody: async (c, args, owner) => ({
    name: args.name,
    division: { id: (await resolveDivision(c, args.division, owner)).id },
    ...(args.description !== undefined ? { description: args.description } : {}),
    schema: schemaOf(args.properties),
  }),
  bodyOf: (t) => ({
    name: t.name,
    division: { id: t.division?.id ?? "" },
    ...(t.description ? { description: t.description } : {}),
    schema: schemaOf(propertiesOf(t)),
  }),
  toArgs: async (c, t, previous) => {
    const division = await divisionArg(c, t.division?.id, previous.division);
    return {
      name: t.name,
      ...(division !== undefined ? { division } : {}),
      ...(t.description ? { description: t.description } : {}),
      properties: propertiesOf(t),
    };
  },
  checkTarget: async (c, args, owner) => checkDivision(c, args.division, owner),
});

type Outputs = DataTableArgs & { adoptedPrior?: unknown; adoptedRows?: Rows };

/** A stored row as stack code declares it: the key out, nulls out. */
function cellsOf(row: Row): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(row)) if (k !== "key" && v !== null && v !== undefined) out[k] = v;
  return out;
}

async function currentRows(c: GenesysClient, id: string): Promise<Rows> {
  const out: Rows = {};
  for (const r of await dataTablesApi.rows(c, id)) if (typeof r.key === "string") out[r.key] = cellsOf(r);
  return out;
}

/** Only the columns a declared row names are compared: the API fills the others with their defaults. */
function sameRow(declared: Record<string, Cell>, stored: Record<string, Cell>): boolean {
  return Object.entries(declared).every(([k, v]) => isDeepStrictEqual(stored[k], v));
}

/**
 * Brings the target's rows to `want`, by key: only rows that differ are written (POST new keys, PUT changed
 * ones, DELETE keys the code no longer has), so a change to one row is one call.
 */
async function syncRows(c: GenesysClient, id: string, want: Rows, owner: string): Promise<void> {
  const have = await currentRows(c, id);
  for (const [key, cells] of Object.entries(want)) {
    const stored = have[key];
    if (stored === undefined)
      await permitted(`${owner}: row '${key}'`, () => dataTablesApi.createRow(c, id, { ...cells, key }));
    else if (!sameRow(cells, stored))
      await permitted(`${owner}: row '${key}'`, () => dataTablesApi.updateRow(c, id, key, { ...cells, key }));
  }
  for (const key of Object.keys(have))
    if (!(key in want)) await permitted(`${owner}: row '${key}'`, () => dataTablesApi.deleteRow(c, id, key));
}

/** The target's rows as the code would declare them: a declared row shows only its declared columns. */
function rowsLike(stored: Rows, declared: Rows): Rows {
  const out: Rows = {};
  for (const key of Object.keys(stored).sort()) {
    const d = declared[key];
    out[key] = d ? Object.fromEntries(Object.entries(stored[key]!).filter(([k]) => k in d)) : stored[key]!;
  }
  return out;
}

const owner = (name: unknown) => `${LABEL} '${String(name)}'`;

/** A data table and, when the code declares them, its rows (diffed by key). */
export const provider: Lifecycle<DataTableArgs, Outputs> = {
  check: (ctx, olds, news) => table.check(ctx, olds, news),
  diff: (ctx, id, olds, news) => table.diff(ctx, id, olds, news),

  async create(ctx, inputs) {
    const created = await table.create(ctx, inputs);
    const outs = created.outs as Outputs;
    const rows = (inputs as DataTableArgs).rows;
    if (rows !== undefined) {
      const c = ctx.client;
      // Adopted: keep the rows it had, so destroy gives them back.
      if (outs.adoptedPrior !== undefined) outs.adoptedRows = await currentRows(c, created.id);
      await syncRows(c, created.id, rows, owner(inputs.name));
    }
    return { id: created.id, outs };
  },

  async read(ctx, id, props) {
    const read = await table.read(ctx, id, props);
    if (!read.props || props.rows === undefined) return read;
    const rows = rowsLike(await currentRows(ctx.client, id), props.rows);
    const out: Outputs = { ...(read.props as Outputs), rows };
    if (props.adoptedRows !== undefined) out.adoptedRows = props.adoptedRows;
    return { id, props: out };
  },

  async update(ctx, id, olds, news) {
    const { rows: _oldRows, ...oldTable } = userInputs(olds) as Outputs;
    const { rows: _newRows, ...newTable } = userInputs(news) as DataTableArgs;
    delete (oldTable as { adoptedPrior?: unknown }).adoptedPrior;
    delete (oldTable as { adoptedRows?: unknown }).adoptedRows;
    // Only rows changed: the table itself is not written.
    let outs: Outputs;
    if (isDeepStrictEqual(oldTable, newTable)) {
      outs = { ...(userInputs(news) as DataTableArgs) };
      if (olds.adoptedPrior !== undefined) outs.adoptedPrior = olds.adoptedPrior;
    } else outs = (await table.update(ctx, id, olds, news)).outs as Outputs;
    if (news.rows !== undefined) await syncRows(ctx.client, id, news.rows, owner(news.name));
    if (olds.adoptedRows !== undefined) outs.adoptedRows = olds.adoptedRows;
    return { outs };
  },

  async delete(ctx, id, props) {
    if (props.adoptedPrior === undefined) return table.delete(ctx, id, props);
    const c = ctx.client;
    const current = await dataTablesApi.get(c, id);
    if (!current) return;
    if (props.adoptedRows !== undefined) await syncRows(c, id, props.adoptedRows, owner(props.name));
    // Columns cannot be removed from a table: the restored schema keeps those the stack added, after the prior ones.
    const prior = props.adoptedPrior as DataTableBody;
    const kept = propertiesOf(current).filter((p) => !(p.name in prior.schema.properties));
    const priorColumns = propertiesOf({ ...current, schema: prior.schema });
    await table.delete(ctx, id, { ...props, adoptedPrior: { ...prior, schema: schemaOf([...priorColumns, ...kept]) } });
  },
};
