import { GenesysClient } from "../../client";
import { getLive, deleteIfPresent, removeWhenFree } from "../common";
import { DataTable, Row, type DataTableBody } from "./schema";

const path = "/api/v2/flows/datatables";
const one = (id: string) => `${path}/${encodeURIComponent(id)}`;
// The row id in a path is the row's key (TF architect_datatable_row); keys may hold any character.
const rowPath = (id: string, key: string) => `${one(id)}/rows/${encodeURIComponent(key)}`;
const expand = { expand: "schema" };

/** Data tables (TF architect_datatable): full PUT, hard delete; rows by key (TF architect_datatable_row). */
export const dataTablesApi = {
  list: (c: GenesysClient) => c.listAll(path, DataTable, { pageSize: 100, query: expand }),
  get: (c: GenesysClient, id: string) => getLive(c, one(id), DataTable, () => false, expand),
  create: (c: GenesysClient, body: DataTableBody) =>
    c.request({ method: "POST", path, body, schema: DataTable, query: expand }),
  update: (c: GenesysClient, id: string, body: DataTableBody) =>
    c.request({ method: "PUT", path: one(id), body: { ...body, id }, schema: DataTable, query: expand }),
  /** Waits while a flow still uses the table (409), as for schedule groups; never forces. */
  remove: (c: GenesysClient, id: string) => removeWhenFree(c, one(id)),

  /** Every row, whole (`showbrief=false`). */
  rows: (c: GenesysClient, id: string) =>
    c.listAll(`${one(id)}/rows`, Row, { pageSize: 500, query: { showbrief: false } }),
  createRow: (c: GenesysClient, id: string, row: Row) =>
    c.request({ method: "POST", path: `${one(id)}/rows`, body: row, schema: Row }),
  updateRow: (c: GenesysClient, id: string, key: string, row: Row) =>
    c.request({ method: "PUT", path: rowPath(id, key), body: row, schema: Row }),
  deleteRow: (c: GenesysClient, id: string, key: string) => deleteIfPresent(c, rowPath(id, key)),
};
