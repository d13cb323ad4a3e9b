import type { GenesysClient } from "../client";

/** One object of the source org as the stack code will declare it. */
export interface ExportedObject {
  id: string;
  name: string;
  /** Constructor arguments in the order they are written; undefined values are left out. */
  args: Record<string, string | number | boolean | undefined>;
}

/** How the importer reads one resource type (kept beside the resource, in its export.ts). */
export interface Exporter {
  resourceType: string;
  /** The class the generated code instantiates from @genesys-clone/provider. */
  className: string;
  /** Prefix of generated variable names, e.g. `skill` -> skillBillingDisputes. */
  variablePrefix: string;
  /** Generated file name, e.g. routing-skills.ts. */
  file: string;
  /** Human name of the type, plural. */
  title: string;
  list(client: GenesysClient): Promise<ExportedObject[]>;
}
