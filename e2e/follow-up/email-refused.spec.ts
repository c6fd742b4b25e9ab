import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { events, participants, teamMembers, teams } from "@/db/schema";
import { joinEvent } from "@/lib/participants/join-event";
import { createCatchUp } from "@/lib/projects/catch-up";
import { createProject } from "@/lib/projects/create-project";
import { startSmtpServer } from "../../test/support/smtp-server";
import { e2eDatabaseUrl, e2ePort } from "../support/config";
import { createEventFixture, db, signIn } from "../support/fixtures";
import { ownServer } from "../support/own-server";

/**
 * The council's email server refusing: the organiser is told how many invitations could not be
 * sent, and once it works again the same button sends them (to nobody twice).
 */
test("a catch-up's invitations the email server refused are counted on the page, and go on the next try", async ({ browser }) => {
  test.setTimeout(240_000);
  const weekend = await createEventFixture({ name: "Made in Lambeth" });
  const address = `amara-${weekend.slug}@example.test`;
  const handle = await db();
  await handle.transact(async (tx) => {
    const teamId = crypto.randomUUID();
    await tx.insert(teams).values({ id: teamId, eventId: weekend.id, name: "Parks team", position: 0 });
    const { participantId } = await joinEvent(tx, { eventId: weekend.id, displayName: "Amara", ageBand: "18_plus" });
    await tx.update(participants).set({ contactConsent: true, contact: address }).where(eq(participants.id, participantId));
    await tx.insert(teamMembers).values({ eventId: weekend.id, participantId, teamId });
  });
  const catchUp = await handle.transact((tx) =>
    createCatchUp(tx, {
      followsEventId: weekend.id,
      name: "30-day catch-up",
      place: "Brixton library",
      startsAt: Date.now() + 7 * 86_400_000,
      endsAt: Date.now() + 7 * 86_400_000 + 3 * 3_600_000,
      createdBy: weekend.organiser.id,
    }),
  );
  await handle.transact((tx) => tx.update(events).set({ status: "published" }).where(eq(events.id, catchUp.id)));

  const smtp = await startSmtpServer();
  // Port 9 (discard) on this machine answers nobody: every message is refused, as when a relay is down.
  const environment = (smtpUrl: string) => ({
    SMTP_URL: smtpUrl,
    MAIL_FROM: "Made In <madein@council.test>",
    PUBLIC_URL: `http://127.0.0.1:${e2ePort + 77}`,
  });
  let own = ownServer(77, e2eDatabaseUrl, environment("smtp://127.0.0.1:9"));
  try {
    await own.start();
    const desk = await browser.newContext({ viewport: { width: 1280, height: 720 }, baseURL: own.base });
    await signIn(desk, weekend.organiser.id);
    const page = await desk.newPage();
    await page.goto(`/o/${catchUp.slug}/projects`);
    await page.getByRole("button", { name: "Email the invitation" }).click();
    await expect(page.getByText(/^1 email could not be sent: the email server refused it\./)).toBeVisible({ timeout: 60_000 });
    expect(smtp.to(address)).toHaveLength(0);

    // The relay works again: the same button sends it.
    await own.kill();
    own = ownServer(77, e2eDatabaseUrl, environment(smtp.url));
    await own.start();
    await page.goto(`/o/${catchUp.slug}/projects`);
    await page.getByRole("button", { name: "Email the invitation" }).click();
    await expect(page.getByText("Invited 1 person by email.")).toBeVisible();
    const [invite] = await smtp.waitFor(address, 1);
    expect(invite?.subject).toBe("Catch up with your team: 30-day catch-up");
    await page.getByRole("button", { name: "Email the invitation" }).click();
    await expect(page.getByText("Everyone who can be emailed has been invited already.")).toBeVisible();
    await desk.close();
  } finally {
    await own.kill();
    await smtp.close();
  }
});

test("an owner's link the email server refused says so, with the link to send by hand", async ({ browser }) => {
  test.setTimeout(120_000);
  const event = await createEventFixture({ name: "Made in Lambeth" });
  const ownerEmail = `amara-${event.slug}@example.test`;
  const projectId = await (await db()).transact((tx) =>
    createProject(tx, {
      eventId: event.id,
      teamId: null,
      title: "Street library",
      summary: "",
      ownerName: "Amara",
      ownerRole: "Resident",
      ownerEmail,
      coOwners: [],
    }),
  );
  // Port 9 (discard) on this machine answers nobody, as when a relay is down.
  const own = ownServer(78, e2eDatabaseUrl, {
    SMTP_URL: "smtp://127.0.0.1:9",
    MAIL_FROM: "Made In <madein@council.test>",
    PUBLIC_URL: `http://127.0.0.1:${e2ePort + 78}`,
  });
  try {
    await own.start();
    const desk = await browser.newContext({ viewport: { width: 1280, height: 720 }, baseURL: own.base });
    await signIn(desk, event.organiser.id);
    const page = await desk.newPage();
    await page.goto(`/o/${event.slug}/projects/${projectId}`);
    await page.getByRole("button", { name: "Make the owner's link" }).click();
    await expect(page.getByText(`The email to ${ownerEmail} could not be sent.`, { exact: false })).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.locator("#owner-link")).toHaveValue(/\/u\//);
    await desk.close();
  } finally {
    await own.kill();
  }
});
