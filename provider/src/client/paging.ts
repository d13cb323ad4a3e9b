import { z } from "zod";
import type { HttpClient } from "./http";
import type { Models, SdkRead } from "../sdk";

/** The page-number envelope of Genesys listings ({entities, pageNumber, pageCount, ...}). */
export function pageOf<T extends z.ZodType>(entity: T) {
  return z.object({
    entities: z.array(entity).default([]),
    pageNumber: z.number().optional(),
    pageSize: z.number().optional(),
    pageCount: z.number().optional(),
    total: z.number().optional(),
    nextUri: z.string().nullish(),
  });
}

// The envelope's fields are those of the SDK's *EntityListing models (checked on one of them).
type _Envelope = SdkRead<
  Models.WrapupCodeEntityListing,
  z.infer<ReturnType<typeof pageOf<z.ZodObject<{ id: z.ZodString }>>>>
>;

/** Every entity of a page-number listing, page by page until pageCount (or no nextUri). */
export async function listAll<T extends z.ZodType>(
  http: HttpClient,
  path: string,
  entity: T,
  opts: { pageSize: number; query?: Record<string, string | number | boolean | undefined> },
): Promise<z.infer<T>[]> {
  const schema = pageOf(entity);
  const out: z.infer<T>[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await http.request({
      method: "GET",
      path,
      query: { ...opts.query, pageSize: opts.pageSize, pageNumber },
      schema,
    });
    out.push(...(page.entities as z.infer<T>[]));
    const last = page.pageCount !== undefined ? pageNumber >= page.pageCount : !page.nextUri;
    if (last || page.entities.length === 0) return out;
  }
}
