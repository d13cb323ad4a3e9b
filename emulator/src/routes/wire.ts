import { ApiError } from "../state/errors";
import type { OrgStore } from "../state/org-store";
import type { IdRef } from "../state/entities";
import type { ApiContext } from "./context";
import { queryValue } from "./http";
import type { Models, SdkResponse } from "./sdk";
import type { WrapupCodeWire } from "./routing/wrapupcodes";

/** Wire pieces every type shares: Genesys listing envelopes and paging, division and id references. */

export interface Page<T> {
  entities: T[];
  pageSize: number;
  pageNumber: number;
  total: number;
  pageCount: number;
}

export interface PageRequest {
  pageSize: number;
  pageNumber: number;
}

/** Slices an already ordered list into one page-number page (1-based). Pages past the end are empty. */
export function paginate<T>(items: readonly T[], req: PageRequest): Page<T> {
  const total = items.length;
  const start = (req.pageNumber - 1) * req.pageSize;
  return {
    entities: items.slice(start, start + req.pageSize),
    pageSize: req.pageSize,
    pageNumber: req.pageNumber,
    total,
    pageCount: Math.ceil(total / req.pageSize),
  };
}

function parsePositiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new ApiError(
      400,
      "invalid.query.param.value",
      `Invalid value for query parameter ${name}: ${raw}`,
      { name, value: raw },
      "Invalid value for query parameter {name}: {value}",
    );
  }
  return Number(raw);
}

/** Validates pageSize (default 25, at most `maxPageSize`) and pageNumber (default 1). */
export function pageRequest(
  pageSizeRaw: string | undefined,
  pageNumberRaw: string | undefined,
  maxPageSize: number,
): PageRequest {
  const pageSize = parsePositiveInt("pageSize", pageSizeRaw, 25);
  checkPageSize(pageSize, maxPageSize);
  const pageNumber = parsePositiveInt("pageNumber", pageNumberRaw, 1);
  return { pageSize, pageNumber };
}

/** 400 for a page size above `maxPageSize` (the body's code and wording are unverified). */
export function checkPageSize(pageSize: number, maxPageSize: number): void {
  if (pageSize > maxPageSize) {
    throw new ApiError(
      400,
      "invalid.query.param.value",
      `Invalid value for query parameter pageSize: ${pageSize}. The maximum value is ${maxPageSize}`,
      { name: "pageSize", value: String(pageSize), max: String(maxPageSize) },
      "Invalid value for query parameter {name}: {value}. The maximum value is {max}",
    );
  }
}

export interface EntityListing<T> extends Page<T> {
  firstUri: string;
  selfUri: string;
  lastUri: string;
  nextUri?: string;
  previousUri?: string;
}
// The envelope of every *EntityListing model (checked on one of them).
type _EntityListing = SdkResponse<Models.WrapupCodeEntityListing, EntityListing<WrapupCodeWire>>;

/**
 * Wraps a page in the Genesys listing envelope. URIs keep the caller's other query parameters;
 * nextUri / previousUri are omitted when there is no such page.
 */
export function listing<T>(basePath: string, query: URLSearchParams, page: Page<T>): EntityListing<T> {
  const rest = new URLSearchParams();
  for (const [k, v] of query) if (k !== "pageSize" && k !== "pageNumber") rest.append(k, v);
  const tail = rest.toString();
  const uri = (n: number): string =>
    `${basePath}?pageSize=${page.pageSize}&pageNumber=${n}${tail === "" ? "" : `&${tail}`}`;
  const body: EntityListing<T> = {
    ...page,
    firstUri: uri(1),
    selfUri: uri(page.pageNumber),
    lastUri: uri(Math.max(1, page.pageCount)),
  };
  if (page.pageNumber < page.pageCount) body.nextUri = uri(page.pageNumber + 1);
  if (page.pageNumber > 1) body.previousUri = uri(Math.min(page.pageNumber - 1, Math.max(1, page.pageCount)));
  return body;
}

/** One page of `items` (already filtered and ordered) in the listing envelope, paged by the request's query. */
export function pagedListing<T, W>(
  ctx: Pick<ApiContext, "query">,
  basePath: string,
  maxPageSize: number,
  items: readonly T[],
  toWire: (x: T) => W,
): EntityListing<W> {
  const page = pageRequest(queryValue(ctx.query, "pageSize"), queryValue(ctx.query, "pageNumber"), maxPageSize);
  return listing(basePath, ctx.query, paginate(items.map(toWire), page));
}

export const DIVISIONS_PATH = "/api/v2/authorization/divisions";

/** Wire shapes of the Platform API use relative `/api/v2/...` selfUris, no org prefix. */
/** Wire shapes of the Platform API (relative `/api/v2/...` selfUris, no org prefix). */
export interface DivisionRef {
  id: string;
  name: string;
  selfUri: string;
}
type _DivisionRef = SdkResponse<Models.Division, DivisionRef>;

export function divisionRef(org: OrgStore, id: string): DivisionRef {
  const d = org.auth.findDivision(id);
  return { id, name: d ? d.name : "", selfUri: `${DIVISIONS_PATH}/${id}` };
}

export interface RefWire {
  id: string;
  name?: string;
  selfUri: string;
}

export function ref(path: string, r: IdRef | undefined): RefWire | undefined {
  return r === undefined ? undefined : { id: r.id, selfUri: `${path}/${r.id}` };
}

/** A reference with the name of the object it names, when `nameOf` still finds it (else id and selfUri only). */
export function namedRef(path: string, id: string, nameOf: (id: string) => string | undefined): RefWire {
  let name: string | undefined;
  try {
    name = nameOf(id);
  } catch {
    name = undefined; // deleted meanwhile: the reference stays, without a name
  }
  return compact({ id, name, selfUri: `${path}/${id}` });
}

/** The fields every versioned Architect object shares on the wire (Schedule, ScheduleGroup, IVR, EmergencyGroup). */
export interface ArchitectObjectWire {
  id: string;
  name: string;
  division: DivisionRef;
  description?: string;
  version: number;
  dateCreated: string;
  dateModified: string;
  state: string;
}

/** Drops keys whose value is undefined, so optional fields are absent rather than null. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
