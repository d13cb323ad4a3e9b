/** @genesys-clone/provider: the resources stack code declares, and the pieces the CLI and tests use. */
export { Skill } from "./resources/routing-skill/resource";
export type { SkillArgs } from "./resources/routing-skill/resource";
export { WrapupCode } from "./resources/routing-wrapupcode/resource";
export type { WrapupCodeArgs } from "./resources/routing-wrapupcode/resource";
export { preflight, program } from "./preflight";
