import assert from "node:assert/strict";
import { test } from "node:test";
import { call, control, divisionIds, errorOf, idByName, obj, withSource, type Json } from "./helpers";

// Real-API rules the emulator follows, each traced to the official SDK or the Terraform provider (issue 11).
const QUEUES = "/api/v2/routing/queues";
const TEAM_ID = "6a1b2c3d-0000-4000-8000-000000006e01";

test("queues: conditional group routing, first rule read back naming its own queue, a PUT naming a queue there is 400", async () => {
  await withSource({}, async (_emu, source, token) => {
    const other = await idByName(source, token, QUEUES, "Overflow");
    const created = await call(source, token, "POST", QUEUES, {
      name: "CGR Queue",
      conditionalGroupRouting: {
        rules: [
          {
            metric: "EstimatedWaitTime",
            operator: "GreaterThan",
            conditionValue: 30,
            waitSeconds: 2,
            groups: [{ id: TEAM_ID, type: "TEAM" }],
          },
          {
            queue: { id: other },
            metric: "ServiceLevel",
            operator: "LessThan",
            conditionValue: 0.8,
            groups: [{ id: TEAM_ID, type: "TEAM" }],
          },
        ],
      },
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const q = obj(created.body);
    const id = String(q["id"]);
    const rules = obj(q["conditionalGroupRouting"])["rules"] as Json[];
    assert.deepEqual(
      rules.map((r) => obj(r["queue"])["id"]),
      [id, other],
      "the first rule reads back naming the queue itself",
    );

    // Sending the read shape back (what a naive full-replace PUT does) is what the real API rejects.
    const resent = await call(source, token, "PUT", `${QUEUES}/${id}`, q);
    assert.equal(resent.status, 400);
    const err = errorOf(resent);
    assert.equal(err["code"], "invalid.value");
    assert.match(String(err["message"]), /conditionalGroupRouting\.rules\[0\]\.queue must not be set/);

    const firstStripped = structuredClone(q);
    delete obj((obj(firstStripped["conditionalGroupRouting"])["rules"] as Json[])[0])["queue"];
    const ok = await call(source, token, "PUT", `${QUEUES}/${id}`, { ...firstStripped, description: "changed" });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual((obj(obj(ok.body)["conditionalGroupRouting"])["rules"] as Json[]).length, 2);

    const tooMany = await call(source, token, "PUT", `${QUEUES}/${id}`, {
      name: "CGR Queue",
      conditionalGroupRouting: { rules: Array.from({ length: 6 }, () => ({})) },
    });
    assert.equal(tooMany.status, 400);
    const unknownQueue = await call(source, token, "PUT", `${QUEUES}/${id}`, {
      name: "CGR Queue",
      conditionalGroupRouting: { rules: [{}, { queue: { id: TEAM_ID } }] },
    });
    assert.equal(unknownQueue.status, 400);
    assert.match(String(errorOf(unknownQueue)["message"]), /rules\[1\]\.queue does not exist/);
  });
});

test("queues: the API's limits (TF routing_queue schema) are 400 invalid.value naming the field, nothing stored", async () => {
  await withSource({}, async (emu, source, token) => {
    const before = (await control(emu, "GET", "/state?org=source")).body;
    const cases: { body: Json; field: string }[] = [
      {
        body: { mediaSettings: { call: { alertingTimeoutSeconds: 6 } } },
        field: "mediaSettings.call.alertingTimeoutSeconds",
      },
      {
        body: { mediaSettings: { chat: { serviceLevel: { percentage: 0.8, durationMs: 999 } } } },
        field: "mediaSettings.chat.serviceLevel.durationMs",
      },
      { body: { bullseye: { rings: Array.from({ length: 7 }, () => ({})) } }, field: "bullseye.rings" },
    ];
    for (const c of cases) {
      const r = await call(source, token, "POST", QUEUES, { name: "Limits", ...c.body });
      assert.equal(r.status, 400, c.field);
      const e = errorOf(r);
      assert.equal(e["code"], "invalid.value");
      assert.match(
        String(e["message"]),
        new RegExp(`^Invalid value for field '${c.field.replace(/\./g, "\\.")}'`),
        c.field,
      );
    }
    assert.deepEqual((await control(emu, "GET", "/state?org=source")).body, before);
    const atLimits = {
      mediaSettings: { call: { alertingTimeoutSeconds: 7, serviceLevel: { percentage: 0.8, durationMs: 1000 } } },
      bullseye: { rings: Array.from({ length: 6 }, () => ({})) },
    };
    assert.equal((await call(source, token, "POST", QUEUES, { name: "Limits", ...atLimits })).status, 200);
  });
});

test("divisions: a queue moves with POST /authorization/divisions/{id}/objects/QUEUE (SDK postAuthorizationDivisionObject), never by PUT", async () => {
  await withSource({}, async (_emu, source, token) => {
    const div = await divisionIds(source, token);
    const id = await idByName(source, token, QUEUES, "Billing - Payments");
    const q = obj((await call(source, token, "GET", `${QUEUES}/${id}`)).body);
    const put = await call(source, token, "PUT", `${QUEUES}/${id}`, { ...q, division: { id: div["Sales"] } });
    assert.equal(put.status, 200);
    assert.equal(obj(obj(put.body)["division"])["name"], "Billing", "a division in the PUT body is ignored");

    const moved = await call(source, token, "POST", `/api/v2/authorization/divisions/${div["Sales"]}/objects/QUEUE`, [
      id,
    ]);
    assert.equal(moved.status, 204);
    assert.equal(moved.body, undefined);
    assert.equal(obj(obj((await call(source, token, "GET", `${QUEUES}/${id}`)).body)["division"])["name"], "Sales");

    const other = await idByName(source, token, QUEUES, "Overflow");
    const rejected: { path: string; body: unknown; status: number; message: RegExp }[] = [
      {
        path: `/api/v2/authorization/divisions/00000000-0000-4000-8000-000000000000/objects/QUEUE`,
        body: [other],
        status: 404,
        message: /./,
      },
      {
        path: `/api/v2/authorization/divisions/${div["Billing"]}/objects/QUEUE`,
        body: [other, TEAM_ID],
        status: 400,
        message: new RegExp(`Queue ${TEAM_ID} not found`),
      },
      {
        path: `/api/v2/authorization/divisions/${div["Billing"]}/objects/QUEUE`,
        body: { ids: [other] },
        status: 400,
        message: /array of object ids/,
      },
      {
        path: `/api/v2/authorization/divisions/${div["Billing"]}/objects/CAMPAIGN`,
        body: [other],
        status: 400,
        message: /not emulated/,
      },
    ];
    for (const c of rejected) {
      const r = await call(source, token, "POST", c.path, c.body);
      assert.equal(r.status, c.status, c.path);
      assert.match(String(errorOf(r)["message"]), c.message, c.path);
    }
    assert.equal(
      obj(obj((await call(source, token, "GET", `${QUEUES}/${other}`)).body)["division"])["name"],
      "Home",
      "nothing moved by a rejected request",
    );
  });
});
