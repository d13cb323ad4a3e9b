import type * as pulumi from "@pulumi/pulumi";
import type { GenesysClient } from "../client";

/** What to do when a new resource's name already exists in the target org. */
export type ConflictPolicy = "fail" | "adopt";

/** The create journal of one object type in the target org (see journal.ts); no-ops without a journal. */
export interface TypeJournal {
  /** This stack created `id` (named `name`) in an earlier, interrupted run. */
  claims(name: string, id: string): boolean;
  /** Runs a create request with the journal written before it and after it. */
  creating<T extends { id: string }>(name: string, create: () => Promise<T>): Promise<T>;
  /** Records a create about to be sent, a create's id, or that an object this stack created is gone. */
  record(op: "create" | "created" | "deleted", name: string, id?: string): void;
}

/**
 * What every resource call works with, built by the provider process from the stack's configuration and
 * passed to each call: resources never reach up to module state for their client, policy or journal.
 */
export interface Context {
  /** The client of the target org. */
  client: GenesysClient;
  /** The stack's policy for names that already exist in the target (genesys-clone:onConflict). */
  onConflict: ConflictPolicy;
  /** The stack's create journal for one object type. */
  journal(type: string): TypeJournal;
}

/** The provider-process side of a dynamic resource, each call given the context. */
export interface Lifecycle<I = Record<string, unknown>, O = Record<string, unknown>> {
  check(ctx: Context, olds: Partial<I>, news: I): Promise<pulumi.dynamic.CheckResult>;
  diff(ctx: Context, id: string, olds: O, news: I): Promise<pulumi.dynamic.DiffResult>;
  create(ctx: Context, inputs: I): Promise<pulumi.dynamic.CreateResult>;
  read(ctx: Context, id: string, props: O): Promise<pulumi.dynamic.ReadResult>;
  update(ctx: Context, id: string, olds: O, news: I): Promise<pulumi.dynamic.UpdateResult>;
  delete(ctx: Context, id: string, props: O): Promise<void>;
}
