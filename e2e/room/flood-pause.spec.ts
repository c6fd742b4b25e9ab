/**
 * A person who sends far faster than a person can (a script with their cookie) is paused for a
 * while. Their phone says why, in words, and carries on by itself once the pause is over: a page
 * opened or reloaded during the pause says so too, instead of "connecting" for ever.
 */
import { expect, test } from "@playwright/test";
import { participantCookieName } from "@/lib/auth/cookies";
import { cookieScreen as screen } from "../support/command-socket";
import { createEventFixture, joinAs } from "../support/fixtures";
import { phone } from "../support/viewports";

test("a person paused for flooding is told why, and their phone carries on by itself when the pause is over", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const event = await createEventFixture();
  const context = await browser.newContext(phone);
  await joinAs(context, event.id, "Priya");
  const cookie = (await context.cookies()).find((c) => c.name === participantCookieName(event.id));
  if (!cookie) throw new Error("no participant cookie");
  const page = await context.newPage();
  await page.goto(`/p/${event.slug}`);
  const status = page.locator("output[data-status]").first();
  await expect(status).toHaveAttribute("data-status", "online");

  // A script with Priya's cookie sends hundreds of commands at once, until the server cuts it off.
  const script = await screen(event.id, `${cookie.name}=${cookie.value}`);
  const cutOff = new Promise<void>((resolve) => script.on("access:ended", () => resolve()));
  for (let i = 0; i < 400; i++) script.emit("profile:update", { id: `flood-${i}`, payload: {} }, () => {});
  await cutOff;
  script.disconnect();

  // Her phone is paused with her, and says why in words.
  await expect(status).toHaveAttribute("data-status", "refused");
  await expect(status).toContainText("paused");
  await expect(status).toContainText("carries on by itself");

  // A page opened during the pause is refused at the door, and says so rather than "connecting".
  const again = await context.newPage();
  await again.goto(`/p/${event.slug}`);
  const againStatus = again.locator("output[data-status]").first();
  await expect(againStatus).toHaveAttribute("data-status", "refused");
  await expect(againStatus).toContainText("paused");

  // The pause is a minute: both come back by themselves, and the words go.
  for (const [p, s] of [
    [page, status],
    [again, againStatus],
  ] as const) {
    await expect(s).toHaveAttribute("data-status", "online", { timeout: 180_000 });
    await expect(s).not.toContainText("paused");
    await expect(p.getByTestId("people-here")).toHaveText(/\d/);
  }
  await context.close();
});
