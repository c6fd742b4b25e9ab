import { expect, test } from "@playwright/test";
import { createEventFixture, signIn } from "../support/fixtures";

const laptop = { viewport: { width: 1280, height: 720 } };

/**
 * Staff pages follow the room by reading themselves again (router.refresh) whenever it changes.
 * Each reading must keep the page's <title>: with Next's streamed metadata the old title was taken
 * away before the new one came, and a tab, a screen reader or an accessibility check caught the
 * page with none (a CI run's axe check did).
 */
test("a page reading itself again as the room changes never loses its title", async ({ browser }) => {
  test.setTimeout(180_000);
  const event = await createEventFixture();
  const context = await browser.newContext({ ...laptop });
  await signIn(context, event.organiser.id);
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { titleGaps: number };
    w.titleGaps = 0;
    new MutationObserver(() => {
      if (!document.querySelector("title")?.textContent?.trim()) w.titleGaps++;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const paths = [
    "/o",
    `/o/${event.slug}`,
    `/o/${event.slug}/edit`,
    `/f/${event.slug}`,
    `/f/${event.slug}/presentations/results`,
    `/s/${event.slug}`,
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page).toHaveTitle(/\S/);
    await page.evaluate(() => {
      (window as unknown as { titleGaps: number }).titleGaps = 0;
    });
    for (let i = 0; i < 15; i++) {
      // What the room's change does on these pages (lib/realtime/client/use-refresh.ts), awaited until drawn.
      const drawn = page.waitForResponse((r) => r.url().includes(path) && r.request().headers().rsc === "1");
      await page.evaluate(() => (window as unknown as { next: { router: { refresh(): void } } }).next.router.refresh());
      await drawn;
    }
    await expect(page).toHaveTitle(/\S/);
    expect(await page.evaluate(() => (window as unknown as { titleGaps: number }).titleGaps), `${path} lost its title`).toBe(0);
  }
  await context.close();
});
