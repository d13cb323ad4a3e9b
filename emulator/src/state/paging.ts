import { ApiError } from "./errors";

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
