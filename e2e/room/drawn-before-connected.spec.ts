import { expect, test } from "@playwright/test";
import { addStaff, createEventFixture, dateEvent, joinAs, signIn } from "../support/fixtures";
import { holdConnection } from "../support/hold-connection";
import { phone } from "../support/viewports";

/**
 * A page is drawn by the server, then its scripts load and its live connection opens. A change
 * made in between (a slow phone on venue Wi-Fi, a laptop that took a while) was told to nobody on
 * that page. Its first connect now asks what changed since it was drawn, and the page follows.
 */
test("a phone and an organiser's page drawn before a change, connected after it, show the change without a reload", async ({
  browser,
}) => {
  const event = await createEventFixture({ name: "Made in Slow Wi-Fi" });
  await dateEvent(event.id);
  const second = await addStaff(event.id, "organiser", "Olu Coorganiser");
  const [phoneContext, laptopA, laptopB] = await Promise.all([
    browser.newContext({ ...phone }),
    browser.newContext({ viewport: { width: 1280, height: 720 } }),
    browser.newContext({ viewport: { width: 1280, height: 720 } }),
  ]);
  await joinAs(phoneContext, event.id, "Amara Okafor");
  await signIn(laptopA, event.organiser.id);
  await signIn(laptopB, second.id);
  const [amara, a, b] = await Promise.all([phoneContext.newPage(), laptopA.newPage(), laptopB.newPage()]);

  // Amara's phone and B's event page are drawn, but their connections are held back.
  const releaseAmara = await holdConnection(amara);
  const releaseB = await holdConnection(b);
  await amara.goto(`/p/${event.slug}`);
  await expect(amara.getByText("Made in Slow Wi-Fi").first()).toBeVisible();
  await b.goto(`/o/${event.slug}`);
  const invitations = b
    .getByRole("region", { name: "Invite a co-organiser or facilitator" })
    .getByRole("button", { name: /^Revoke facilitator invitation/ });
  await expect(invitations).toHaveCount(0);

  // Meanwhile A renames the event and invites a facilitator.
  await a.goto(`/o/${event.slug}/edit`);
  await a.getByRole("region", { name: "Details" }).getByLabel("Event name").fill("Made in Brixton");
  await a.getByRole("region", { name: "Details" }).getByRole("button", { name: "Save details" }).click();
  await expect(a.getByText("Saved. The public event page shows the new details.")).toBeVisible();
  await a.goto(`/o/${event.slug}`);
  await a.getByRole("radio", { name: /^Facilitator/ }).check();
  await a.getByRole("button", { name: "Create invitation link" }).click();
  await expect(a.getByLabel(/^Invitation link for a/)).toHaveValue(/\/invite\//);

  // Their connections open: both pages show what changed, with no reload.
  await amara.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  await releaseAmara();
  await releaseB();
  // A phone fetches its page again within a spread of seconds, as the whole room would.
  await expect(amara.getByText("Made in Brixton").first()).toBeVisible({ timeout: 30_000 });
  await expect(amara.getByText("Made in Slow Wi-Fi")).toHaveCount(0);
  await expect(invitations).toHaveCount(1);
  expect(await amara.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});
