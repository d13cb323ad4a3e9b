// expect: Property '"description"' is missing
// A division body without description, which the SDK's AuthzDivision requires.
import type { Models, SdkBody } from "../../provider/src/sdk";

export type Division = SdkBody<Models.AuthzDivision, { name: string }>;
