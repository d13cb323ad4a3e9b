/**
 * A throw-away redis-server for tests that share a rate budget: its own free port, no persistence,
 * a temporary directory, stopped by `stop()`. Missing redis-server fails the test with how to install it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { promises as fs } from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";

export interface RunningRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let reply = "";
    socket.setTimeout(500, () => socket.destroy());
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (d: Buffer) => {
      reply += d.toString();
      if (reply.includes("\r\n")) socket.end();
    });
    socket.on("close", () => resolve(reply.startsWith("+PONG")));
    socket.on("error", () => resolve(false));
  });
}

export async function startRedis(): Promise<RunningRedis> {
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).error) {
    throw new Error(
      "redis-server is not on PATH, and the shared rate budget tests need one: run the tests with `npm test` " +
        "(scripts/setup-redis.sh finds or installs it), or install it (`sudo apt-get install -y redis-server`, `brew install redis`).",
    );
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "genesys-clone-redis-"));
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child: ChildProcess = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
        "--daemonize",
        "no",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d));
    child.stderr!.on("data", (d: Buffer) => (output += d));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    let gone = false;
    void exited.then(() => (gone = true));
    const deadline = Date.now() + 10_000;
    while (!gone && Date.now() < deadline && !(await ping(port))) await new Promise((r) => setTimeout(r, 50));
    if (!gone && (await ping(port))) {
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        stop: async () => {
          if (!gone) {
            child.kill("SIGTERM");
            await exited;
          }
          await fs.rm(dir, { recursive: true, force: true });
        },
      };
    }
    if (!gone) {
      child.kill("SIGKILL");
      await exited;
    }
    // The port may have been taken between finding it and binding it: try another.
    if (attempt >= 3) {
      await fs.rm(dir, { recursive: true, force: true });
      throw new Error(`redis-server did not start: ${output.trim().split("\n").slice(-3).join(" | ")}`);
    }
  }
}
