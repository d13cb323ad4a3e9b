import * as pulumi from "@pulumi/pulumi";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { dataTable } from ".";
import type { DataTableArgs as Schema } from "./schema";

/** The constructor arguments: what the schema in schema.ts validates, each value plain or an output of another resource. */
export type DataTableArgs = Inputs<typeof Schema>;

/** An Architect data table (`/api/v2/flows/datatables`), and its rows when declared (diffed by key). */
export class DataTable extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: DataTableArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(dataTable), name, args, opts, "genesyscloud", dataTable.urnType);
  }
}
