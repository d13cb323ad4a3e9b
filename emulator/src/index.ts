export { startEmulator } from "./server";
export type { OrgInfo, RunningEmulator, StartEmulatorOptions } from "./types";
export type { Clock } from "./clock";
export { SEED_NAMES, SEEDS, type SeedName, type SeedData, type SeedOrg } from "./seeds";
export type { FaultRule } from "./faults/rules";
export { faultRuleSchema } from "./faults/rules";
export { defaultSettings, type OrgSettings, type OrgSettingsPatch } from "./state/settings";
export type { OrgStats } from "./state/stats";
