import { eq } from "drizzle-orm";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openTempDatabase } from "@/test/integration/support/fixtures";
import { briefs, eventPhases, events, teams } from "./schema";
import { seedDemo } from "./seed";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
beforeEach(async () => {
  temp = await openTempDatabase();
});
afterEach(() => temp.cleanup());

it("the demo has one team per published brief, and seeding again adds none", async () => {
  await seedDemo(temp.db);
  const published = await temp.db.read.select().from(briefs);
  const first = await temp.db.read.select().from(teams);
  expect(first.map((t) => t.briefId).sort()).toEqual(
    published
      .filter((b) => b.status === "published")
      .map((b) => b.id)
      .sort(),
  );
  expect(first.map((t) => t.name)).toEqual(expect.arrayContaining(["Lambeth Website", "Healthwatch", "Young Lambeth Co-op"]));
  await seedDemo(temp.db);
  expect(await temp.db.read.select().from(teams)).toHaveLength(first.length);
});

it("the demo weekend is coming up whenever it is seeded: Friday 6pm London time to Sunday, its agenda on those days", async () => {
  const monday = Date.parse("2027-06-07T08:00:00Z");
  await seedDemo(temp.db, monday);
  const [weekend] = await temp.db.read.select().from(events).where(eq(events.name, "Made in Lambeth"));
  // 6pm on Friday 11 June in London is 17:00 UTC (British Summer Time).
  expect(weekend?.startsAt).toBe(Date.parse("2027-06-11T17:00:00Z"));
  expect(weekend?.endsAt).toBe(Date.parse("2027-06-13T17:00:00Z"));
  const agenda = await temp.db.read.select().from(eventPhases).where(eq(eventPhases.eventId, weekend!.id));
  expect(Math.min(...agenda.map((p) => p.startsAt!))).toBe(weekend?.startsAt);
  expect(Math.max(...agenda.map((p) => p.endsAt!))).toBeLessThanOrEqual(weekend!.endsAt!);
});

it("the demo weekend ends at 6pm on its Sunday, and its last phase within it, when the clocks go back that weekend", async () => {
  // Seeded on Monday 25 October 2027: the weekend is 29–31 October, and the clocks go back on the 31st.
  await seedDemo(temp.db, Date.parse("2027-10-25T08:00:00Z"));
  const [weekend] = await temp.db.read.select().from(events).where(eq(events.name, "Made in Lambeth"));
  expect(weekend?.startsAt).toBe(Date.parse("2027-10-29T17:00:00Z"));
  expect(weekend?.endsAt).toBe(Date.parse("2027-10-31T18:00:00Z"));
  const agenda = await temp.db.read.select().from(eventPhases).where(eq(eventPhases.eventId, weekend!.id));
  expect(Math.max(...agenda.map((p) => p.endsAt!))).toBeLessThanOrEqual(weekend!.endsAt!);
});
