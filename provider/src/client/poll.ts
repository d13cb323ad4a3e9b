/** Polls `probe` until it returns a value, with a deadline; no fixed sleeps where a state can be read. */
export async function pollUntil<T>(
  probe: () => Promise<T | undefined>,
  opts: {
    deadlineMs: number;
    intervalMs: number;
    what: string;
    now?: () => number;
    sleep?: (ms: number) => Promise<void>;
  },
): Promise<T> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + opts.deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (now() >= deadline)
      throw new Error(`Timed out after ${Math.round(opts.deadlineMs / 1000)} s waiting for ${opts.what}.`);
    await sleep(opts.intervalMs);
  }
}
