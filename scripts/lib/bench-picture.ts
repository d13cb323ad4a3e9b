// The benchmark's picture of one phase: calls answered per second against the rate-limit bound, and requests in
// flight, over time, from the emulator's request timeline. Pure functions: the benchmark writes the SVG, and
// `--json` carries the series.

/** [arrived, answered, status] per request, wall-clock ms (the emulator's `stats/timeline`). */
export type Call = readonly [startedAt: number, answeredAt: number, status: number];

export interface Series {
  /** Bucket width, seconds. */
  step_seconds: number;
  /** Seconds since the phase started, at each bucket's start. */
  t: number[];
  /** Calls answered in each bucket, per second. */
  calls_per_second: number[];
  /** 429 answers in each bucket, per second. */
  rate_limited_per_second: number[];
  /** Requests in flight (arrived, not yet answered), averaged over each bucket. */
  in_flight: number[];
}

/** Buckets the calls of a phase that started at `t0` (ms) into `stepMs` slices up to the last answer. */
export function seriesOf(calls: readonly Call[], t0: number, stepMs = 1000): Series {
  const end = calls.reduce((m, c) => Math.max(m, c[1]), t0);
  const n = Math.max(1, Math.ceil((end - t0) / stepMs));
  const answered = new Array<number>(n).fill(0);
  const limited = new Array<number>(n).fill(0);
  const busy = new Array<number>(n).fill(0); // request-ms in flight within each bucket
  for (const [start, stop, status] of calls) {
    const b = Math.min(n - 1, Math.max(0, Math.floor((stop - t0) / stepMs)));
    answered[b]! += 1;
    if (status === 429) limited[b]! += 1;
    for (let i = Math.max(0, Math.floor((start - t0) / stepMs)); i < n && t0 + i * stepMs < stop; i++) {
      const lo = Math.max(start, t0 + i * stepMs);
      const hi = Math.min(stop, t0 + (i + 1) * stepMs);
      if (hi > lo) busy[i]! += hi - lo;
    }
  }
  const perSecond = (x: number) => Number(((x * 1000) / stepMs).toFixed(2));
  return {
    step_seconds: stepMs / 1000,
    t: answered.map((_, i) => (i * stepMs) / 1000),
    calls_per_second: answered.map(perSecond),
    rate_limited_per_second: limited.map(perSecond),
    in_flight: busy.map((ms) => Number((ms / stepMs).toFixed(2))),
  };
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One chart's polyline through (t, value) points scaled into a box. */
function polyline(ts: number[], vs: number[], x: (t: number) => number, y: (v: number) => number): string {
  return ts.map((t, i) => `${x(t).toFixed(1)},${y(vs[i]!).toFixed(1)}`).join(" ");
}

/**
 * An SVG of the series: above, calls answered per second (blue), 429s per second (red) and the bound (the rate
 * limit, dashed); below, requests in flight. A stall, a dependency wave or an idle governor shows as a dip under
 * the dashed line.
 */
export function svgOf(series: Series, boundPerSecond: number, title: string): string {
  const W = 900;
  const H = 240;
  const left = 50;
  const right = 20;
  const duration = Math.max(series.step_seconds, (series.t.at(-1) ?? 0) + series.step_seconds);
  const x = (t: number) => left + (t / duration) * (W - left - right);
  const chart = (top: number, height: number, max: number) => (v: number) => top + height - (v / max) * height;
  const rateMax = Math.max(boundPerSecond * 1.25, ...series.calls_per_second, 1);
  const flightMax = Math.max(...series.in_flight, 1) * 1.1;
  const yRate = chart(30, 120, rateMax);
  const yFlight = chart(170, 50, flightMax);
  const ticks = Array.from({ length: 6 }, (_, i) => (duration * i) / 5);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H + 20}" viewBox="0 0 ${W} ${H + 20}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${left}" y="16" font-size="13">${escapeXml(title)}</text>`,
    `<line x1="${left}" x2="${W - right}" y1="${yRate(boundPerSecond).toFixed(1)}" y2="${yRate(boundPerSecond).toFixed(1)}" stroke="#555" stroke-dasharray="6 4"/>`,
    `<text x="${W - right}" y="${(yRate(boundPerSecond) - 4).toFixed(1)}" text-anchor="end" fill="#555">bound ${boundPerSecond.toFixed(1)}/s</text>`,
    `<polyline fill="none" stroke="#1f6feb" stroke-width="1.5" points="${polyline(series.t, series.calls_per_second, x, yRate)}"/>`,
    `<polyline fill="none" stroke="#d1242f" stroke-width="1" points="${polyline(series.t, series.rate_limited_per_second, x, yRate)}"/>`,
    `<text x="4" y="${yRate(rateMax / 2).toFixed(1)}" fill="#1f6feb">calls/s</text>`,
    `<polyline fill="none" stroke="#8250df" stroke-width="1.5" points="${polyline(series.t, series.in_flight, x, yFlight)}"/>`,
    `<text x="4" y="${yFlight(flightMax / 2).toFixed(1)}" fill="#8250df">in flight</text>`,
    `<text x="${left - 4}" y="${yFlight(flightMax / 1.1).toFixed(1)}" text-anchor="end" fill="#8250df">${Math.round(flightMax / 1.1)}</text>`,
    `<line x1="${left}" x2="${W - right}" y1="${H - 20}" y2="${H - 20}" stroke="#999"/>`,
    ...ticks.map((t) => `<text x="${x(t).toFixed(1)}" y="${H - 6}" text-anchor="middle">${t.toFixed(0)} s</text>`),
    `<text x="${left}" y="${H + 14}" fill="#555">blue: calls answered per second; red: 429s per second; purple: requests in flight</text>`,
    `</svg>`,
    "",
  ].join("\n");
}
