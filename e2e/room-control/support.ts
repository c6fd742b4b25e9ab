import { randomUUID } from "node:crypto";
import { expect, type Locator } from "@playwright/test";
import { eventPhases } from "@/db/schema";
import { db } from "../support/fixtures";

/** An agenda of phases, in order, starting tomorrow. */
export async function addAgenda(eventId: string, names: string[]) {
  const start = Date.now() + 24 * 3_600_000;
  const rows = names.map((name, i) => ({ id: randomUUID(), eventId, name, startsAt: start + i * 3_600_000, position: i }));
  await (await db()).transact((tx) => tx.insert(eventPhases).values(rows));
  return rows;
}

/** Seconds shown by a "m:ss" timer. */
export async function shownSeconds(timer: Locator) {
  const text = (await timer.textContent()) ?? "";
  const match = /^(\d+):(\d\d)$/.exec(text.trim());
  if (!match) throw new Error(`not a timer: ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Two timers agree to within a second (they are read one after the other). */
export async function expectSameCountdown(a: Locator, b: Locator) {
  await expect(async () => {
    const [x, y] = [await shownSeconds(a), await shownSeconds(b)];
    expect(Math.abs(x - y)).toBeLessThanOrEqual(1);
  }).toPass({ timeout: 5_000 });
}
