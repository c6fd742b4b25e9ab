import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { insertTeam } from "@/lib/teams/create-team";
import { ensureTeamsForBriefs } from "@/lib/teams/ensure-teams-for-briefs";
import { addBrief, db } from "../support/fixtures";

/** Published briefs with their default teams, as publishing them would make. */
export async function briefsWithTeams(eventId: string, titles: string[]) {
  for (const [position, title] of titles.entries()) await addBrief(eventId, { title, position });
  const { created } = await (await db()).transact((tx) => ensureTeamsForBriefs(tx, eventId));
  return created;
}

export async function addTeam(eventId: string, name: string, capacity: number | null = null) {
  return (await db()).transact((tx) => insertTeam(tx, { eventId, name, briefId: null, capacity, now: Date.now() }));
}

/** Joins by typing the code, as a person would, then answers (or skips) the "about you" step. */
export async function joinByCode(
  page: Page,
  joinCode: string,
  name: string,
  // With "about you" answered, the person says they are 18 or over (the room then sees their
  // name) unless `age` says otherwise; skipped, the room sees their initials.
  about: { skills?: string[]; kind?: string; age?: string } | "skip" = "skip",
) {
  await page.goto("/j");
  await page.getByLabel("Join code").fill(joinCode);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("What should people call you?").fill(name);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("heading", { name: `You're in, ${name}!` })).toBeVisible();
  if (about === "skip") {
    await page.getByRole("link", { name: "Skip for now" }).click();
  } else {
    for (const skill of about.skills ?? []) await page.getByRole("checkbox", { name: skill }).check();
    if (about.kind) await page.getByRole("radio", { name: about.kind }).check();
    await page.getByRole("radio", { name: about.age ?? "18 or over" }).check();
    await page.getByRole("button", { name: "Save and continue" }).click();
  }
  await expect(page.getByRole("heading", { name: `Hello, ${name}` })).toBeVisible();
  // After a client-side navigation the new page's <title> streams in a moment later.
  await expect(page).toHaveTitle(/In the room/);
}
