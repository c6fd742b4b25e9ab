import { afterEach, beforeEach, expect, it } from "vitest";
import { openTempDatabase } from "@/test/integration/support/fixtures";
import { briefs, teams } from "./schema";
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
