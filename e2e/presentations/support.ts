import type { BrowserContext } from "@playwright/test";
import { teamMembers } from "@/db/schema";
import { ensureTeamsForBriefs } from "@/lib/teams/ensure-teams-for-briefs";
import { addBrief, db, joinAs } from "../support/fixtures";

/** A 1×1 PNG: a real image by its content, small enough for any test. */
export const onePixelPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** Published briefs with success lines and an owner, and the team each brief gets. */
export async function briefTeams(eventId: string, briefs: { title: string; success: string; owner: string }[]) {
  for (const [position, b] of briefs.entries()) {
    await addBrief(eventId, { title: b.title, position, successLooksLike: b.success, ownerRole: b.owner });
  }
  const { created } = await (await db()).transact((tx) => ensureTeamsForBriefs(tx, eventId));
  return created;
}

/** A participant in a team, with their cookie in the context. */
export async function memberOf(context: BrowserContext, eventId: string, teamId: string | null, name: string) {
  const joined = await joinAs(context, eventId, name);
  if (teamId) {
    await (await db()).transact((tx) => tx.insert(teamMembers).values({ eventId, participantId: joined.participantId, teamId }));
  }
  return joined;
}
