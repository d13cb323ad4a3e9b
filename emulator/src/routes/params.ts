import { ApiError } from "../state/errors";
import type { SortOrder } from "../state/filters";
import { queryValue } from "./http";

function badParam(name: string, raw: string, allowed: string): ApiError {
  return new ApiError(
    400,
    "invalid.query.param.value",
    `Invalid value for query parameter ${name}: ${raw}. Allowable values are: ${allowed}`,
  );
}

/** `sortOrder`: ascending / descending, also asc / desc, any case. */
export function sortOrderParam(query: URLSearchParams): SortOrder | undefined {
  const raw = queryValue(query, "sortOrder");
  if (raw === undefined || raw === "") return undefined;
  const v = raw.toLowerCase();
  if (v === "ascending" || v === "asc") return "ascending";
  if (v === "descending" || v === "desc") return "descending";
  throw badParam("sortOrder", raw, "ascending, descending");
}

/** A query parameter that may only name one of `allowed` (case-insensitive); returns the canonical spelling. */
export function choiceParam<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const raw = queryValue(query, name);
  if (raw === undefined || raw === "") return undefined;
  const hit = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (hit === undefined) throw badParam(name, raw, allowed.join(", "));
  return hit;
}

/** `true` / `false` (any case). */
export function booleanParam(query: URLSearchParams, name: string): boolean | undefined {
  const v = choiceParam(query, name, ["true", "false"] as const);
  return v === undefined ? undefined : v === "true";
}
