import * as pulumi from "@pulumi/pulumi";
import type { ResourceDefinition } from "./define";
import type { Kind } from "./registry";

/**
 * The provider object that Pulumi serializes into state for every dynamic resource. It captures
 * nothing but the resource type: each method `require`s the implementation by package name inside
 * the provider process, so no credentials and no local modules are ever written to state, and
 * provider fixes reach existing stacks without rewriting `__provider`. `configure` also carries the
 * stack's name, which names the stack's create journal (resources/journal.ts). Only registered kinds
 * (registry.ts) get a shim: a resource class of a type missing there does not compile.
 */
const shims = new Map<string, pulumi.dynamic.ResourceProvider>();

export function shimFor<K extends Kind>(
  definition: Pick<ResourceDefinition<K>, "type" | "kind">,
): pulumi.dynamic.ResourceProvider {
  const resourceType = definition.type; // the only value the methods capture
  const stack = pulumi.getStack();
  let shim = shims.get(`${resourceType} ${stack}`);
  if (!shim) {
    shim = {
      async configure(req) {
        require("@genesys-clone/provider/dist/process").configure((key: string) => req.config.get(key), stack);
      },
      async check(olds, news) {
        return require("@genesys-clone/provider/dist/process").impl(resourceType).check(olds, news);
      },
      async diff(id, olds, news) {
        return require("@genesys-clone/provider/dist/process").impl(resourceType).diff(id, olds, news);
      },
      async create(inputs) {
        return require("@genesys-clone/provider/dist/process").impl(resourceType).create(inputs);
      },
      async read(id, props) {
        return require("@genesys-clone/provider/dist/process").impl(resourceType).read(id, props);
      },
      async update(id, olds, news) {
        return require("@genesys-clone/provider/dist/process").impl(resourceType).update(id, olds, news);
      },
      async delete(id, props) {
        return require("@genesys-clone/provider/dist/process").impl(resourceType).delete(id, props);
      },
    };
    shims.set(`${resourceType} ${stack}`, shim);
  }
  return shim;
}
