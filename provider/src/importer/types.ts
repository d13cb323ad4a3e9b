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

/** A TypeScript expression written as it is, e.g. gc.readFlow(__dirname, "flows/main-ivr.yaml"). */
export class Code {
  constructor(readonly text: string) {}
}

/** A constructor argument: literals, references, code, and arrays and objects of them. */
export type Value = string | number | boolean | Ref | Code | Value[] | { [key: string]: Value | undefined };

/** One object of the source org as the stack code will declare it. */
export interface ExportedObject {
  id: string;
  name: string;
  /** Constructor arguments in the order they are written; undefined values are left out. */
  args: Record<string, Value | undefined>;
  /** Resources this one must follow although no argument references them (resource option dependsOn). */
  dependsOn?: Ref[];
  /** Secret stack config keys the generated code reads (trunk credentials): the importer prints how to set them. */
  secretConfig?: string[];
  /** Files written beside the code, relative to the output directory (flow YAML as text, prompt audio as bytes). */
  files?: Record<string, string | Uint8Array>;
  /** The object's content as the org holds it where the code only points at it (a flow's published YAML): what verify compares. */
  published?: string;
  /**
   * Objects of the target org the code names by value and never declares (queue members' users and groups, the
   * users, groups, integrations and data actions flows name): listed in lookups.ts with the queue (`usedBy`) or flow
   * (`flow`) that uses them, so the program checks every one (see deployImported) and names who needs it.
   */
  lookups?: { type: string; name: string; usedBy?: string; flow?: string }[];
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
  /** The exporter returns objects in the order they must be declared (same-file references); otherwise sorted by name. */
  ordered?: boolean;
  /** Extra constructor arguments every generated resource of this type gets, e.g. { onConflict: "adopt" }. */
  defaults?: Record<string, Value>;
  /** The filter type whose --include/--exclude rules select this type's objects (default: key). */
  filterKey?: string;
  /** Every object of the type in the source org; `progress` reports per-object work on long lists. */
  list(
    client: GenesysClient,
    progress?: (done: number, total: number) => void,
    scope?: ListScope,
  ): Promise<ExportedObject[]>;
}

/** What the importer tells an exporter beyond the client: its filters, and where left-out objects are reported. */
export interface ListScope {
  /** Whether the filters select an object of this name: asked before any per-object work (e.g. an export job). */
  wants?(name: string): boolean;
  /** An object left out of the import and why; `failed`: reading it failed, so the import is incomplete. */
  leaveOut?(name: string, reason: string, failed: boolean): void;
  /** `import --with-rows`: data tables' rows are imported too (they are often data, not configuration). */
  withRows?: boolean;
  /** Flow export jobs in flight at once. */
  exportJobs?: number;
  /** A warning about part of an object the import leaves out (e.g. an emergency group's IVR links). */
  note?(message: string): void;
}

/** Plain JSON as a Value with object keys sorted, so generated code does not depend on the API's key order. */
export function canonical(v: unknown): Value | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) return v.map(canonical).filter((x): x is Value => x !== undefined);
  if (typeof v === "object") {
    const out: Record<string, Value | undefined> = {};
    for (const k of Object.keys(v as object).sort()) out[k] = canonical((v as Record<string, unknown>)[k]);
    return out;
  }
  return v as Value;
}

/** An exporter as a resource's export.ts writes it: the type and class name come from its definition (define.ts). */
export type ExporterSpec = Omit<Exporter, "resourceType" | "className">;
