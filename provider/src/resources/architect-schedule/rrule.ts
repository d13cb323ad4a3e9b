/**
 * Validates an iCalendar RRULE (RFC 5545 §3.3.10) as Genesys schedules use it, e.g.
 * FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR. Returns a message naming the bad part, or undefined when valid.
 */
const FREQS = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
const DAY = "(MO|TU|WE|TH|FR|SA|SU)";

function intList(value: string, min: number, max: number, nonZero = false): boolean {
  return value.split(",").every((v) => {
    if (!/^[+-]?\d+$/.test(v)) return false;
    const n = Number(v);
    return n >= min && n <= max && !(nonZero && n === 0);
  });
}

const PARTS: Record<string, (v: string) => boolean> = {
  FREQ: (v) => FREQS.includes(v),
  INTERVAL: (v) => /^\d+$/.test(v) && Number(v) > 0,
  COUNT: (v) => /^\d+$/.test(v) && Number(v) > 0,
  UNTIL: (v) => /^\d{8}(T\d{6}Z?)?$/.test(v),
  BYDAY: (v) => v.split(",").every((d) => new RegExp(`^[+-]?(\\d{1,2})?${DAY}$`).test(d)),
  BYMONTHDAY: (v) => intList(v, -31, 31, true),
  BYMONTH: (v) => intList(v, 1, 12),
  BYSETPOS: (v) => intList(v, -366, 366, true),
  BYYEARDAY: (v) => intList(v, -366, 366, true),
  BYWEEKNO: (v) => intList(v, -53, 53, true),
  BYHOUR: (v) => intList(v, 0, 23),
  BYMINUTE: (v) => intList(v, 0, 59),
  BYSECOND: (v) => intList(v, 0, 60),
  WKST: (v) => new RegExp(`^${DAY}$`).test(v),
};

export function rruleProblem(rule: string): string | undefined {
  const seen = new Set<string>();
  for (const part of rule.replace(/^RRULE:/, "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return `'${part}' is not NAME=VALUE`;
    const name = part.slice(0, eq);
    const value = part.slice(eq + 1);
    const valid = PARTS[name];
    if (!valid) return `unknown part '${name}'`;
    if (seen.has(name)) return `'${name}' appears twice`;
    seen.add(name);
    if (!valid(value)) return `${name}=${value} is not valid`;
  }
  if (!seen.has("FREQ")) return "FREQ is required (e.g. FREQ=WEEKLY)";
  if (seen.has("COUNT") && seen.has("UNTIL")) return "COUNT and UNTIL cannot both be set";
  return undefined;
}
