import type { ClientRef } from "../state/architect/flows";
import type { OrgStore } from "../state/org-store";
import type { HandlerResult } from "./http";
import type { Router } from "./router";

/** What an API handler sees: the authenticated org, path params, query and the (lazily parsed) JSON body. */
export interface ApiContext {
  org: OrgStore;
  /** The OAuth client of the bearer token (flow locks and operations belong to it). */
  client: ClientRef;
  /** `<url>/orgs/<org>`: the base of presigned upload / download URLs, which live outside `/api`. */
  orgUrl: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parses the body as JSON (400 `bad.request` when malformed, `undefined` when empty). */
  json(): unknown;
}

export type ApiHandler = (ctx: ApiContext) => HandlerResult;
export type ApiRouter = Router<ApiHandler>;

export function param(ctx: ApiContext, name: string): string {
  const v = ctx.params[name];
  if (v === undefined) throw new Error(`route has no {${name}} parameter`);
  return v;
}
