import type { OrgStore } from "../state/org-store";
import type { ApiContext, ApiRouter } from "./context";
import { param } from "./context";
import { pagedListing } from "./wire";

/**
 * The plain object routes of one type, declared as a table: `GET path` (a paged listing), `POST path`,
 * `GET|PUT|PATCH|DELETE path/{id}`. Each entry names what the org's store does; the helper does the HTTP.
 */
export interface ObjectRoutes<T, W> {
  /** e.g. `/api/v2/routing/skills`. */
  path: string;
  /** The id's path parameter, e.g. `skillId`. */
  idParam: string;
  toWire(org: OrgStore, x: T): W;
  list?: { maxPageSize: number; items(ctx: ApiContext): T[] };
  create?(ctx: ApiContext): T;
  get?(org: OrgStore, id: string): T;
  /**
   * PUT (a full replace) or PATCH. With `lookupFirst` (default) an unknown id is 404 before the body is
   * validated, like a real lookup-then-update.
   */
  update?: { method: "PUT" | "PATCH"; lookupFirst?: boolean; apply(ctx: ApiContext, id: string): T };
  /** Answers 204. */
  remove?(ctx: ApiContext, id: string): void;
}

export function addObjectRoutes<T, W>(router: ApiRouter, spec: ObjectRoutes<T, W>): void {
  const item = `${spec.path}/{${spec.idParam}}`;
  const { list, create, get, update, remove } = spec;
  if (list) {
    router.add("GET", spec.path, (ctx) => ({
      status: 200,
      body: pagedListing(ctx, spec.path, list.maxPageSize, list.items(ctx), (x) => spec.toWire(ctx.org, x)),
    }));
  }
  if (create) router.add("POST", spec.path, (ctx) => ({ status: 200, body: spec.toWire(ctx.org, create(ctx)) }));
  if (get) {
    router.add("GET", item, (ctx) => ({
      status: 200,
      body: spec.toWire(ctx.org, get(ctx.org, param(ctx, spec.idParam))),
    }));
  }
  if (update) {
    router.add(update.method, item, (ctx) => {
      const id = param(ctx, spec.idParam);
      if (update.lookupFirst !== false && get) get(ctx.org, id);
      return { status: 200, body: spec.toWire(ctx.org, update.apply(ctx, id)) };
    });
  }
  if (remove) {
    router.add("DELETE", item, (ctx) => {
      remove(ctx, param(ctx, spec.idParam));
      return { status: 204 };
    });
  }
}
