/**
 * Wire shapes answer to the official SDK's models (`purecloud-platform-client-v2`, a devDependency):
 * types only, so nothing of the SDK is loaded at run time (`import type` is erased).
 *
 * `SdkBody<Models.X, T>` (a request body we send) compiles only when T fits the model: every field T has exists
 * in X (a misspelt or invented field is a tsc error naming it, e.g.
 * `"fields the SDK model does not have": "bullseye.rings.actionz"`), each field's type is assignable to X's, and
 * X's required fields are there. `SdkRead<Models.X, T>` (a response we parse) is the same but T may read any
 * subset of X's fields. `null` counts as absent (the API omits or nulls unset fields), and an index signature on
 * T (a zod loose object that keeps fields it does not name) is not a field.
 */
import type { Models } from "purecloud-platform-client-v2";

export type { Models };

/**
 * T without the fields K, keeping its other named fields even when T has an index signature (a zod loose
 * object), where `Omit` would keep only the index signature and so check nothing.
 */
export type Without<T, K extends PropertyKey> = { [P in keyof T as P extends K ? never : P]: T[P] };

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

/** A request body T, provided it fits the SDK model M: `type _ = SdkBody<Models.WrapupCodeRequest, WrapupCodeBody>`. */
export type SdkBody<M, T extends Nullish<M> & NoExtraFields<T, M>> = T;

/** A parsed response T, provided it reads only fields of M: `type _ = SdkRead<Models.Queue, z.infer<typeof Queue>>`. */
export type SdkRead<M, T extends NullishPartial<M> & NoExtraFields<T, M>> = T;
