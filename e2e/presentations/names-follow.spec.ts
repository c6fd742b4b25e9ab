import { expect, test } from "@playwright/test";
import { showcases } from "@/db/schema";
import { createEventFixture, db } from "../support/fixtures";
import { phone } from "../support/viewports";
import { briefTeams, memberOf } from "./support";

/**
 * The presentations screens name people (a showcase's last editor, feedback authors, judges) as
 * their snapshot is read: when someone says they are under 18, their full name must leave those
 * screens at once, not at the next reload (lib/realtime/client/use-presentations.ts).
 */
test("a teammate who says they are under 16 is no longer named in full on an open showcase editor", async ({ browser }) => {
  test.setTimeout(90_000);
  const event = await createEventFixture();
  const [parks] = await briefTeams(event.id, [
    { title: "Love Your Space", success: "- Residents tested it", owner: "Parks lead" },
  ]);
  if (!parks) throw new Error("no team");
  const devPhone = await browser.newContext(phone);
  const dev = await memberOf(devPhone, event.id, parks.id, "Dev Patel");
  const amiraPhone = await browser.newContext(phone);
  await memberOf(amiraPhone, event.id, parks.id, "Amira");
  // Dev saved the showcase last.
  await (await db()).transact((tx) =>
    tx.insert(showcases).values({
      teamId: parks.id,
      eventId: event.id,
      title: "Pocket park",
      updatedByKey: `p:${dev.participantId}`,
      updatedAt: Date.now(),
    }),
  );

  const amira = await amiraPhone.newPage();
  await amira.goto(`/p/${event.slug}/showcase`);
  await expect(amira.getByText("Last saved by Dev Patel")).toBeVisible();

  const me = await devPhone.newPage();
  await me.goto(`/p/${event.slug}/me`);
  await me.getByRole("radio", { name: "Under 16" }).check();
  await me.getByRole("button", { name: "Save changes" }).click();
  await expect(me.getByText("Saved.")).toBeVisible();

  await expect(amira.getByText("Last saved by D. P.")).toBeVisible();
  await expect(amira.getByText(/Dev Patel/)).toHaveCount(0);
  await Promise.all([devPhone.close(), amiraPhone.close()]);
});
