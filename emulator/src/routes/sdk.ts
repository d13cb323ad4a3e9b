/**
 * The emulator's wire shapes answer to the official SDK's models (`purecloud-platform-client-v2`, a
 * devDependency), not to the provider's (the two share no code; the provider keeps its own checks): types
 * only, so nothing of the SDK is loaded at run time (`import type` is erased).
 *
 * `SdkResponse<Models.X, T>` (what a route answers) compiles only when every field T has exists in X (a
 * misspelt or invented field is a tsc error naming it, e.g. `"fields the SDK model does not have": "flow.name"`),
 * each field's type is assignable to X's, and X's required fields are there. `SdkRequest<Models.X, T>` (a body a
 * route accepts) is the same but T may name any subset of X's fields: the emulator never reads a field under a
 * name the real API does not know. `null` counts as absent, and an index signature on T (a zod loose object that
 * keeps fields it does not name) is not a field.
 */
import type { Models } from "purecloud-platform-client-v2";

export type { Models };

/** Object part of a model field, never an array. */
type ObjectOf<M> =
  NonNullable<M> extends readonly unknown[] ? never : NonNullable<M> extends object ? NonNullable<M> : never;

/** T without index signatures: only the fields it names. */
type Named<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/** Dotted paths of the fields T names that the model M does not have (never when there are none). */
export type ExtraFields<T, M, P extends string = ""> = T extends readonly (infer E)[]
  ? NonNullable<M> extends readonly (infer ME)[]
    ? ExtraFields<E, ME, P>
    : never
  : T extends object
    ? [keyof ObjectOf<M>] extends [never]
      ? never // the model says `object` (free-form, e.g. trunk base properties): anything fits
      : string extends keyof ObjectOf<M>
        ? ExtraFields<T[keyof T], ObjectOf<M>[string], `${P}*.`> // a map: check its values
        : {
            [K in keyof Named<T>]-?: K extends keyof ObjectOf<M>
              ? ExtraFields<NonNullable<T[K]>, ObjectOf<M>[K], `${P}${K & string}.`>
              : `${P}${K & string}`;
          }[keyof Named<T>]
    : never;

/** The model with `null` allowed wherever a value is (JSON null = absent). */
type Nullish<M> = M extends readonly (infer E)[]
  ? readonly Nullish<E>[] | null
  : M extends object
    ? { [K in keyof M]: Nullish<M[K]> } | null
    : M | null;

/** The same with every field optional, at every depth: what a reader of the model may rely on. */
type NullishPartial<M> = M extends readonly (infer E)[]
  ? readonly NullishPartial<E>[] | null
  : M extends object
    ? { [K in keyof M]?: NullishPartial<M[K]> } | null
    : M | null;

type NoExtraFields<T, M> = [ExtraFields<T, M>] extends [never]
  ? unknown
  : { "fields the SDK model does not have": ExtraFields<T, M> };

/** A response T the emulator sends, provided it is a whole M: `type _ = SdkResponse<Models.Queue, QueueWire>`. */
export type SdkResponse<M, T extends Nullish<M> & NoExtraFields<T, M>> = T;

/** A request body the emulator accepts, provided it names only fields of M: `type _ = SdkRequest<Models.QueueRequest, z.input<typeof queueRequestSchema>>`. */
export type SdkRequest<M, T extends NullishPartial<M> & NoExtraFields<T, M>> = T;
