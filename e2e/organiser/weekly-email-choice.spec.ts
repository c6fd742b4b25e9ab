import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl, e2ePort } from "../support/config";
import { createEventFixture, signIn } from "../support/fixtures";
import { ownServer } from "../support/own-server";

/**
 * The weekly digest is the organiser's to stop and to have back. Its emailed stop link (or a mail
 * client's automatic unsubscribe) switched it off with no way back; now "Your events" says
 * whether it comes and switches it either way, also without JavaScript.
 */
test("an organiser stops the weekly email and has it back from Your events, without JavaScript", async ({ browser }) => {
  test.setTimeout(180_000);
  // Email on (a relay nobody listens at is enough: nothing is sent here), on a server of its own.
  const own = ownServer(87, e2eDatabaseUrl, {
    SMTP_URL: "smtp://127.0.0.1:9",
    MAIL_FROM: "Made In <madein@council.test>",
    PUBLIC_URL: `http://127.0.0.1:${e2ePort + 87}`,
  });
  try {
    await own.start();
    const event = await createEventFixture();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      javaScriptEnabled: false,
      baseURL: own.base,
    });
    await signIn(context, event.organiser.id);
    const page = await context.newPage();
    await page.goto("/o");
    const choice = page.getByTestId("digest-choice");
    await expect(choice).toContainText("Once a week, when projects of your events need attention");
    await choice.getByRole("button", { name: "Stop the weekly email" }).click();
    await expect(choice).toContainText("You stopped this email on");
    await choice.getByRole("button", { name: "Send it to me again" }).click();
    await expect(choice).toContainText("Once a week, when projects of your events need attention");
    await expect(choice.getByRole("button", { name: "Stop the weekly email" })).toBeVisible();
    await context.close();
  } finally {
    await own.kill();
  }
});
