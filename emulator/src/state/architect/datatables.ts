import type { Clock } from "../../clock";
import { byNameThenId } from "../entities";
import { ApiError, invalidValue, notFound } from "../errors";
import { newId } from "../ids";

/** Column types a data table accepts (TF architect_datatable: boolean | string | integer | number). */
export const COLUMN_TYPES = ["string", "integer", "number", "boolean"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export type CellValue = string | number | boolean;
export type Row = Record<string, CellValue>;

export interface DataTableColumn {
  name: string;
  type: ColumnType;
  title?: string;
  default?: CellValue;
}

/** A data table: its columns in display order (`key` among them) and its rows by key. */
export interface DataTableRecord {
  id: string;
  name: string;
  divisionId: string;
  description?: string;
  columns: DataTableColumn[];
  rows: Map<string, Row>;
}

export interface DataTableInput {
  name: string;
  divisionId?: string;
  description?: string;
  columns: DataTableColumn[];
}

/** What the data table store needs from its org. */
export interface DataTableOrgContext {
  readonly clock: Clock;
  requireDivisionId(id: string | undefined): string;
  checkName(kind: string, raw: string): string;
  duplicate(kind: string, name: string): ApiError;
  /** Names of published flows that name this table (a delete without force=true is refused while there are any). */
  flowsNaming(tableName: string): string[];
}

/** The rows of a data table API (`/api/v2/flows/datatables`, its `/rows`): rules only, no HTTP. */
export class DataTableStore {
  private readonly tables = new Map<string, DataTableRecord>();

  constructor(
    private readonly ctx: DataTableOrgContext,
    init: DataTableRecord[] = [],
  ) {
    for (const t of init) this.tables.set(t.id, { ...t, columns: structuredClone(t.columns), rows: new Map(t.rows) });
  }

  list(filter: { name?: string; divisionIds?: string[] } = {}): DataTableRecord[] {
    const lower = filter.name?.toLowerCase();
    return [...this.tables.values()]
      .filter((t) => lower === undefined || t.name.toLowerCase() === lower)
      .filter((t) => !filter.divisionIds?.length || filter.divisionIds.includes(t.divisionId))
      .sort(byNameThenId);
  }

  get(id: string): DataTableRecord {
    const t = this.tables.get(id);
    if (!t) throw notFound(`Data table ${id} not found`);
    return t;
  }

  countInDivision(divisionId: string): number {
    return [...this.tables.values()].filter((t) => t.divisionId === divisionId).length;
  }

  /** Whether a table of this name exists (case-insensitive): what an Archy flow's `dataTable` needs. */
  exists(name: string): boolean {
    return [...this.tables.values()].some((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  private checkColumns(columns: DataTableColumn[], previous?: DataTableColumn[]): DataTableColumn[] {
    const key = columns.find((c) => c.name === "key");
    if (!key || key.type !== "string")
      throw invalidValue("schema", "The schema must have a property 'key' of type string: it is the row key");
    const seen = new Set<string>();
    for (const c of columns) {
      if (c.name.trim() === "") throw invalidValue("schema", "A schema property needs a name");
      if (seen.has(c.name)) throw invalidValue("schema", `The schema names property '${c.name}' twice`);
      seen.add(c.name);
      if (c.default !== undefined && !fits(c.type, c.default))
        throw invalidValue("schema", `The default of property '${c.name}' is not a ${c.type}`);
    }
    for (const p of previous ?? []) {
      const now = columns.find((c) => c.name === p.name);
      if (!now)
        throw invalidValue(
          "schema",
          `Property '${p.name}' cannot be removed from the schema: properties cannot be removed once added`,
        );
      if (now.type !== p.type)
        throw invalidValue("schema", `Property '${p.name}' cannot change its type from ${p.type} to ${now.type}`);
    }
    return structuredClone(columns);
  }

  private checkUnique(name: string, exceptId?: string): void {
    const clash = [...this.tables.values()].find(
      (t) => t.id !== exceptId && t.name.toLowerCase() === name.toLowerCase(),
    );
    if (clash) throw this.ctx.duplicate("data table", name);
  }

  create(input: DataTableInput): DataTableRecord {
    const name = this.ctx.checkName("data table", input.name);
    this.checkUnique(name);
    const table: DataTableRecord = {
      id: newId(),
      name,
      divisionId: this.ctx.requireDivisionId(input.divisionId),
      columns: this.checkColumns(input.columns),
      rows: new Map(),
    };
    if (input.description) table.description = input.description;
    this.tables.set(table.id, table);
    return table;
  }

  /** PUT: a full replace of name, division, description and schema; rows stay (new columns' defaults fill them in). */
  replace(id: string, input: DataTableInput): DataTableRecord {
    const existing = this.get(id);
    const name = this.ctx.checkName("data table", input.name);
    this.checkUnique(name, id);
    const columns = this.checkColumns(input.columns, existing.columns);
    const next: DataTableRecord = {
      id,
      name,
      divisionId: this.ctx.requireDivisionId(input.divisionId ?? existing.divisionId),
      columns,
      rows: existing.rows,
    };
    if (input.description) next.description = input.description;
    for (const [k, row] of next.rows) next.rows.set(k, withDefaults(columns, row));
    this.tables.set(id, next);
    return next;
  }

  /** Hard delete; refused (409) while a published flow names the table, unless forced. */
  remove(id: string, force: boolean): void {
    const t = this.get(id);
    const users = this.ctx.flowsNaming(t.name);
    if (users.length && !force)
      throw new ApiError(
        409,
        "general.conflict",
        `Data table '${t.name}' is in use by flow(s) ${users.map((u) => `'${u}'`).join(", ")}`,
      );
    this.tables.delete(id);
  }

  // ---- rows -----------------------------------------------------------------------------------

  rows(id: string): Row[] {
    return [...this.get(id).rows.values()].sort((a, b) => (String(a.key) < String(b.key) ? -1 : 1));
  }

  row(id: string, key: string): Row {
    const row = this.get(id).rows.get(key);
    if (!row) throw notFound(`Row '${key}' not found in data table`);
    return row;
  }

  private checkRow(t: DataTableRecord, raw: Record<string, unknown>): Row {
    const row: Row = {};
    for (const [k, v] of Object.entries(raw)) {
      const column = t.columns.find((c) => c.name === k);
      if (!column) throw invalidValue(k, `Property '${k}' is not in the schema of data table '${t.name}'`);
      if (v === null || v === undefined) continue;
      if (!fits(column.type, v)) throw invalidValue(k, `Property '${k}' must be a ${column.type}`);
      row[k] = v as CellValue;
    }
    if (typeof row.key !== "string" || row.key.trim() === "") throw invalidValue("key", "The row needs a key");
    return withDefaults(t.columns, row);
  }

  createRow(id: string, raw: Record<string, unknown>): Row {
    const t = this.get(id);
    const row = this.checkRow(t, raw);
    if (t.rows.has(String(row.key)))
      throw new ApiError(409, "general.conflict", `A row with key '${String(row.key)}' already exists`);
    t.rows.set(String(row.key), row);
    return row;
  }

  /** PUT of a row: a full replace; the key is the path's (a body key that differs is refused). */
  replaceRow(id: string, key: string, raw: Record<string, unknown>): Row {
    const t = this.get(id);
    this.row(id, key);
    if (raw.key !== undefined && raw.key !== key)
      throw invalidValue("key", `The row key cannot change (path '${key}', body '${String(raw.key)}')`);
    const row = this.checkRow(t, { ...raw, key });
    t.rows.set(key, row);
    return row;
  }

  removeRow(id: string, key: string): void {
    this.row(id, key);
    this.get(id).rows.delete(key);
  }

  snapshot(): DataTableRecord[] {
    return this.list().map((t) => ({ ...t, columns: structuredClone(t.columns), rows: new Map(t.rows) }));
  }
}

function fits(type: ColumnType, v: unknown): boolean {
  switch (type) {
    case "string":
      return typeof v === "string";
    case "boolean":
      return typeof v === "boolean";
    case "integer":
      return typeof v === "number" && Number.isInteger(v);
    case "number":
      return typeof v === "number" && Number.isFinite(v);
  }
}

/** Columns a row leaves out take their default, as the API stores them (TF architect_datatable_row: "Defaults will be set for missing properties"). */
function withDefaults(columns: DataTableColumn[], row: Row): Row {
  const out: Row = { ...row };
  for (const c of columns) if (out[c.name] === undefined && c.default !== undefined) out[c.name] = c.default;
  return out;
}
