import { exporter as divisions } from "../resources/auth-division/export";
import { exporter as dataTables } from "../resources/architect-datatable/export";
import {
  exporter as emergencyGroups,
  flowsExporter as emergencyGroupFlows,
} from "../resources/architect-emergencygroup/export";
import { exporter as flows, shellExporter as flowShells } from "../resources/architect-flow/export";
import { exporter as schedules } from "../resources/architect-schedule/export";
import { exporter as scheduleGroups } from "../resources/architect-schedulegroup/export";
import { exporter as languages } from "../resources/routing-language/export";
import { exporter as queues } from "../resources/routing-queue/export";
import { exporter as queueFlows } from "../resources/routing-queue-flows/export";
import { exporter as skills } from "../resources/routing-skill/export";
import { exporter as wrapupCodes } from "../resources/routing-wrapupcode/export";
import { exporter as trunks } from "../resources/telephony-trunkbase/export";
import type { Exporter } from "./types";

/** Every type the importer writes, in the order of the generated index (and of declaration). */
export const EXPORTERS: readonly Exporter[] = [
  divisions,
  languages,
  skills,
  wrapupCodes,
  schedules,
  scheduleGroups,
  dataTables,
  emergencyGroups,
  queues,
  flowShells,
  flows,
  queueFlows,
  emergencyGroupFlows,
  trunks,
];
