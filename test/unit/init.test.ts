import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import {
  initProject,
  mergedGitignore,
  mergedPackageJson,
  mergedReadme,
  packageSpec,
  projectName,
  README_HEADING,
} from "@genesys-clone/provider/dist/project/init";

// `genesys-clone init <dir>`: the project it writes and how it merges what the directory already has.
const NAMES: { dir: string; want: string }[] = [
  { dir: "/home/me/acme-cc", want: "acme-cc" },
  { dir: "/home/me/Contact Centre (EU)", want: "Contact-Centre-EU" },
  { dir: "/home/me/.hidden", want: "hidden" },
  { dir: "/home/me/日本", want: "genesys-clone" },
];
for (const c of NAMES) {
  test(`projectName: ${c.dir} -> ${c.want}`, () => assert.equal(projectName(c.dir), c.want));
}

const SPECS: { name: string; spec: string; files: string[]; want?: string; error?: RegExp }[] = [
  {
    name: "a tarball becomes file: relative to the project",
    spec: "/work/pkgs/genesys-clone-provider-0.1.0.tgz",
    files: ["/work/pkgs/genesys-clone-provider-0.1.0.tgz"],
    want: "file:../pkgs/genesys-clone-provider-0.1.0.tgz",
  },
  {
    name: "a tarball inside the project starts with ./",
    spec: "/work/proj/vendor/p.tgz",
    files: ["/work/proj/vendor/p.tgz"],
    want: "file:./vendor/p.tgz",
  },
  { name: "a version is written as given", spec: "^0.1.0", files: [], want: "^0.1.0" },
  { name: "a file: spec is written as given", spec: "file:../x.tgz", files: [], want: "file:../x.tgz" },
  { name: "a missing tarball is refused", spec: "/nowhere/p.tgz", files: [], error: /no such file.*npm pack/ },
];
for (const c of SPECS) {
  test(`packageSpec: ${c.name}`, () => {
    const exists = (p: string) => c.files.includes(p);
    if (c.error) assert.throws(() => packageSpec(c.spec, "/work/proj", exists), c.error);
    else assert.equal(packageSpec(c.spec, "/work/proj", exists), c.want);
  });
}

test("mergedPackageJson: adds the package and the program's dependencies, keeps what is there", () => {
  const fresh = JSON.parse(mergedPackageJson(undefined, "acme", "file:../p.tgz").text);
  assert.equal(fresh.name, "acme");
  assert.equal(fresh.private, true);
  assert.deepEqual(Object.keys(fresh.dependencies), [
    "@genesys-clone/provider",
    "@pulumi/pulumi",
    "ts-node",
    "typescript",
  ]);
  assert.equal(fresh.dependencies["@genesys-clone/provider"], "file:../p.tgz");

  const existing = JSON.stringify({
    name: "mine",
    scripts: { x: "y" },
    dependencies: { "@genesys-clone/provider": "file:p.tgz", "@pulumi/pulumi": "3.250.0", lodash: "^4" },
  });
  const merged = mergedPackageJson(existing, "acme", "^0.1.0");
  const out = JSON.parse(merged.text);
  assert.equal(out.name, "mine", "an existing name stays");
  assert.deepEqual(out.scripts, { x: "y" });
  assert.equal(out.dependencies["@genesys-clone/provider"], "file:p.tgz", "the installed tarball stays");
  assert.equal(out.dependencies["@pulumi/pulumi"], "3.250.0", "a chosen SDK version stays");
  assert.equal(out.dependencies.lodash, "^4");
  assert.equal(merged.dependency, "file:p.tgz");
  assert.throws(() => mergedPackageJson("{not json", "acme", "^0.1.0"), /package.json is not a package manifest/);
});

test("mergedGitignore and mergedReadme: their lines and section are added once", () => {
  const once = mergedGitignore("dist/\nnode_modules/\n");
  assert.equal(mergedGitignore(once), once);
  assert.equal(once.split("\n").filter((l) => l === "node_modules/").length, 1);
  assert.match(once, /^dist\/\n/);
  assert.match(once, /\n\.genesys-clone\/\n/);
  const readme = mergedReadme("# Mine\n\nText.\n", "acme");
  assert.ok(readme.startsWith("# Mine\n\nText.\n\n" + README_HEADING));
  assert.equal(mergedReadme(readme, "acme"), readme);
  assert.ok(mergedReadme(undefined, "acme").startsWith(`# acme\n\n${README_HEADING}`));
});

test("initProject: writes a project, merges an existing package.json, refuses an existing Pulumi project", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "genesys-clone-init-"));
  try {
    writeFileSync(
      path.join(dir, "package.json"),
      JSON.stringify({ dependencies: { "@genesys-clone/provider": "file:p.tgz" } }),
    );
    const result = initProject(path.join(dir), { packageSpec: "^0.1.0", name: "acme" });
    assert.deepEqual(result.written.sort(), [".gitignore", "Pulumi.yaml", "README.md", "index.ts", "tsconfig.json"]);
    assert.deepEqual(result.kept, ["package.json"]);
    assert.equal(result.dependency, "file:p.tgz");
    const yaml = readFileSync(path.join(dir, "Pulumi.yaml"), "utf8");
    assert.match(yaml, /^name: acme\n/);
    assert.match(yaml, /\nruntime:\n {2}name: nodejs\n/);
    assert.match(yaml, /\nmain: index\.ts\n/);
    assert.match(readFileSync(path.join(dir, "index.ts"), "utf8"), /from "@genesys-clone\/provider"/);
    assert.throws(() => initProject(dir, { packageSpec: "^0.1.0" }), /Pulumi\.yaml exists already/);
    assert.throws(
      () => initProject(path.join(dir, "other"), { packageSpec: "^0.1.0", name: "a b" }),
      /a Pulumi project name has only/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
