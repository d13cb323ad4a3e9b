import assert from "node:assert/strict";
import { test } from "node:test";
import {
  arr,
  call,
  control,
  divisionIds,
  entitiesOf,
  errorOf,
  idByName,
  obj,
  UUID_RE,
  withSource,
  type Json,
} from "./helpers";

const SCHEDULES = "/api/v2/architect/schedules";
const GROUPS = "/api/v2/architect/schedulegroups";

const NINE = "2026-03-02T09:00:00.000";
const FIVE = "2026-03-02T17:00:00.000";

interface FormatCase {
  name: string;
  start: string;
  stored: string;
}

const FORMAT_CASES: FormatCase[] = [
  { name: "millis as documented", start: "2026-03-02T08:00:00.000", stored: "2026-03-02T08:00:00.000" },
  { name: "no fraction -> .000", start: "2026-03-02T08:00:00", stored: "2026-03-02T08:00:00.000" },
  { name: "Terraform's micro form -> millis", start: "2026-03-02T08:00:00.000000", stored: "2026-03-02T08:00:00.000" },
  { name: "one fraction digit is padded", start: "2026-03-02T08:00:00.5", stored: "2026-03-02T08:00:00.500" },
];

test("schedules: local date-times are stored as yyyy-MM-ddTHH:mm:ss.SSS", async () => {
  await withSource({}, async (_emu, source, token) => {
    for (const [i, c] of FORMAT_CASES.entries()) {
      const r = await call(source, token, "POST", SCHEDULES, { name: `Format ${i}`, start: c.start, end: FIVE });
      assert.equal(r.status, 200, `${c.name}: ${JSON.stringify(r.body)}`);
      assert.equal(obj(r.body)["start"], c.stored, c.name);
      assert.equal(obj(r.body)["end"], FIVE, c.name);
    }
  });
});

test("schedules: create, get, versioned PUT, soft delete", async () => {
  await withSource({}, async (_emu, source, token) => {
    const div = await divisionIds(source, token);
    const created = await call(source, token, "POST", SCHEDULES, {
      name: "Audit Day",
      description: "yearly audit",
      division: { id: div["Billing"] },
      start: NINE,
      end: FIVE,
      rrule: "FREQ=YEARLY;BYMONTH=3;BYDAY=1MO",
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const s = obj(created.body);
    const id = String(s["id"]);
    assert.match(id, UUID_RE);
    assert.deepEqual(Object.keys(s), [
      "id",
      "name",
      "division",
      "description",
      "version",
      "dateCreated",
      "dateModified",
      "state",
      "start",
      "end",
      "rrule",
      "selfUri",
    ]);
    assert.equal(s["version"], 1);
    assert.equal(s["state"], "active");
    assert.equal(obj(s["division"])["name"], "Billing");
    assert.equal(s["selfUri"], `${SCHEDULES}/${id}`);
    assert.deepEqual((await call(source, token, "GET", `${SCHEDULES}/${id}`)).body, s);

    // PUT needs the current version: missing -> 400, stale -> 409
    const noVersion = await call(source, token, "PUT", `${SCHEDULES}/${id}`, {
      name: "Audit Day",
      start: NINE,
      end: FIVE,
    });
    assert.equal(noVersion.status, 400);
    assert.match(String(errorOf(noVersion)["message"]), /version/);
    const stale = await call(source, token, "PUT", `${SCHEDULES}/${id}`, {
      name: "Audit Day",
      start: NINE,
      end: FIVE,
      version: 7,
    });
    assert.equal(stale.status, 409);
    assert.equal(errorOf(stale)["code"], "general.conflict");
    assert.equal(errorOf(stale)["message"], "Version does not match current version.");
    const put = await call(source, token, "PUT", `${SCHEDULES}/${id}`, {
      ...s,
      name: "Audit Days",
      rrule: undefined,
      description: undefined,
      division: undefined,
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const p = obj(put.body);
    assert.equal(p["version"], 2);
    assert.equal(p["name"], "Audit Days");
    assert.equal("rrule" in p, false);
    assert.equal("description" in p, false);
    assert.equal(obj(p["division"])["name"], "Home");
    assert.equal((await call(source, token, "PUT", `${SCHEDULES}/${id}`, { ...p, version: 1 })).status, 409);

    // delete: soft, GET shows state deleted, listings omit it, the name is free again
    assert.equal((await call(source, token, "DELETE", `${SCHEDULES}/${id}`)).status, 204);
    const gone = obj((await call(source, token, "GET", `${SCHEDULES}/${id}`)).body);
    assert.equal(gone["state"], "deleted");
    assert.equal(gone["version"], 3);
    assert.equal(entitiesOf(await call(source, token, "GET", `${SCHEDULES}?name=Audit`)).length, 0);
    assert.equal((await call(source, token, "PUT", `${SCHEDULES}/${id}`, { ...p, version: 3 })).status, 404);
    assert.equal((await call(source, token, "DELETE", `${SCHEDULES}/${id}`)).status, 404);
    assert.equal(
      (await call(source, token, "POST", SCHEDULES, { name: "Audit Days", start: NINE, end: FIVE })).status,
      200,
    );
  });
});

interface RejectCase {
  name: string;
  body: Json;
  field: string;
  message: RegExp;
}

const REJECT_CASES: RejectCase[] = [
  { name: "start with Z", body: { start: "2026-03-02T09:00:00.000Z" }, field: "start", message: /without a time zone/ },
  {
    name: "end with an offset",
    body: { end: "2026-03-02T17:00:00.000+01:00" },
    field: "end",
    message: /without a time zone/,
  },
  { name: "date only", body: { start: "2026-03-02" }, field: "start", message: /yyyy-MM-ddTHH:mm:ss\.SSS/ },
  { name: "not a calendar date", body: { start: "2026-02-30T09:00:00.000" }, field: "start", message: /calendar/ },
  { name: "end before start", body: { start: FIVE, end: NINE }, field: "end", message: /must be after its start/ },
  { name: "end equal to start", body: { end: NINE }, field: "end", message: /must be after its start/ },
  { name: "missing start", body: { start: undefined }, field: "start", message: /start/ },
  { name: "rrule without FREQ", body: { rrule: "INTERVAL=1" }, field: "rrule", message: /part FREQ is required/ },
  {
    name: "rrule with unknown FREQ",
    body: { rrule: "FREQ=FORTNIGHTLY" },
    field: "rrule",
    message: /part FREQ: 'FORTNIGHTLY'/,
  },
  {
    name: "rrule with unknown part",
    body: { rrule: "FREQ=DAILY;BYWEEKNO=20" },
    field: "rrule",
    message: /unknown part BYWEEKNO/,
  },
  {
    name: "rrule with a bad weekday",
    body: { rrule: "FREQ=WEEKLY;BYDAY=MO,XX" },
    field: "rrule",
    message: /part BYDAY: 'XX'/,
  },
  {
    name: "rrule with INTERVAL=0",
    body: { rrule: "FREQ=DAILY;INTERVAL=0" },
    field: "rrule",
    message: /part INTERVAL: '0' is not a positive integer/,
  },
  {
    name: "rrule with a negative COUNT",
    body: { rrule: "FREQ=DAILY;COUNT=-2" },
    field: "rrule",
    message: /part COUNT: '-2'/,
  },
  {
    name: "rrule with BYMONTH=13",
    body: { rrule: "FREQ=YEARLY;BYMONTH=13" },
    field: "rrule",
    message: /part BYMONTH: '13'/,
  },
  {
    name: "rrule with a bad UNTIL",
    body: { rrule: "FREQ=DAILY;UNTIL=2026-12-31" },
    field: "rrule",
    message: /part UNTIL/,
  },
  {
    name: "rrule with COUNT and UNTIL",
    body: { rrule: "FREQ=DAILY;COUNT=3;UNTIL=20261231" },
    field: "rrule",
    message: /COUNT and UNTIL/,
  },
  {
    name: "rrule with a repeated part",
    body: { rrule: "FREQ=DAILY;FREQ=WEEKLY" },
    field: "rrule",
    message: /more than once/,
  },
  { name: "rrule that is not NAME=VALUE", body: { rrule: "FREQ=DAILY;;" }, field: "rrule", message: /NAME=VALUE/ },
];

test("schedules: table of rejected creates (400 invalid.value naming the field and the bad part)", async () => {
  await withSource({}, async (emu, source, token) => {
    const before = (await control(emu, "GET", "/state?org=source")).body;
    for (const c of REJECT_CASES) {
      const r = await call(source, token, "POST", SCHEDULES, { name: "Bad", start: NINE, end: FIVE, ...c.body });
      assert.equal(r.status, 400, c.name);
      const e = errorOf(r);
      assert.equal(e["code"], "invalid.value", c.name);
      assert.match(String(e["message"]), c.message, `${c.name}: ${String(e["message"])}`);
      assert.ok(String(e["message"]).includes(c.field), `${c.name} names ${c.field}`);
    }
    const dup = await call(source, token, "POST", SCHEDULES, { name: "christmas day", start: NINE, end: FIVE });
    assert.equal(dup.status, 409);
    assert.equal(errorOf(dup)["code"], "general.conflict");
    assert.deepEqual((await control(emu, "GET", "/state?org=source")).body, before);
  });
});

test("schedules: a schedule used by a group cannot be deleted (409) until the group is gone", async () => {
  await withSource({}, async (_emu, source, token) => {
    const labor = await idByName(source, token, SCHEDULES, "Labor Day");
    const r = await call(source, token, "DELETE", `${SCHEDULES}/${labor}`);
    assert.equal(r.status, 409);
    assert.equal(errorOf(r)["code"], "general.conflict");
    assert.match(
      String(errorOf(r)["message"]),
      /Labor Day is in use by schedule group\(s\): Billing Hours, Central Region Support, Main Line Hours/,
    );
    // The Main Line IVR routes by Main Line Hours: the group is free once the IVR is gone, and the IVR once the
    // emergency group that applies to it is.
    const emergency = await idByName(source, token, "/api/v2/architect/emergencygroups", "Severe Weather");
    assert.equal((await call(source, token, "DELETE", `/api/v2/architect/emergencygroups/${emergency}`)).status, 204);
    const ivr = await idByName(source, token, "/api/v2/architect/ivrs", "Main Line");
    assert.equal((await call(source, token, "DELETE", `/api/v2/architect/ivrs/${ivr}`)).status, 204);
    for (const g of ["Billing Hours", "Central Region Support", "Main Line Hours"]) {
      assert.equal(
        (await call(source, token, "DELETE", `${GROUPS}/${await idByName(source, token, GROUPS, g)}`)).status,
        204,
        g,
      );
    }
    assert.equal((await call(source, token, "DELETE", `${SCHEDULES}/${labor}`)).status, 204);
  });
});

test("schedules: listing, sorting and filters", async () => {
  await withSource({}, async (_emu, source, token) => {
    const all = entitiesOf(await call(source, token, "GET", `${SCHEDULES}?pageSize=500&sortBy=name`));
    assert.equal(all.length, 14);
    const names = all.map((s) => String(s["name"]).toLowerCase());
    assert.deepEqual(names, [...names].sort());
    const desc = entitiesOf(await call(source, token, "GET", `${SCHEDULES}?pageSize=2&sortOrder=desc`));
    assert.deepEqual(
      desc.map((s) => s["name"]),
      ["Weekend Support Hours", "Thanksgiving Day"],
    );
    assert.deepEqual(
      entitiesOf(await call(source, token, "GET", `${SCHEDULES}?name=christmas`)).map((s) => s["name"]),
      ["Christmas Day", "Christmas Eve Early Close"],
    );
    const div = await divisionIds(source, token);
    assert.deepEqual(
      entitiesOf(await call(source, token, "GET", `${SCHEDULES}?divisionId=${div["Billing"]}`)).map((s) => s["name"]),
      ["Billing Hours Mon-Fri"],
    );
    const ny = all.find((s) => s["name"] === "New Year's Day 2027")!;
    assert.equal("rrule" in ny, false);
    assert.equal(ny["start"], "2027-01-01T00:00:00.000");
    assert.equal(all.find((s) => s["name"] === "Business Hours Mon-Fri")!["rrule"], "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    assert.equal(
      errorOf(await call(source, token, "GET", `${SCHEDULES}?sortBy=start`))["code"],
      "invalid.query.param.value",
    );
    assert.equal(
      errorOf(await call(source, token, "GET", `${SCHEDULES}?pageSize=501`))["code"],
      "invalid.query.param.value",
    );
  });
});

test("schedule groups: create with references, versioned PUT, scheduleIds filter, soft delete", async () => {
  await withSource({}, async (_emu, source, token) => {
    const open = await idByName(source, token, SCHEDULES, "Business Hours Mon-Fri");
    const closed = await idByName(source, token, SCHEDULES, "Overnight Closure");
    const holiday = await idByName(source, token, SCHEDULES, "Christmas Day");
    const created = await call(source, token, "POST", GROUPS, {
      name: "Singapore Support",
      timeZone: "Asia/Singapore",
      openSchedules: [{ id: open }],
      closedSchedules: [{ id: closed }],
      holidaySchedules: [{ id: holiday }],
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const g = obj(created.body);
    const id = String(g["id"]);
    assert.deepEqual(Object.keys(g), [
      "id",
      "name",
      "division",
      "version",
      "dateCreated",
      "dateModified",
      "state",
      "timeZone",
      "openSchedules",
      "closedSchedules",
      "holidaySchedules",
      "selfUri",
    ]);
    assert.equal(g["version"], 1);
    assert.equal(obj(g["division"])["name"], "Home");
    assert.deepEqual(g["openSchedules"], [
      { id: open, name: "Business Hours Mon-Fri", selfUri: `${SCHEDULES}/${open}` },
    ]);
    assert.deepEqual(
      arr(g["holidaySchedules"]).map((s) => s["name"]),
      ["Christmas Day"],
    );
    assert.deepEqual((await call(source, token, "GET", `${GROUPS}/${id}`)).body, g);

    const byOpen = entitiesOf(await call(source, token, "GET", `${GROUPS}?scheduleIds=${open}`)).map((x) => x["name"]);
    assert.deepEqual(byOpen, ["Central Region Support", "Main Line Hours", "Singapore Support"]);

    assert.equal(
      (await call(source, token, "PUT", `${GROUPS}/${id}`, { name: "Singapore Support", timeZone: "Asia/Singapore" }))
        .status,
      400,
    );
    const stale = await call(source, token, "PUT", `${GROUPS}/${id}`, { ...g, version: 0 });
    assert.equal(stale.status, 409);
    assert.equal(errorOf(stale)["message"], "Version does not match current version.");
    const put = await call(source, token, "PUT", `${GROUPS}/${id}`, {
      ...g,
      closedSchedules: [],
      timeZone: "Asia/Tokyo",
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    assert.equal(obj(put.body)["version"], 2);
    assert.deepEqual(obj(put.body)["closedSchedules"], []);
    assert.equal(obj(put.body)["timeZone"], "Asia/Tokyo");

    assert.equal((await call(source, token, "DELETE", `${GROUPS}/${id}`)).status, 204);
    assert.equal(obj((await call(source, token, "GET", `${GROUPS}/${id}`)).body)["state"], "deleted");
    assert.equal(entitiesOf(await call(source, token, "GET", `${GROUPS}?name=Singapore`)).length, 0);
    assert.equal((await call(source, token, "DELETE", `${GROUPS}/${id}`)).status, 404);
  });
});

interface GroupRejectCase {
  name: string;
  body: Json;
  message: RegExp;
}

const GROUP_REJECT_CASES: GroupRejectCase[] = [
  {
    name: "unknown time zone",
    body: { timeZone: "Mars/Olympus_Mons" },
    message: /^Value \[Mars\/Olympus_Mons\] is not valid for field type \[timeZone\]/,
  },
  { name: "time zone offset instead of IANA name", body: { timeZone: "GMT+25" }, message: /timeZone/ },
  {
    name: "missing schedule",
    body: { openSchedules: [{ id: "00000000-0000-4000-8000-0000000005c0" }] },
    message: /^Schedule 00000000-0000-4000-8000-0000000005c0 in openSchedules does not exist$/,
  },
  {
    name: "deleted schedule",
    body: { holidaySchedules: [{ id: "{deleted}" }] },
    message: /^Schedule \{deleted\} in holidaySchedules does not exist$/,
  },
  {
    name: "schedule ref without id",
    body: { closedSchedules: [{ name: "Christmas Day" }] },
    message: /closedSchedules\[0\]\.id/,
  }, // TF architect_schedulegroups: open_schedules_id is Required.
  {
    name: "no open schedules",
    body: { openSchedules: [] },
    message: /^Invalid value for field 'openSchedules': a schedule group needs at least one open schedule$/,
  },
  { name: "open schedules missing", body: { openSchedules: undefined }, message: /openSchedules is required/ },
];

test("schedule groups: table of rejected creates", async () => {
  await withSource({}, async (emu, source, token) => {
    const deleted = String(
      obj((await call(source, token, "POST", SCHEDULES, { name: "Short Lived", start: NINE, end: FIVE })).body)["id"],
    );
    assert.equal((await call(source, token, "DELETE", `${SCHEDULES}/${deleted}`)).status, 204);
    const open = await idByName(source, token, SCHEDULES, "Business Hours Mon-Fri");
    const before = (await control(emu, "GET", "/state?org=source")).body;
    for (const c of GROUP_REJECT_CASES) {
      const body = JSON.parse(
        JSON.stringify({
          name: "Bad Group",
          timeZone: "America/New_York",
          openSchedules: [{ id: open }],
          ...c.body,
        }).replace("{deleted}", deleted),
      ) as unknown;
      const r = await call(source, token, "POST", GROUPS, body);
      assert.equal(r.status, 400, c.name);
      const e = errorOf(r);
      assert.equal(e["code"], "invalid.value", c.name);
      assert.match(String(e["message"]).replace(deleted, "{deleted}"), c.message, c.name);
    }
    assert.equal(
      (await call(source, token, "POST", GROUPS, { name: "SALES HOURS", openSchedules: [{ id: open }] })).status,
      409,
    );
    assert.deepEqual((await control(emu, "GET", "/state?org=source")).body, before);
  });
});
