/**
 * One person may hold only so many screens open at once (`screensPerPerson`): past it a screen is
 * refused, waits as "connecting", and gets in by itself once one of the others closes. The other
 * screens are the person's own, held by a script with their cookie (what a stranger with the join
 * code could do with thousands of them).
 */
import { expect, test } from "@playwright/test";
import { participantCookieName } from "@/lib/auth/cookies";
import { screensPerPerson } from "@/lib/realtime/constants";
import { cookieScreen as screen } from "../support/command-socket";
import { createEventFixture, joinAs } from "../support/fixtures";
import { phone } from "../support/viewports";

test("a phone past the person's screen limit waits, then connects by itself when another screen closes", async ({ browser }) => {
  test.setTimeout(120_000);
  const event = await createEventFixture();
  const context = await browser.newContext(phone);
  await joinAs(context, event.id, "Priya");
  const cookie = (await context.cookies()).find((c) => c.name === participantCookieName(event.id));
  if (!cookie) throw new Error("no participant cookie");
  const held = await Promise.all(
    Array.from({ length: screensPerPerson }, () => screen(event.id, `${cookie.name}=${cookie.value}`)),
  );
  try {
    const page = await context.newPage();
    const refused = new Promise<void>((resolve) =>
      page.on("websocket", (ws) =>
        ws.on("framereceived", (frame) => {
          if (String(frame.payload).includes("too_many_screens")) resolve();
        }),
      ),
    );
    await page.goto(`/p/${event.slug}`);
    // Refused at the handshake: the page says it is connecting, and nothing it shows is live yet.
    await refused;
    await expect(page.locator("output[data-status]").first()).toHaveAttribute("data-status", "connecting");
    await expect(page.getByTestId("people-here")).toHaveCount(0);

    held.pop()?.disconnect();
    // It tries again by itself within 10–20 s.
    await expect(page.locator("output[data-status]").first()).toHaveAttribute("data-status", "online", {
      timeout: 40_000,
    });
    await expect(page.getByTestId("people-here")).toHaveText("1");
  } finally {
    for (const s of held) s.disconnect();
    await context.close();
  }
});
