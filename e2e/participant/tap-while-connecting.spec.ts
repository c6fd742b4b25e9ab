/**
 * A tap that needs the server's answer, made while the phone's page is still connecting (just
 * opened on a busy network, or the server restarting), is sent once the page connects and the
 * person hears how it went, rather than being told they are offline. "Leave the event" that never
 * connects says so after a moment, and the person stays in the event and can try again. The
 * page's connection is held back here, then let through.
 */
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { participants } from "@/db/schema";
import { createEventFixture, db, joinAs } from "../support/fixtures";
import { holdConnection } from "../support/hold-connection";
import { phone } from "../support/viewports";

test.use(phone);

async function stored(participantId: string) {
  const [row] = await (await db()).read
    .select({ leftAt: participants.leftAt, displayName: participants.displayName })
    .from(participants)
    .where(eq(participants.id, participantId));
  return row;
}
const leftAt = async (participantId: string) => (await stored(participantId))?.leftAt ?? null;

test("a tap on Leave while the page is connecting is sent once it connects; never connected, it says so and nothing changes", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const handset = await browser.newContext(phone);
  const joined = await joinAs(handset, event.id, "Rosa Lane");
  const page = await handset.newPage();

  const release = await holdConnection(page);

  await page.goto(`/p/${event.slug}/me`);
  await page.getByRole("button", { name: "Leave the event…" }).click();
  await page.getByRole("button", { name: "Yes, leave the event" }).click();
  // The page waits for its connection, then says it has none; the person is still in the event.
  await expect(page.getByRole("button", { name: "Leaving…" })).toBeDisabled();
  await expect(page.getByText("You're offline. Leaving needs a connection")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Yes, leave the event" })).toBeEnabled();
  expect(await leftAt(joined.participantId)).toBeNull();

  // Tapped again while still connecting, and the connection comes through (after a blip of the
  // phone's Wi-Fi): they have left.
  await page.getByRole("button", { name: "Yes, leave the event" }).click();
  await expect(page.getByRole("button", { name: "Leaving…" })).toBeDisabled();
  await release();
  await expect(page).toHaveURL(/\/j\?left=1$/);
  await expect(page.getByText("You've left the event")).toBeVisible();
  await expect.poll(() => leftAt(joined.participantId)).not.toBeNull();
  await handset.close();
});

test("Save changes tapped while the page is connecting says Saved once it connects", async ({ browser }) => {
  const event = await createEventFixture();
  const handset = await browser.newContext(phone);
  const joined = await joinAs(handset, event.id, "Kofi");
  const page = await handset.newPage();
  const release = await holdConnection(page);

  await page.goto(`/p/${event.slug}/me`);
  await page.getByLabel("Your name").fill("Kofi Mensah");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("button", { name: "Saving…" })).toBeDisabled();
  await release();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await expect.poll(async () => (await stored(joined.participantId))?.displayName).toBe("Kofi Mensah");
  await handset.close();
});
