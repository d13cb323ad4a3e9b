/** @genesys-clone/provider: the resources stack code declares, and the pieces the CLI and tests use. */
export { Division } from "./resources/auth-division/resource";
export type { DivisionArgs } from "./resources/auth-division/resource";
export { Language } from "./resources/routing-language/resource";
export type { LanguageArgs } from "./resources/routing-language/resource";
export { Skill } from "./resources/routing-skill/resource";
export type { SkillArgs } from "./resources/routing-skill/resource";
export { WrapupCode } from "./resources/routing-wrapupcode/resource";
export type { WrapupCodeArgs } from "./resources/routing-wrapupcode/resource";
export { Schedule } from "./resources/architect-schedule/resource";
export type { ScheduleArgs } from "./resources/architect-schedule/resource";
export { ScheduleGroup } from "./resources/architect-schedulegroup/resource";
export type { ScheduleGroupArgs } from "./resources/architect-schedulegroup/resource";
export { Queue } from "./resources/routing-queue/resource";
export type { QueueArgs } from "./resources/routing-queue/resource";
export { lookup } from "./program/lookup";
export { deployImported, preflight, program } from "./preflight";
