import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { GenesysClient } from "../client";
import type { Exporter } from "../importer/types";
import type { Lifecycle } from "./context";

/** An object as a listing returns it: what lookups match by name. */
export interface Listed {
  id: string;
  name: string;
  state?: string | null;
}

/**
 * Everything the rest of the project knows about one resource type, declared once in the type's
 * `index.ts` and listed once in `registry.ts`: the importer, the provider process, the program's
 * transforms and name checks, lookups, verify, the demo's org view and the tests all read it.
 */
export interface ResourceDefinition<K extends string = string> {
  /** The class stack code instantiates (`gc.Skill`); also what the transforms and messages call the type. */
  kind: K;
  /** What the serialized shim names in state (`genesyscloud:routing:Skill`): never change it. */
  type: string;
  /** Pulumi type token: `pulumi-nodejs:dynamic/genesyscloud:<urnType>`, part of every URN: never change it. */
  urnType: string;
  /** How messages name one object of the type ("Wrap-up code"). */
  label: string;
  /**
   * The API's collection (the last segment of the listing path, e.g. `trunkbasesettings`): the key of the
   * emulator's state dump, which the demo's org view and the tests read. Absent for links that are not objects.
   */
  collection?: string;
  /** How the importer lists the type and writes its code (absent: never imported on its own). */
  exporter?: Exporter;
  /** Whether verify compares this type between orgs (default: yes when it is imported). */
  verified: boolean;
  /** Every object of the type in an org, for `gc.lookup(<exporter key>, name)` of objects the code does not declare. */
  lookup?: (c: GenesysClient) => Promise<Listed[]>;
  /** The implementation, loaded only when the provider process first needs it (see shim.ts). */
  implementation(): Lifecycle;
}

export interface ResourceDeclaration<K extends string> extends Omit<ResourceDefinition<K>, "exporter" | "verified"> {
  exporter?: Omit<Exporter, "resourceType" | "className">;
  verified?: boolean;
}

/** One resource type's definition; the exporter takes the type and class name from it. */
export function defineResource<const K extends string>(d: ResourceDeclaration<K>): ResourceDefinition<K> {
  return {
    ...d,
    exporter: d.exporter ? { ...d.exporter, resourceType: d.type, className: d.kind } : undefined,
    verified: d.verified ?? d.exporter !== undefined,
  };
}

/** The Pulumi type token of a definition's resources (what transformations see as `args.type`). */
export function typeToken(d: Pick<ResourceDefinition, "urnType">): string {
  return `pulumi-nodejs:dynamic/genesyscloud:${d.urnType}`;
}

/** A declared value as stack code may pass it: plain, a promise or an output, at every level of arrays and records. */
export type Input<T> = undefined extends T ? Present<Exclude<T, undefined>> | undefined : Present<T>;
type Present<T> = [T] extends [readonly (infer U)[]]
  ? pulumi.Input<Input<U>[]>
  : [T] extends [Record<string, unknown>]
    ? pulumi.Input<{ [P in keyof T]: Input<T[P]> }>
    : pulumi.Input<T>;

/** The constructor arguments of a resource, derived from the zod schema its `check` validates. */
export type Inputs<S extends z.ZodType> = { [P in keyof z.input<S>]: Input<z.input<S>[P]> };
