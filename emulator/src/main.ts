#!/usr/bin/env node
import { Command, InvalidArgumentError } from "commander";
import { isSeedName, SEED_NAMES, type SeedName } from "./seeds";
import { startEmulator } from "./server";

function intOption(min: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`expected an integer >= ${min}`);
    return Number(value);
  };
}

function seedOption(value: string): SeedName {
  if (!isSeedName(value)) throw new InvalidArgumentError(`expected one of: ${SEED_NAMES.join(", ")}`);
  return value;
}

interface CliOptions {
  seed: SeedName;
  port: number;
  host: string;
  rateLimit?: number;
  randomSeed?: number;
}

async function main(): Promise<void> {
  const program = new Command()
    .name("genesys-emulator")
    .description(
      "Local Genesys Cloud Platform API emulator. Prints one JSON line {url, orgs} to stdout, then serves until SIGTERM/SIGINT.",
    )
    .option("--seed <name>", `initial data set (${SEED_NAMES.join(" | ")})`, seedOption, "sample")
    .option("--port <n>", "port to listen on (0 = any free port)", intOption(0), 0)
    .option("--host <host>", "interface to bind", "127.0.0.1")
    .option("--rate-limit <n>", "requests per minute per token (default 300)", intOption(1))
    .option("--random-seed <n>", "seed of the fault-injection PRNG (default 1)", intOption(0))
    .parse(process.argv);
  const opts = program.opts<CliOptions>();

  const emulator = await startEmulator({
    seed: opts.seed,
    port: opts.port,
    host: opts.host,
    ...(opts.rateLimit !== undefined ? { rateLimitPerMinute: opts.rateLimit } : {}),
    ...(opts.randomSeed !== undefined ? { randomSeed: opts.randomSeed } : {}),
  });
  // The one and only stdout line: callers parse it to find the URL and the OAuth clients.
  process.stdout.write(`${JSON.stringify({ url: emulator.url, orgs: emulator.orgs })}\n`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(
          `genesys-emulator: error while closing: ${err instanceof Error ? err.message : String(err)}\n`,
        );
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`genesys-emulator: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
