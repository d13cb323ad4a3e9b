import * as pulumi from "@pulumi/pulumi";
import { readFileSync } from "fs";
import * as path from "path";
import { shimFor } from "../shim";
import { RESOURCE_TYPE, SHELL_RESOURCE_TYPE } from "./schema";

export interface FlowArgs {
  /** Flow name; a new name or type replaces the flow (flows are identified by name and type). */
  name: pulumi.Input<string>;
  /** Archy type in lower case: inboundcall, inqueuecall, ... */
  type: pulumi.Input<string>;
  /** The Archy YAML (see readFlow), with {{key}} placeholders. */
  yaml: pulumi.Input<string>;
  /** Placeholder values: usually other resources' `.name`, which also orders the deployment. */
  substitutions?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** `flowShell.id` when the flow is part of a reference cycle (the importer writes it). */
  shell?: pulumi.Input<string>;
  /** Unlock the flow first when another client holds its lock. */
  forceUnlock?: pulumi.Input<boolean>;
  onConflict?: pulumi.Input<"fail" | "adopt">;
}

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
      shimFor(RESOURCE_TYPE),
      name,
      { contentHash: undefined, publishedVersion: undefined, ...args },
      opts,
      "genesyscloud",
      "ArchitectFlow",
    );
  }
}

export interface FlowShellArgs {
  name: pulumi.Input<string>;
  type: pulumi.Input<string>;
  division?: pulumi.Input<string>;
  onConflict?: pulumi.Input<"fail" | "adopt">;
}

/** The first, empty publication of a flow that is part of a reference cycle (see the importer). */
export class FlowShell extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  constructor(name: string, args: FlowShellArgs, opts?: pulumi.CustomResourceOptions) {
    super(shimFor(SHELL_RESOURCE_TYPE), name, args, opts, "genesyscloud", "ArchitectFlowShell");
  }
}
