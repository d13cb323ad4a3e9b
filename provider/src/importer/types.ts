import type { GenesysClient } from "../client";

/** A reference from one exported object to another, by the referenced object's source id. */
export class Ref {
  constructor(
    /** Exporter key of the referenced type, e.g. "skills". */
    readonly type: string,
    readonly id: string,
    /** Name in the source org: the lookup key when the referenced object is not imported. */
    readonly name: string,
    /** Which output of the referenced resource the argument takes. */
    readonly field: "id" | "name",
  ) {}
}

/** A constructor argument: literals, references, and arrays and objects of them. */
export type Value = string | number | boolean | Ref | Value[] | { [key: string]: Value | undefined };

/** One object of the source org as the stack code will declare it. */
export interface ExportedObject {
  id: string;
  name: string;
  /** Constructor arguments in the order they are written; undefined values are left out. */
  args: Record<string, Value | undefined>;
}

/** How the importer reads one resource type (kept beside the resource, in its export.ts). */
export interface Exporter {
  resourceType: string;
  /** Short type name used by filters and references, e.g. "skills". */
  key: string;
  /** The class the generated code instantiates from @genesys-clone/provider. */
  className: string;
  /** Prefix of generated variable names, e.g. `skill` -> skillBillingDisputes. */
  variablePrefix: string;
  /** Generated file name, e.g. routing-skills.ts. */
  file: string;
  /** Human name of the type, plural. */
  title: string;
  /** Extra constructor arguments every generated resource of this type gets, e.g. { onConflict: "adopt" }. */
  defaults?: Record<string, Value>;
  /** Every object of the type in the source org; `progress` reports per-object work on long lists. */
  list(client: GenesysClient, progress?: (done: number, total: number) => void): Promise<ExportedObject[]>;
}
