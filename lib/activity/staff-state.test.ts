import { describe, expect, it } from "vitest";
import type { ActivityEntry, StaffSnapshot } from "@/lib/realtime/contract";
import { staffRoom } from "./staff-state";

const entry = (id: string, at: number): ActivityEntry => ({ id, kind: "phase", text: `started ${id}`, by: "Sam", at });
const snapshot: StaffSnapshot = {
  seq: 4,
  log: [entry("b", 2_000), entry("a", 1_000)],
  lead: { lead: null, controlsLocked: false },
  staff: [
    { accountId: "a1", name: "Olu", role: "organiser" },
    { accountId: "a2", name: "Sam", role: "facilitator" },
  ],
  me: { accountId: "a1" },
};

describe("the staff room's reducer", () => {
  it("puts a new action at the top of the log, and keeps one heard twice once", () => {
    let s = staffRoom.init(snapshot);
    s = staffRoom.apply(s, { name: "activity:logged", data: { entry: entry("c", 3_000) } });
    s = staffRoom.apply(s, { name: "activity:logged", data: { entry: entry("c", 3_000) } });
    expect(s.log.map((e) => e.id)).toEqual(["c", "b", "a"]);
  });

  it("follows the lead and the lock", () => {
    let s = staffRoom.init(snapshot);
    const lead = { lead: { accountId: "a2", name: "Sam" }, controlsLocked: true };
    s = staffRoom.apply(s, { name: "lead:changed", data: { lead } });
    expect(s.lead).toEqual(lead);
  });

  it("learns of a new member of staff, and of a lead who left the staff, without a reload", () => {
    let s = staffRoom.init(snapshot);
    const staff = [...snapshot.staff, { accountId: "a9", name: "New", role: "facilitator" as const }];
    s = staffRoom.apply(s, { name: "staff:changed", data: { staff, lead: snapshot.lead } });
    expect(s.staff.map((m) => m.name)).toEqual(["Olu", "Sam", "New"]);
    s = staffRoom.apply(s, {
      name: "staff:changed",
      data: { staff: snapshot.staff, lead: { lead: null, controlsLocked: false } },
    });
    expect(s.staff.map((m) => m.name)).toEqual(["Olu", "Sam"]);
    expect(s.lead.lead).toBeNull();
  });
});
