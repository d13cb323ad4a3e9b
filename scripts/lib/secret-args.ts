/** Flags of `pulumi config set` that take a value (the rest are switches). */
const VALUE_FLAGS = new Set([
  "--stack",
  "-s",
  "--config-file",
  "--cwd",
  "-C",
  "--color",
  "--tracing",
  "--verbose",
  "-v",
  "--logflow",
]);

/**
 * The key of a `pulumi config set --secret KEY VALUE` (or `config set-all --secret KEY=VALUE`) whose secret value
 * is on the command line, else undefined.
 */
export function secretOnCommandLine(args: readonly string[]): string | undefined {
  const words: string[] = [];
  let secret = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--secret" || a.startsWith("--secret=")) {
      if (a.startsWith("--secret=")) return a.slice("--secret=".length).split("=")[0]; // set-all --secret=key=value
      secret = true;
      if (words[0] === "config" && words[1] === "set-all" && args[i + 1] !== undefined)
        return args[i + 1]!.split("=")[0];
    } else if (a.startsWith("-")) {
      if (VALUE_FLAGS.has(a)) i++;
    } else words.push(a);
  }
  if (!secret || words[0] !== "config" || words[1] !== "set") return undefined;
  return words.length >= 4 ? words[2] : undefined;
}
