import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openTempDatabase } from "@/test/integration/support/fixtures";
import { onceInTransaction, postedSubmission, sameSending, sentBefore, submissionField } from "./form-submission";

let t: Awaited<ReturnType<typeof openTempDatabase>>;
beforeAll(async () => {
  t = await openTempDatabase();
});
afterAll(() => t?.cleanup());

/** A form's write that counts how often it ran: an email sent, a row added. */
function counting<T>(answer: T) {
  const runs = { count: 0 };
  const write = async () => {
    runs.count++;
    return answer;
  };
  return { runs, write };
}

describe("a form sent again", () => {
  it("reads the id it was drawn with, and nothing else as one", () => {
    const id = randomUUID();
    const form = new FormData();
    form.set(submissionField, id);
    expect(postedSubmission(form)).toBe(id);
    form.set(submissionField, "not-an-id");
    expect(postedSubmission(form)).toBeUndefined();
    expect(postedSubmission(new FormData())).toBeUndefined();
  });

  it("is the same sending only when it carries the same: back, something changed, then send is a new one", () => {
    const form = randomUUID();
    const first = sameSending(form, ["Team Bench", "Benches for the square"]);
    expect(z.uuid().safeParse(first).success).toBe(true);
    expect(sameSending(form, ["Team Bench", "Benches for the square"])).toBe(first);
    expect(sameSending(form, ["Team Bench", "Benches and shade for the square"])).not.toBe(first);
    expect(sameSending(randomUUID(), ["Team Bench", "Benches for the square"])).not.toBe(first);
    expect(sameSending(undefined, ["Team Bench"])).toBeUndefined();
  });

  it("does its work once: a reload, back then resubmit, or two copies at once find it done", async () => {
    const sending = { actorKey: "a:organiser", submission: randomUUID(), form: "test" };
    const { runs, write } = counting("made");
    const [first, second] = await Promise.all([onceInTransaction(t.db, sending, write), onceInTransaction(t.db, sending, write)]);
    expect([first, second]).toContainEqual({ again: false, result: "made" });
    expect([first, second]).toContainEqual({ again: true });
    expect(await onceInTransaction(t.db, sending, write)).toEqual({ again: true });
    expect(runs.count).toBe(1);
    expect(await sentBefore(t.db.read, sending)).toBe(true);
  });

  it("is another person's own, and a new form's new", async () => {
    const submission = randomUUID();
    const { runs, write } = counting("made");
    await onceInTransaction(t.db, { actorKey: "a:one", submission, form: "test" }, write);
    await onceInTransaction(t.db, { actorKey: "p:two", submission, form: "test" }, write);
    await onceInTransaction(t.db, { actorKey: "a:one", submission: randomUUID(), form: "test" }, write);
    expect(runs.count).toBe(3);
  });

  it("refused, is not taken as done: sent again once fixed, it acts", async () => {
    const sending = { actorKey: "p:someone", submission: randomUUID(), form: "test" };
    let ok = false;
    const write = async () => ({ ok });
    expect(await onceInTransaction(t.db, sending, write, (r) => r.ok)).toEqual({ again: false, result: { ok: false } });
    ok = true;
    expect(await onceInTransaction(t.db, sending, write, (r) => r.ok)).toEqual({ again: false, result: { ok: true } });
    expect(await onceInTransaction(t.db, sending, write, (r) => r.ok)).toEqual({ again: true });
  });

  it("without an id (an older page), acts each time, as before", async () => {
    const { runs, write } = counting("made");
    const sending = { actorKey: "a:organiser", submission: undefined, form: "test" };
    await onceInTransaction(t.db, sending, write);
    await onceInTransaction(t.db, sending, write);
    expect(runs.count).toBe(2);
  });
});
