import { randomUUID } from "node:crypto";
import { briefContacts, briefLinks, teamMembers, teams } from "@/db/schema";
import { db } from "../support/fixtures";

/**
 * Teams straight into the database: team sign-up has its own tests (issue 4); these tests only
 * need a team to exist, working on a brief, with members.
 */
export async function createTeamFixture(input: { eventId: string; briefId: string; name: string; participantIds: string[] }) {
  const id = randomUUID();
  await (await db()).transact(async (tx) => {
    await tx.insert(teams).values({ id, eventId: input.eventId, briefId: input.briefId, name: input.name });
    for (const participantId of input.participantIds) {
      await tx.insert(teamMembers).values({ eventId: input.eventId, participantId, teamId: id });
    }
  });
  return id;
}

/** A pack's links and contacts, as the brief editor would save them. */
export async function addPackFixture(
  briefId: string,
  pack: { links?: { kind: "data" | "link"; title: string; url: string }[]; contacts?: { role: string; howToReach: string }[] },
) {
  await (await db()).transact(async (tx) => {
    for (const [position, link] of (pack.links ?? []).entries()) {
      await tx.insert(briefLinks).values({ ...link, position, id: randomUUID(), briefId });
    }
    for (const [position, contact] of (pack.contacts ?? []).entries()) {
      await tx.insert(briefContacts).values({ ...contact, position, id: randomUUID(), briefId });
    }
  });
}

/** Bytes that pass (or fail) the upload checks. */
export const samplePdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
export const fakePdf = Buffer.from("MZ\u0090\u0000 this is really a program");
