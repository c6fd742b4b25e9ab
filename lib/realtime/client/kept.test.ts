import { describe, expect, it } from "vitest";
import { deviceStorage } from "@/test/support/device-storage";
import { forgetKept, forgetUnowned, isKeptFor, keepersIn, keptKey, leftBehind, onForget } from "./kept";
import { Outbox } from "./outbox";

const amira = { eventId: "ev1", person: "tagAmira" };
const bo = { eventId: "ev1", person: "tagBo" };
const amiraElsewhere = { eventId: "ev2", person: "tagAmira2" };
const command = (id: string, text: string) => ({ id, name: "note:create" as const, payload: { text }, createdAt: 1 });

describe("what a device keeps, per person", () => {
  it("files each person's things apart, in each event", () => {
    expect(keptKey(amira, "outbox")).not.toBe(keptKey(bo, "outbox"));
    expect(keptKey(amira, "outbox")).not.toBe(keptKey(amiraElsewhere, "outbox"));
    expect(keptKey(amira, "draft.note.b1")).not.toBe(keptKey(bo, "draft.note.b1"));
    expect(isKeptFor(amira, keptKey(amira, "draft.note.b1"))).toBe(true);
    expect(isKeptFor(bo, keptKey(amira, "draft.note.b1"))).toBe(false);
  });

  it("on a shared phone, the next person's outbox holds none of the last one's commands", () => {
    const storage = deviceStorage();
    const amirasOutbox = new Outbox(storage, keptKey(amira, "outbox"));
    amirasOutbox.add(command("a1", "My neighbour at number 12"));
    // Bo joins on the same phone: the page for Bo opens Bo's outbox.
    const bosOutbox = new Outbox(storage, keptKey(bo, "outbox"));
    expect(bosOutbox.list()).toEqual([]);
    bosOutbox.add(command("b1", "Late buses"));
    // Amira back on the phone: hers is as she left it, and has none of Bo's.
    expect(new Outbox(storage, keptKey(amira, "outbox")).unsent().map((c) => c.id)).toEqual(["a1"]);
  });

  it("forgets everything of one person in one event, from every store, and nothing of anyone else", () => {
    const local = deviceStorage({
      [keptKey(amira, "outbox")]: "[]",
      [keptKey(amira, "draft.note.b1")]: "half a note",
      [keptKey(amira, "showcase.t1")]: "{}",
      [keptKey(amira, "nudge")]: "n1",
      [keptKey(bo, "outbox")]: "[]",
      [keptKey(bo, "draft.note.b1")]: "Bo's",
      [keptKey(amiraElsewhere, "draft.note.b9")]: "another event",
      "madein.screen.theme": "dark",
    });
    const session = deviceStorage({ [keptKey(amira, "reloaded-for-someone-else")]: "1" });
    const told: unknown[] = [];
    const off = onForget((keeper) => told.push(keeper));
    const removed = forgetKept(amira, local, session, null);
    off();
    expect(removed).toHaveLength(5);
    expect(local.keys()).toEqual(
      [
        keptKey(bo, "outbox"),
        keptKey(bo, "draft.note.b1"),
        keptKey(amiraElsewhere, "draft.note.b9"),
        "madein.screen.theme",
      ].sort(),
    );
    expect(session.keys()).toEqual([]);
    expect(told).toEqual([amira]);
  });

  it("drops what was kept before things were filed per person, as nobody's: never sent or shown as the holder's", () => {
    const local = deviceStorage({
      "madein.outbox.ev1": JSON.stringify([command("old", "whose?")]),
      "madein.draft.note.b1.tagAmira": "old draft",
      "madein:showcase-draft:t1": "{}",
      "madein.nudge.lambeth": "n1",
      [keptKey(amira, "outbox")]: "[]",
      "madein.screen.theme": "dark",
    });
    forgetUnowned(local);
    expect(local.keys()).toEqual([keptKey(amira, "outbox"), "madein.screen.theme"].sort());
  });

  it("keeps nothing more once its person is forgotten, even if an answer comes in late", () => {
    const storage = deviceStorage();
    const outbox = new Outbox(storage, keptKey(amira, "outbox"));
    outbox.add(command("a1", "Benches"));
    outbox.forget();
    forgetKept(amira, storage);
    outbox.fail("a1", { code: "conflict", message: "late" });
    outbox.add(command("a2", "after leaving"));
    expect(outbox.list()).toEqual([]);
    expect(storage.keys()).toEqual([]);
  });
});

describe("what a device forgets of people it no longer holds", () => {
  // Person tags as the server makes them (lib/auth/pseudonym.ts): 16 base64url characters.
  const lou = { eventId: "ev1", person: "Lou_tag-16chars0" };
  const kai = { eventId: "ev1", person: "Kai_tag-16chars0" };
  const noor = { eventId: "ev2", person: "Noor-tag16chars0" };
  const staff = { eventId: "ev3", person: "Staff_tag16char0" };

  it("finds each person kept for, once, and no one in keys that are nobody's", () => {
    const keys = [
      keptKey(lou, "outbox"),
      keptKey(lou, "draft.note.b1"),
      keptKey(noor, "nudge"),
      keptKey(staff, "draft.announcement"),
      "madein.screen.theme",
      "madein.reloaded-for.4",
      "madein.outbox.ev1",
      "madein.draft.note.b1.tagAmira",
      "someone.else's",
    ];
    expect(keepersIn(keys)).toEqual([lou, noor, staff]);
  });

  it("forgets the people of an event where the device holds nobody (they left without JavaScript), and keeps every other event's", () => {
    const kept = [lou, noor, staff];
    // Lou left ev1 on a page without JavaScript; Noor is still held in ev2; ev3 was not asked about.
    expect(leftBehind(kept, { ev1: [], ev2: [noor.person] })).toEqual([lou]);
  });

  it("keeps a person's things while someone else holds their event on the phone: they come back to them", () => {
    // Lou handed the phone to Kai, who opened his personal link on it: Lou's queued notes wait for Lou.
    expect(leftBehind([lou, kai], { ev1: [kai.person] })).toEqual([]);
  });

  it("forgets nothing when the server could not say", () => {
    expect(leftBehind([lou, noor], {})).toEqual([]);
    expect(leftBehind([lou], { ev2: [] })).toEqual([]);
  });
});
