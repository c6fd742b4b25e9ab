/**
 * A form sent while the connection is down (venue Wi-Fi drops) is not an error page: the form
 * says it couldn't reach Made In, every field still holds what was typed, and sending again
 * once the connection is back works.
 */
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { briefs } from "@/db/schema";
import { addBrief, createEventFixture, db, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

const unreachable = "We couldn't reach Made In. Check your connection and send it again: what you typed is still here.";

test("joining on a phone that loses its connection keeps the name, says why, and joins once it is back", async ({ browser }) => {
  const event = await createEventFixture();
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(`/j/${event.joinCode}`);
  await page.getByLabel("What should people call you?").fill("Amara");
  await context.setOffline(true);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByText(unreachable)).toBeVisible();
  await expect(page.getByLabel("What should people call you?")).toHaveValue("Amara");

  await context.setOffline(false);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("heading", { name: "You're in, Amara!" })).toBeVisible();
  await context.close();
});

test("an organiser's brief saved while offline keeps every field and saves once the connection is back", async ({
  page,
  context,
}) => {
  const event = await createEventFixture({ status: "draft" });
  const briefId = await addBrief(event.id, { title: "Healthwatch", status: "draft" });
  await signIn(context, event.organiser.id);
  await page.goto(`/o/${event.slug}/briefs/${briefId}`);
  const problem = "Stories are collected but rarely heard, and the people who told them never hear back.";
  await page.getByLabel("The problem").fill(problem);
  await context.setOffline(true);
  await page.getByRole("button", { name: "Save brief" }).click();
  await expect(page.getByText(unreachable)).toBeVisible();
  await expect(page.getByLabel("The problem")).toHaveValue(problem);

  await context.setOffline(false);
  await page.getByRole("button", { name: "Save brief" }).click();
  await expect(page.getByText(unreachable)).toHaveCount(0);
  await expect
    .poll(async () => (await (await db()).read.select().from(briefs).where(eq(briefs.id, briefId)))[0]?.problem)
    .toBe(problem);
});
