import type { Options } from "prettier";

/**
 * Generated stack code goes through Prettier with the repository's own settings (.prettierrc.json; a unit test keeps
 * the two equal), so `npm run lint` passes on stacks the importer writes and a user's formatter leaves them alone.
 */
export const PRETTIER_OPTIONS: Options = { printWidth: 120 };

/** Formats a generated TypeScript file; other files (flow YAML, audio) are written as they are. */
export async function formatGenerated(file: string, text: string): Promise<string> {
  if (!file.endsWith(".ts")) return text;
  // Loaded on first use: the provider process never formats, and Prettier is large.
  const prettier = await import("prettier");
  return prettier.format(text, { ...PRETTIER_OPTIONS, parser: "typescript" });
}
