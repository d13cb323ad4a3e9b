import { invalidValue } from "../errors";

/**
 * The formats of Architect schedules: local date-times without a zone, iCal RRULEs and IANA time zones.
 * Pure functions; every violation is a 400 `invalid.value` naming the field.
 */

const LOCAL_DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
const ZONED_RE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `yyyy-MM-ddTHH:mm:ss[.S…]` (1 to 9 fraction digits, e.g. Terraform's `.000000`) normalised to
 * `yyyy-MM-ddTHH:mm:ss.SSS`. A `Z` or an offset is rejected: a schedule's time zone is its group's.
 */
export function normalizeLocalDateTime(field: string, raw: string): string {
  const m = LOCAL_DATE_TIME_RE.exec(raw);
  if (!m) {
    const zoned = ZONED_RE.test(raw) && LOCAL_DATE_TIME_RE.test(raw.replace(ZONED_RE, ""));
    throw invalidValue(
      field,
      zoned
        ? `Value [${raw}] is not valid for field type [${field}]. Schedule times are local date-times without a time zone (yyyy-MM-ddTHH:mm:ss.SSS); the schedule group carries the time zone`
        : `Value [${raw}] is not valid for field type [${field}]. Expected a local date-time yyyy-MM-ddTHH:mm:ss.SSS`,
    );
  }
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    throw invalidValue(field, `Value [${raw}] is not valid for field type [${field}]. It is not a calendar date-time`);
  }
  const millis = (m[7] ?? "").padEnd(3, "0").slice(0, 3);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${millis}`;
}

const FREQUENCIES = ["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

type PartCheck = (value: string) => string | undefined;

function intList(min: number, max: number, signed: boolean): PartCheck {
  return (value) => {
    for (const v of value.split(",")) {
      const re = signed ? /^[+-]?\d{1,3}$/ : /^\d{1,3}$/;
      const n = Math.abs(Number(v));
      if (!re.test(v) || n < min || n > max)
        return `'${v}' is not ${signed ? "a signed" : "an"} integer in ${min}..${max}`;
    }
    return undefined;
  };
}

const positiveInt: PartCheck = (value) =>
  /^\d+$/.test(value) && Number(value) >= 1 ? undefined : `'${value}' is not a positive integer`;

const weekday: PartCheck = (value) =>
  WEEKDAYS.includes(value) ? undefined : `'${value}' is not one of ${WEEKDAYS.join(", ")}`;

const byDay: PartCheck = (value) => {
  for (const v of value.split(",")) {
    const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(v);
    const ordinal = m?.[1] === undefined ? undefined : Math.abs(Number(m[1]));
    if (!m || !WEEKDAYS.includes(m[2]!) || (ordinal !== undefined && (ordinal < 1 || ordinal > 53))) {
      return `'${v}' is not a weekday (${WEEKDAYS.join(", ")}) with an optional ordinal`;
    }
  }
  return undefined;
};

const until: PartCheck = (value) => {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(value);
  if (!m) return `'${value}' is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS[Z])`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return `'${value}' is not a calendar date`;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59))
    return `'${value}' is not a time of day`;
  return undefined;
};

const RRULE_PARTS: Record<string, PartCheck> = {
  FREQ: (value) => (FREQUENCIES.includes(value) ? undefined : `'${value}' is not one of ${FREQUENCIES.join(", ")}`),
  INTERVAL: positiveInt,
  COUNT: positiveInt,
  UNTIL: until,
  BYDAY: byDay,
  BYMONTHDAY: intList(1, 31, true),
  BYMONTH: intList(1, 12, false),
  BYSETPOS: intList(1, 366, true),
  WKST: weekday,
  BYHOUR: intList(0, 23, false),
  BYMINUTE: intList(0, 59, false),
};

/** Checks an iCal RRULE value (`FREQ=WEEKLY;BYDAY=MO,TU`): FREQ required, known parts only, each once. */
export function checkRrule(raw: string): string {
  const fail = (detail: string) => invalidValue("rrule", `Invalid rrule [${raw}]: ${detail}`);
  const seen = new Set<string>();
  const segments = raw.endsWith(";") ? raw.slice(0, -1).split(";") : raw.split(";");
  for (const segment of segments) {
    const eq = segment.indexOf("=");
    if (eq <= 0) throw fail(`part '${segment}' is not NAME=VALUE`);
    const name = segment.slice(0, eq).toUpperCase();
    const value = segment.slice(eq + 1).toUpperCase();
    const check = RRULE_PARTS[name];
    if (!check) throw fail(`unknown part ${name} (allowed: ${Object.keys(RRULE_PARTS).join(", ")})`);
    if (seen.has(name)) throw fail(`part ${name} appears more than once`);
    seen.add(name);
    if (value === "") throw fail(`part ${name} has no value`);
    const problem = check(value);
    if (problem !== undefined) throw fail(`part ${name}: ${problem}`);
  }
  if (!seen.has("FREQ")) throw fail("part FREQ is required");
  if (seen.has("COUNT") && seen.has("UNTIL")) throw fail("parts COUNT and UNTIL must not both be given");
  return raw;
}

/** An IANA time zone name the platform's Intl knows (e.g. `America/New_York`). */
export function checkTimeZone(raw: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: raw });
  } catch {
    throw invalidValue(
      "timeZone",
      `Value [${raw}] is not valid for field type [timeZone]. Expected an IANA time zone such as America/New_York`,
    );
  }
  return raw;
}
