import { exporter as skills } from "../resources/routing-skill/export";
import { exporter as wrapupCodes } from "../resources/routing-wrapupcode/export";
import type { Exporter } from "./types";

/** Every type the importer writes, in the order of the generated index. */
export const EXPORTERS: readonly Exporter[] = [skills, wrapupCodes];
