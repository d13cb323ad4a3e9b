import assert from "node:assert/strict";
import { test } from "node:test";
import { rruleProblem } from "@genesys-clone/provider/dist/resources/architect-schedule/rrule";

test("rruleProblem accepts the rules Genesys schedules use", () => {
  for (const rule of [
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
    "FREQ=DAILY;INTERVAL=1",
    "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=WEEKLY;COUNT=10;WKST=MO",
    "FREQ=DAILY;UNTIL=20271231T235959Z",
  ]) {
    assert.equal(rruleProblem(rule), undefined, rule);
  }
});

test("rruleProblem names the bad part", () => {
  const cases: [string, RegExp][] = [
    ["BYDAY=MO", /FREQ is required/],
    ["FREQ=FORTNIGHTLY", /FREQ=FORTNIGHTLY is not valid/],
    ["FREQ=WEEKLY;BYDAY=MON", /BYDAY=MON is not valid/],
    ["FREQ=WEEKLY;INTERVAL=0", /INTERVAL=0 is not valid/],
    ["FREQ=WEEKLY;COLOR=RED", /unknown part 'COLOR'/],
    ["FREQ=WEEKLY;FREQ=DAILY", /'FREQ' appears twice/],
    ["FREQ=DAILY;COUNT=3;UNTIL=20270101", /COUNT and UNTIL/],
    ["FREQ=WEEKLY;", /'' is not NAME=VALUE/],
    ["FREQ=YEARLY;BYMONTH=13", /BYMONTH=13 is not valid/],
  ];
  for (const [rule, message] of cases) assert.match(rruleProblem(rule) ?? "", message, rule);
});
