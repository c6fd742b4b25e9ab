import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { notes, participants } from "@/db/schema";
import { expectAccessible } from "../support/a11y";
import { createEventFixture, db, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

/**
 * Leaving erases a person's details (their right to erasure), and that right does not end when
 * the organisers archive the event: the "finished" page offers it, as a plain form.
 */
test("after the event is archived, a participant leaves from the finished page, without JavaScript, and their details and notes are gone", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const event = await createEventFixture({ name: "Made in Kennington" });
  const desk = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const handsetContext = await browser.newContext(phone);
  try {
    const name = `Amara Quist${Date.now().toString(36)}`;
    const contact = `amara.${Date.now().toString(36)}@example.org`;
    const joined = await joinAs(handsetContext, event.id, name);
    await (await db()).transact((tx) =>
      tx.update(participants).set({ contactConsent: true, contact }).where(eq(participants.id, joined.participantId)),
    );
    const handset = await handsetContext.newPage();
    await handset.goto(`/p/${event.slug}`);
    await handset.getByLabel("Your note").fill("A bench by the pond");
    await handset.getByRole("button", { name: "Add note" }).click();
    await expect(handset.getByTestId("note").filter({ hasText: "A bench by the pond" })).toBeVisible();

    // The organiser archives the weekend; the organiser's people list still has her, with her contact.
    await signIn(desk, event.organiser.id);
    const organiser = await desk.newPage();
    await organiser.goto(`/o/${event.slug}`);
    await organiser.getByRole("radio", { name: "Archived" }).check();
    await organiser.getByRole("button", { name: "Save status" }).click();
    await expect(organiser.getByText("Saved. The event is archived")).toBeVisible();
    const people = async () => (await desk.request.get(`/o/${event.slug}/export/csv/people`)).text();
    expect(await people()).toContain(contact);

    // Her phone says the event has finished, and offers leaving.
    await handset.reload();
    const shown = handset.getByTestId("held-out");
    await expect(shown.getByRole("heading", { name: "This event has finished" })).toBeVisible();
    await shown.getByText("Leave and erase my details", { exact: true }).click();
    await expect(shown.getByLabel("Also delete the notes I wrote")).toBeVisible();
    await expectAccessible(handset);
    await handset.screenshot({ path: "e2e/.artifacts/leave-after-finish-390.png", fullPage: true });

    // Posted before any script runs (or with none): the finished page offers leaving.
    const noScript = await browser.newContext({
      ...phone,
      javaScriptEnabled: false,
      storageState: await handsetContext.storageState(),
    });
    const page = await noScript.newPage();
    await page.goto(`/p/${event.slug}`);
    const finished = page.getByTestId("held-out");
    await expect(finished.getByRole("heading", { name: "This event has finished" })).toBeVisible();
    await finished.getByText("Leave and erase my details", { exact: true }).click();
    await expect(finished.getByText(/everything you shared with Made in Kennington will be erased/)).toBeVisible();
    await finished.getByLabel("Also delete the notes I wrote").check();
    await finished.getByRole("button", { name: "Yes, leave and erase my details" }).click();
    await expect(page).toHaveURL(/\/j\?left=1$/);
    await expect(page.getByText("You've left the event and your details have been removed from it.")).toBeVisible();

    // Gone from the database and from the organiser's list; her note went with her, as she asked.
    const [row] = await (await db()).read.select().from(participants).where(eq(participants.id, joined.participantId));
    expect(row?.leftAt).not.toBeNull();
    expect(row?.displayName).not.toContain("Amara");
    expect(row?.contact).toBe("");
    expect(row?.contactConsent).toBe(false);
    expect(await (await db()).read.select().from(notes).where(eq(notes.text, "A bench by the pond"))).toEqual([]);
    const after = await people();
    expect(after).not.toContain(contact);
    expect(after).not.toContain(name);
    // This phone is nobody in the event any more.
    await page.goto(`/p/${event.slug}`);
    await expect(page.getByTestId("held-out")).toHaveCount(0);
    await noScript.close();
  } finally {
    await handsetContext.close();
    await desk.close();
  }
});
