import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";
import { addTeam, joinByCode } from "./support";

test.use(phone);

test("an under-18 is shown by initials, with a parent's or carer's consent for contact", async ({ page, browser }) => {
  const event = await createEventFixture();
  await addTeam(event.id, "Young Lambeth Co-op");
  await page.goto("/j");
  await page.getByLabel("Join code").fill(event.joinCode);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("What should people call you?").fill("Jay Okafor");
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}/me\\?welcome=1$`));
  await expectAccessible(page);

  await page.getByRole("checkbox", { name: "drawing" }).check();
  await page.getByLabel("Anything else?").fill("skateboarding, music");
  await page.getByRole("radio", { name: "16 or 17" }).check();
  await expect(page.getByTestId("young-note")).toContainText("initials");
  await page.getByRole("checkbox", { name: /A parent or carer agrees/ }).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Add an email address or phone number, or untick the box.")).toBeVisible();
  await page.getByLabel("Your parent's or carer's email or phone number").fill("carer@example.test");
  await page.getByLabel("Anything that would help you take part?").fill("A quiet space for breaks");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "Hello, Jay Okafor" })).toBeVisible();
  await page.getByRole("button", { name: "Join Young Lambeth Co-op" }).click();

  // Another participant sees initials; the organiser sees the name, age band and what was shared privately.
  const other = await (await browser.newContext(phone)).newPage();
  await joinByCode(other, event.joinCode, "Kim");
  await other.getByRole("button", { name: "Join Young Lambeth Co-op" }).click();
  await expect(other.getByTestId("team-mates")).toHaveText("J. O.");
  await expect(other.getByText("Okafor")).toHaveCount(0);

  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  const details = console_.getByTestId("private-details");
  await expect(details).toContainText("Jay Okafor");
  await expect(details).toContainText("16 or 17");
  await expect(details).toContainText("A quiet space for breaks");
  await expect(details).toContainText("carer@example.test");
  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.getByTestId("team-overview")).toBeVisible();
  await expect(screen.getByText("A quiet space for breaks")).toHaveCount(0);
  await expect(screen.getByText("Jay Okafor")).toHaveCount(0);
  await laptop.close();
  await other.context().close();
});

test("a participant sees and edits what they shared, then leaves: out of the team, details gone, cookie gone", async ({
  page,
  browser,
}) => {
  const event = await createEventFixture();
  await addTeam(event.id, "Connectors");
  await joinByCode(page, event.joinCode, "Lou", { skills: ["writing"], kind: "Resident" });
  await page.getByRole("button", { name: "Join Connectors" }).click();
  await expect(page.getByTestId("my-team-name")).toHaveText("Connectors");

  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  await expect(console_.getByTestId("overview-team").getByTestId("team-headcount")).toHaveText("1");

  await page.getByRole("link", { name: /What you've shared/ }).click();
  await expect(page.getByRole("heading", { name: "What you've shared" })).toBeVisible();
  await expect(page).toHaveTitle(/About you/);
  await expect(page.getByRole("checkbox", { name: "writing" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Resident" })).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("Your name").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Tell us what to call you.")).toBeVisible();
  await page.getByLabel("Your name").fill("Louise");
  await page.getByRole("checkbox", { name: "filming" }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(console_.getByTestId("overview-team")).toContainText("filming");

  await page.getByRole("button", { name: "Leave the event…" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Yes, leave the event" }).click();
  await expect(page).toHaveURL(/\/j\?left=1$/);
  await expect(page.getByText("You've left the event")).toBeVisible();
  await expectAccessible(page);
  await expect(console_.getByTestId("overview-team").getByTestId("team-headcount")).toHaveText("0");
  await expect(console_.getByTestId("overview-summary")).toContainText("0 people");

  // The phone no longer carries them: the room sends them to join again.
  await page.goto(`/p/${event.slug}`);
  await expect(page).toHaveURL(new RegExp(`/j/${event.joinCode}$`));
  await laptop.close();
});

test("the kinds of participant fit a phone in every language: no word that fits a line is broken", async ({ browser }) => {
  const event = await createEventFixture();
  for (const locale of ["en-GB", "es-ES", "fr-FR", "pl-PL", "pt-PT"]) {
    const context = await browser.newContext({ ...phone, locale });
    await joinAs(context, event.id, `Sam ${locale}`);
    const page = await context.newPage();
    await page.goto(`/p/${event.slug}/me`);
    const options = page.locator('label:has(input[name="kind"])');
    await expect(options).toHaveCount(7);
    // Each word of each option is laid out on one line, unless it is wider than the whole row.
    const broken = await options.evaluateAll((labels) =>
      labels.flatMap((label) => {
        const span = label.querySelector("span");
        const text = span?.firstChild;
        if (!span || !text || text.nodeType !== Node.TEXT_NODE) return [`no text in ${label.textContent}`];
        const row = label.parentElement?.getBoundingClientRect().width ?? 0;
        const words = [...(text.textContent ?? "").matchAll(/\S+/g)];
        return words.flatMap((word) => {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          const width = range.getBoundingClientRect().width;
          return tops.size > 1 && width < row - 80 ? [word[0]] : [];
        });
      }),
    );
    expect(broken, `${locale}: words broken across lines`).toEqual([]);
    await context.close();
  }
});
