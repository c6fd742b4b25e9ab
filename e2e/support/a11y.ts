import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails on any serious or critical WCAG 2.2 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  // After a client-side navigation Next streams the new <title> in a moment later; check the settled page.
  await expect(page).toHaveTitle(/\S/);
  // Colour contrast is measured on what is painted: a row still fading in (vote results rise into
  // place one after another) would be judged half-transparent. Wait for finite animations to end.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          document
            .getAnimations()
            .filter((a) => a.playState === "running" && a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
            .length,
      ),
    )
    .toBe(0);
  // Judged at the top of the page: scrolled, a sticky bar (the console's section nav) lies over
  // whatever happens to be under it, which axe counts as a target too small, wherever the last
  // click left the page. The whole page is analysed either way.
  await page.evaluate(() => window.scrollTo(0, 0));
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    "accessibility violations",
  ).toEqual([]);
}
