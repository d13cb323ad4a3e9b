import { z } from "zod";
import type { Models, SdkBody, SdkRead } from "../../sdk";
import { ArchitectWire, divisionField, nameSchema, onConflictField, WireRef } from "../common";

export const RESOURCE_TYPE = "genesyscloud:architect:Ivr";
export const LABEL = "IVR";

/** E.164 (TF architect_ivr validates each number with `ValidatePhoneNumber`): `+`, country code, at most 15 digits. */
export const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * New DIDs per POST or PUT: the Terraform provider's `maxDnisPerRequest`. A longer list is sent in chunks: the
 * create (or update) with the first 50 new numbers, then one PUT per further 50.
 */
export const MAX_DNIS_PER_REQUEST = 50;

const flowId = z.string().min(1).optional();

export const IvrArgs = z
  .object({
    name: nameSchema(LABEL, 256),
    division: divisionField,
    description: z.string().optional(),
    /**
     * The numbers that reach the flows, E.164. DIDs belong to one org: the transforms file's `dids:` maps each
     * to a number of the target org (a DID pool of the target must hold it).
     */
    dnis: z
      .array(
        z.string().regex(E164, {
          error: (i) => `dnis: '${String(i.input)}' is not an E.164 number (e.g. +13175550100)`,
        }),
      )
      .refine((l) => new Set(l).size === l.length, "dnis lists a number twice")
      .optional(),
    /** Ids of inbound call Flow resources (`flow.id`). */
    openHoursFlow: flowId,
    closedHoursFlow: flowId,
    holidayHoursFlow: flowId,
    /** Id of a ScheduleGroup resource (`scheduleGroup.id`): which of the three flows runs when. */
    scheduleGroup: z.string().min(1).optional(),
    onConflict: onConflictField,
  })
  .strict();
export type IvrArgs = z.infer<typeof IvrArgs>;

export const Ivr = ArchitectWire.extend({
  dnis: z.array(z.string()).nullish(),
  openHoursFlow: WireRef.extend({ name: z.string().optional() }).nullish(),
  closedHoursFlow: WireRef.extend({ name: z.string().optional() }).nullish(),
  holidayHoursFlow: WireRef.extend({ name: z.string().optional() }).nullish(),
  scheduleGroup: WireRef.extend({ name: z.string().optional() }).nullish(),
});
export type Ivr = z.infer<typeof Ivr>;
type _Ivr = SdkRead<Models.IVR, Ivr>;

export interface IvrBody {
  name: string;
  division: { id: string };
  description?: string;
  dnis: string[];
  openHoursFlow?: { id: string };
  closedHoursFlow?: { id: string };
  holidayHoursFlow?: { id: string };
  scheduleGroup?: { id: string };
}
type _IvrBody = SdkBody<Models.IVR, IvrBody & { version?: number }>;

/** SDK `DIDPool`: a range of numbers the org owns. */
export const DidPool = z.object({ id: z.string(), startPhoneNumber: z.string(), endPhoneNumber: z.string() });
export type DidPool = z.infer<typeof DidPool>;
type _DidPool = SdkRead<Models.DIDPool, DidPool>;

/** Whether a pool's range holds an E.164 number (numbers of one length compare as digit strings). */
export function inPool(pool: DidPool, number: string): boolean {
  const { startPhoneNumber: lo, endPhoneNumber: hi } = pool;
  return number.length === lo.length && number.length === hi.length && lo <= number && number <= hi;
}
