import * as pulumi from "@pulumi/pulumi";
import { readFileSync } from "fs";
import * as path from "path";
import type { Inputs } from "../define";
import { shimFor } from "../shim";
import { flow, flowShell } from ".";
import type { FlowArgs as FlowSchema, FlowShellArgs as FlowShellSchema } from "./schema";

/** Name and type identify a flow (a new one replaces it); `yaml` is the Archy YAML (see readFlow) with {{key}} placeholders. */
export type FlowArgs = Inputs<typeof FlowSchema>;

/** The text of a flow file next to the stack code: `readFlow(__dirname, "flows/main-ivr.yaml")`. */
export function readFlow(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), "utf8");
}

/** An Architect flow, deployed and published through the Architect jobs API. */
export class Flow extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly contentHash: pulumi.Output<string>;
  declare readonly publishedVersion: pulumi.Output<string>;
  constructor(name: string, args: FlowArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      shimFor(flow),
      name,
      { contentHash: undefined, publishedVersion: undefined, ...args },
      opts,
      "genesyscloud",
      flow.urnType,
    );
  }
}

export type FlowShellArgs = Inputs<typeof FlowShellSchema>;

/** The first, empty publication of a flow that is part of a reference cycle (see the importer). */
export class FlowShell extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: FlowShellArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(flowShell), name, args, opts, "genesyscloud", flowShell.urnType);
  }
}
