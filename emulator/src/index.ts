export { startEmulator } from "./server";
export type { OrgInfo, RunningEmulator, StartEmulatorOptions } from "./types";
export type { Clock } from "./clock";
export { SEED_NAMES, SEEDS, type SeedName, type SeedData, type SeedOrg } from "./seeds";
export type { FaultRule } from "./faults/rules";
export { faultRuleSchema } from "./faults/rules";
export { defaultSettings, type OrgSettings, type OrgSettingsPatch } from "./state/settings";
export type { OrgStats, TimelineEntry } from "./state/stats";
export { emulatorControl, EmulatorControl, type ControlReply, type FaultList, type LockHolder } from "./control/client";
export type { OrgDump } from "./control/dump";
export {
  buildSyntheticOrg,
  clientCredentialsToken,
  plannedCounts,
  strictPlanApi,
  SYNTHETIC_USERS,
  syntheticDids,
  syntheticOrgPlan,
  syntheticSeed,
  syntheticShares,
  targetDid,
  type PlanApi,
  type Planned,
} from "./seeds/synthetic";
