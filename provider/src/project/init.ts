/**
 * `genesys-clone init <dir>`: a Pulumi project of the user's own that deploys imported code with the installed
 * package, nothing of this repository (Pulumi.yaml, package.json, the program entry, tsconfig, .gitignore and a
 * README section). Files the directory already has are merged (package.json, .gitignore, README.md) or refused
 * (Pulumi.yaml, index.ts), so running it in a directory where the tarball was just installed keeps that dependency.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { z } from "zod";

export const PACKAGE_NAME = "@genesys-clone/provider";

/** The versions the program needs beside the package: the SDK it was built with and ts-node for `typescript: true`. */
export const PROGRAM_DEPENDENCIES: Record<string, string> = {
  "@pulumi/pulumi": "3.248.0",
  "ts-node": "^10.9.2",
  typescript: "~5.9.3",
};

/** The README section's heading: it is appended once. */
export const README_HEADING = "## Genesys Cloud configuration (genesys-clone)";

export class InitError extends Error {}

/**
 * A Pulumi project name from a directory name: Pulumi allows letters, digits, `-`, `_` and `.`; anything else
 * becomes `-`, and an empty result is `genesys-clone`.
 */
export function projectName(dir: string): string {
  const slug = path
    .basename(path.resolve(dir))
    .replace(/[^A-Za-z0-9_.-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 100);
  return slug || "genesys-clone";
}

/**
 * The dependency spec of the package: a path to a tarball (or a directory) becomes `file:` relative to the
 * project, so the project can move with it; anything else (a version, a range, a URL) is written as given.
 */
export function packageSpec(spec: string, projectDir: string, exists: (p: string) => boolean = existsSync): string {
  if (/^(file:|https?:|git[+:]|npm:)/.test(spec)) return spec;
  const looksLikePath = spec.endsWith(".tgz") || spec.startsWith(".") || path.isAbsolute(spec);
  if (!looksLikePath || !exists(path.resolve(spec))) {
    if (looksLikePath)
      throw new InitError(`--package ${spec}: no such file (build one with \`npm pack -w provider\`).`);
    return spec;
  }
  const rel = path.relative(path.resolve(projectDir), path.resolve(spec)).split(path.sep).join("/");
  return `file:${rel.startsWith(".") ? rel : `./${rel}`}`;
}

export const PULUMI_YAML = (name: string) =>
  [
    `name: ${name}`,
    "description: Genesys Cloud configuration cloned with genesys-clone, one stack per target org",
    "runtime:",
    "  name: nodejs",
    "  options:",
    "    typescript: true",
    "main: index.ts",
    "",
  ].join("\n");

export const PROGRAM = `// The Pulumi program (written by \`genesys-clone init\`): one stack per target org, each deploying one imported
// source org with the @genesys-clone/provider package.
//   genesys-clone:source      directory under stacks/ written by \`npx genesys-clone import --out stacks/<name>\`
//   genesys-clone:transforms  optional region transforms file (default: transforms.<stack>.yaml, if present)
//   genesys-clone:onConflict  fail (default) or adopt, for names that already exist in the target org
//   genesyscloud:*            the target org: region, oauthClientId, secret oauthClientSecret
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
import { deployImported, program } from "@genesys-clone/provider";

export = program(async () => {
  const source = new pulumi.Config("genesys-clone").require("source");
  return deployImported(path.resolve(__dirname, "stacks", source), __dirname);
});
`;

export const TSCONFIG = `${JSON.stringify(
  {
    compilerOptions: {
      target: "ES2022",
      module: "commonjs",
      moduleResolution: "node",
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
    },
    include: ["index.ts", "stacks/**/*.ts"],
  },
  null,
  2,
)}\n`;

export const GITIGNORE_LINES = [
  "node_modules/",
  "*.tsbuildinfo",
  "# create journals and reports of genesys-clone: keep them on the machine that deploys, like a file backend's state",
  ".genesys-clone/",
  "stacks/*/.import-cache/",
];

export const README_SECTION = `${README_HEADING}
Written by \`genesys-clone init\`. Stack code lives under \`stacks/<source>/\` (from \`genesys-clone import\`); each
Pulumi stack deploys one of them to one target org. With \`pulumi\` on the PATH:
\`\`\`sh
npm install
GENESYSCLOUD_OAUTHCLIENT_ID="$SOURCE_CLIENT_ID" GENESYSCLOUD_OAUTHCLIENT_SECRET="$SOURCE_CLIENT_SECRET" \\
  npx genesys-clone import --region us-east-1 --out stacks/prod-us
pulumi stack init eu-west-1
pulumi config set genesys-clone:source prod-us --stack eu-west-1
pulumi config set genesyscloud:region eu-west-1 --stack eu-west-1
pulumi config set genesyscloud:oauthClientId "$TARGET_CLIENT_ID" --stack eu-west-1
printf '%s' "$TARGET_CLIENT_SECRET" | pulumi config set --secret genesyscloud:oauthClientSecret --stack eu-west-1
pulumi preview --stack eu-west-1
pulumi up --stack eu-west-1 --yes
npx genesys-clone rollout --stacks eu-west-1 preview
\`\`\`
A region transforms file \`transforms.<stack>.yaml\` beside Pulumi.yaml maps names, divisions, sites and time zones
per target.
`;

const PackageJson = z.looseObject({
  name: z.string().optional(),
  dependencies: z.record(z.string(), z.string()).optional(),
});

export interface InitOptions {
  /** The project name (default: from the directory's name). */
  name?: string;
  /** The package's spec when package.json does not depend on it yet: a tarball path or a version. */
  packageSpec: string;
}

export interface InitResult {
  written: string[];
  /** Files that existed and were merged (package.json, .gitignore, README.md) or kept (tsconfig.json). */
  kept: string[];
  dependency: string;
}

/** The package.json of the project: the existing one's fields kept, missing dependencies added. */
export function mergedPackageJson(
  existing: string | undefined,
  name: string,
  spec: string,
): { text: string; dependency: string } {
  let parsed: z.infer<typeof PackageJson>;
  try {
    parsed = existing === undefined ? {} : PackageJson.parse(JSON.parse(existing));
  } catch (err) {
    throw new InitError(
      `package.json is not a package manifest (${(err as Error).message.split("\n")[0]}): fix it first.`,
    );
  }
  const dependencies = { ...(parsed.dependencies ?? {}) };
  dependencies[PACKAGE_NAME] ??= spec;
  for (const [dep, version] of Object.entries(PROGRAM_DEPENDENCIES)) dependencies[dep] ??= version;
  const sorted = Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)));
  const out = { name, private: true, ...parsed, dependencies: sorted };
  return { text: `${JSON.stringify(out, null, 2)}\n`, dependency: sorted[PACKAGE_NAME]! };
}

/** .gitignore with the project's lines added (those already there are kept once). */
export function mergedGitignore(existing: string | undefined): string {
  const lines = existing === undefined ? [] : existing.replace(/\n$/, "").split("\n");
  const have = new Set(lines.map((l) => l.trim()));
  const added = GITIGNORE_LINES.filter((l) => !have.has(l));
  return [...lines, ...added].join("\n") + "\n";
}

/** README.md with the section appended once. */
export function mergedReadme(existing: string | undefined, name: string): string {
  if (existing === undefined) return `# ${name}\n\n${README_SECTION}`;
  if (existing.includes(README_HEADING)) return existing;
  return `${existing.replace(/\n*$/, "\n\n")}${README_SECTION}`;
}

export function initProject(dir: string, opts: InitOptions): InitResult {
  const root = path.resolve(dir);
  mkdirSync(root, { recursive: true });
  const at = (f: string) => path.join(root, f);
  const read = (f: string) => (existsSync(at(f)) ? readFileSync(at(f), "utf8") : undefined);
  for (const f of ["Pulumi.yaml", "Pulumi.yml", "index.ts"]) {
    if (existsSync(at(f)))
      throw new InitError(`${at(f)} exists already: init writes a new Pulumi project; choose an empty directory.`);
  }
  const name = opts.name ?? projectName(root);
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(name))
    throw new InitError(`--name '${name}': a Pulumi project name has only letters, digits, '-', '_' and '.'.`);
  const pkg = mergedPackageJson(read("package.json"), name, packageSpec(opts.packageSpec, root));
  const kept = ["package.json", "tsconfig.json", ".gitignore", "README.md"].filter((f) => existsSync(at(f)));
  const files: Record<string, string> = {
    "Pulumi.yaml": PULUMI_YAML(name),
    "index.ts": PROGRAM,
    ...(kept.includes("tsconfig.json") ? {} : { "tsconfig.json": TSCONFIG }),
    "package.json": pkg.text,
    ".gitignore": mergedGitignore(read(".gitignore")),
    "README.md": mergedReadme(read("README.md"), name),
  };
  mkdirSync(at("stacks"), { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(at(f), text);
  return { written: Object.keys(files).filter((f) => !kept.includes(f)), kept, dependency: pkg.dependency };
}
