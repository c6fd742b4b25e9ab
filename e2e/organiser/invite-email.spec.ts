import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { staffInvites } from "@/db/schema";
import { startSmtpServer } from "../../test/support/smtp-server";
import { expectAccessible } from "../support/a11y";
import { e2eDatabaseUrl, e2ePort } from "../support/config";
import { createEventFixture, db, signIn } from "../support/fixtures";
import { ownServer } from "../support/own-server";

/**
 * An invitation emailed to a helper, on a server of its own with SMTP configured: when the relay
 * refuses the message, the organiser is told at the address (which stays typed) to send the link
 * themselves, with JavaScript and without; and a form sent again by a reload makes no second one.
 */
test("an invitation whose email could not be sent says so at the address, which stays typed", async ({ browser }) => {
  test.setTimeout(180_000);
  // A relay that is not there: every message is refused.
  const gone = await startSmtpServer();
  await gone.close();
  const own = ownServer(91, e2eDatabaseUrl, {
    SMTP_URL: gone.url,
    MAIL_FROM: "Made In <madein@council.test>",
    PUBLIC_URL: `http://127.0.0.1:${e2ePort + 91}`,
  });
  try {
    await own.start();
    const event = await createEventFixture();
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ baseURL: own.base, javaScriptEnabled });
      await signIn(context, event.organiser.id);
      const page = await context.newPage();
      await page.goto(`/o/${event.slug}/invite`);
      await page.getByLabel("Their email (optional)").fill("fola@example.test");
      await page.getByRole("button", { name: "Create invitation link" }).click();
      await expect(page.getByLabel(/^Invitation link for a/)).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
      const address = page.getByLabel("Their email (optional)");
      await expect(address).toHaveValue("fola@example.test");
      await expect(address).toHaveAttribute("aria-invalid", "true");
      await expect(address).toHaveAccessibleDescription(
        /The email to fola@example\.test could not be sent\. Copy the link below and send it to them yourself\./,
      );
      await expect(page.getByText("Emailed to fola@example.test.")).toHaveCount(0);
      // axe runs its script in the page: only where scripts run.
      if (javaScriptEnabled) await expectAccessible(page);
      await context.close();
    }
  } finally {
    await own.kill();
  }
});

test("an invitation's form sent again by a reload, without JavaScript, makes and emails one invitation: the same link again", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const smtp = await startSmtpServer();
  const own = ownServer(92, e2eDatabaseUrl, {
    SMTP_URL: smtp.url,
    MAIL_FROM: "Made In <madein@council.test>",
    PUBLIC_URL: `http://127.0.0.1:${e2ePort + 92}`,
  });
  try {
    await own.start();
    const event = await createEventFixture();
    const context = await browser.newContext({ baseURL: own.base, javaScriptEnabled: false });
    await signIn(context, event.organiser.id);
    const page = await context.newPage();
    await page.goto(`/o/${event.slug}/invite`);
    await page.getByLabel("Their email (optional)").fill("kemi@example.test");
    await page.getByRole("button", { name: "Create invitation link" }).click();
    const field = page.getByLabel(/^Invitation link for a/);
    await expect(field).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
    const link = await field.inputValue();
    await expect(page.getByText("Emailed to kemi@example.test.")).toBeVisible();
    await smtp.waitFor("kemi@example.test", 1);

    // The browser sends the form again.
    await page.reload();
    await expect(field).toHaveValue(link);
    const invitations = await (await db()).read.select().from(staffInvites).where(eq(staffInvites.eventId, event.id));
    expect(invitations).toHaveLength(1);
    expect(smtp.to("kemi@example.test")).toHaveLength(1);

    // The page the answer drew makes a new one.
    await page.getByRole("button", { name: "Create invitation link" }).click();
    await expect(field).not.toHaveValue(link);
    await expect
      .poll(async () => (await (await db()).read.select().from(staffInvites).where(eq(staffInvites.eventId, event.id))).length)
      .toBe(2);
    await context.close();
  } finally {
    await own.kill();
    await smtp.close();
  }
});
