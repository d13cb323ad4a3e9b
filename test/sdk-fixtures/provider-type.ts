// expect: Type 'number' is not assignable to type 'string'
// A field of the wrong type (a queue's name is a string).
import type { Models, SdkRead } from "../../provider/src/sdk";

export type Named = SdkRead<Models.Queue, { name: number }>;
