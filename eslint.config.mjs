// ESLint with the TypeScript rules (typescript-eslint's recommended set) over every TypeScript file; Prettier owns
// the layout, so no stylistic rules here.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/",
      "**/dist/",
      ".pulumi-state/",
      ".genesys-clone/",
      "stacks/.test-*/",
      "stacks/.bench-*/",
      "stacks/*/.import-cache/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused names are errors, except the `_`-prefixed ones a signature needs.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    // The dynamic provider is serialized by Pulumi: implementation modules are `require`d inside each method so the
    // closure captures no local module (see shared/reference/pulumi.md); each type's definition loads its
    // implementation the same way, only when the provider process first needs it; and the SDK compatibility test
    // loads the official SDK's CommonJS build.
    files: [
      "provider/src/resources/*/index.ts",
      "provider/src/resources/shim.ts",
      "provider/src/preflight.ts",
      "provider/src/program/secret-config.ts",
      "test/emulator/sdk-compat*.test.ts",
      "test/emulator/sdk-gateway.ts",
    ],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Compile-time fixtures: each declares a value only to check its type against the SDK's models.
    files: ["test/sdk-fixtures/**"],
    rules: { "@typescript-eslint/no-unused-vars": "off" },
  },
  {
    // Committed launchers and the CLI's plain JavaScript run under Node's CommonJS.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
