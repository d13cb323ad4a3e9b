import * as pulumi from "@pulumi/pulumi";
import { shimFor } from "../shim";
import { RESOURCE_TYPE } from "./schema";

export interface DataTableProperty {
  name: string;
  type: "string" | "integer" | "number" | "boolean";
  title?: string;
  default?: string | number | boolean;
}

export interface DataTableArgs {
  name: pulumi.Input<string>;
  /** Division name in the target org; omit for the home division. */
  division?: pulumi.Input<string>;
  description?: pulumi.Input<string>;
  /** Columns in display order; `key` (a string) is the row key. Columns cannot be removed once added. */
  properties: pulumi.Input<pulumi.Input<DataTableProperty>[]>;
  /** Rows by key (the other columns' values); absent: rows are left as they are. */
  rows?: pulumi.Input<Record<string, Record<string, string | number | boolean>>>;
  onConflict?: pulumi.Input<"fail" | "adopt">;
}

/** An Architect data table (`/api/v2/flows/datatables`), and its rows when declared (diffed by key). */
export class DataTable extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: DataTableArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(RESOURCE_TYPE), name, args, opts, "genesyscloud", "ArchitectDataTable");
  }
}
