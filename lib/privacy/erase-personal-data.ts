import { and, eq, inArray, isNotNull, notInArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  boards,
  events,
  notePhotos,
  notes,
  participantDevices,
  participants,
  presence,
  projectCheckIns,
  projectRisks,
  projects,
  roomStates,
  sentEmails,
  showcaseImages,
  showcases,
  teams,
} from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { pseudonym } from "@/lib/participants/profile-facts";
import { scrubCommandLogLater } from "@/lib/realtime/command-log-scrub";

/** What the sweep erased from one event: counts for the audit log, keys for the file store. */
export type Erasure = {
  participants: number;
  photos: number;
  /** Files to remove from storage once the transaction has committed. */
  storageKeys: string[];
};

/** "Participant 12": stable within the event (join order), meaningless outside it. */
const ownerPseudonym = "Project owner";

/**
 * Erases or pseudonymises one event's personal data, in the caller's transaction, and keeps what
 * the event produced: notes, groups, votes, reactions, scores, showcases' text and projects.
 *
 * - People: names become "Participant N"; skills, age band, access needs, contact details and
 *   the language they chose go; their personal link stops working. The kind of participant stays (for "who came" figures).
 * - Names copied next to what people wrote (reframes, feedback, judges, showcase editor, project
 *   owners and check-ins, risk checks) follow the same pseudonym, or a role.
 * - Photos that may show people (note photos, showcase images, check-in photos) are deleted; a
 *   map board's image (a map, uploaded by staff) stays.
 * - The command records of the event's people and rooms keep only their ids; the event's presence rows go.
 */
export async function erasePersonalData(tx: Tx, eventId: string, now: number): Promise<Erasure> {
  const people = await tx
    .select({ id: participants.id, leftAt: participants.leftAt })
    .from(participants)
    .where(eq(participants.eventId, eventId))
    .orderBy(participants.createdAt, participants.id);
  const names = new Map<string, string>();
  let n = 0;
  for (const p of people) {
    if (p.leftAt !== null) continue; // leaving already scrubbed them ("Someone who left")
    n += 1;
    const name = pseudonym(n);
    names.set(p.id, name);
    await tx
      .update(participants)
      .set({
        displayName: name,
        resumeTokenHash: hashToken(newToken()),
        skills: [],
        accessNeeds: "",
        contactConsent: false,
        contact: "",
        ageBand: null,
      })
      .where(eq(participants.id, p.id));
  }
  // The language each person chose (it can hint at where they are from), those who left before
  // included: their screens and emails fall back to the event's.
  await tx.update(participants).set({ language: null }).where(eq(participants.eventId, eventId));
  // The devices they signed in on ("Chrome on Android", when): signed out, and nothing kept of them.
  await tx
    .delete(participantDevices)
    .where(
      inArray(
        participantDevices.participantId,
        tx.select({ id: participants.id }).from(participants).where(eq(participants.eventId, eventId)),
      ),
    );
  // Reframes, feedback, judges and showcases name people from the participant row just
  // pseudonymised (lib/participants/names.ts): nothing else holds a copy of a name.
  await tx.update(showcases).set({ updatedByKey: null, takenForwardBy: "", imageIds: [] }).where(eq(showcases.eventId, eventId));

  // Projects: owners may be residents; the project and its check-ins stay, under a role, and no email reaches them.
  const eventProjects = await tx
    .select({ id: projects.id, ownerRole: projects.ownerRole, coOwners: projects.coOwners })
    .from(projects)
    .where(eq(projects.eventId, eventId));
  const storageKeys: string[] = [];
  let photos = 0;
  for (const p of eventProjects) {
    await tx
      .update(projects)
      .set({
        ownerName: p.ownerRole || ownerPseudonym,
        coOwners: p.coOwners.map((c, i) => ({ name: c.role || `Co-owner ${i + 1}`, role: c.role })),
        // The owner's address is theirs as much as their name: kept, it would go on being emailed.
        ownerEmail: "",
        ownerTokenHash: null,
        ownerLanguage: null,
      })
      .where(eq(projects.id, p.id));
    const checkIns = await tx
      .select({ id: projectCheckIns.id, photos: projectCheckIns.photos })
      .from(projectCheckIns)
      .where(eq(projectCheckIns.projectId, p.id));
    for (const c of checkIns) {
      storageKeys.push(...c.photos.map((ph) => ph.storageKey));
      photos += c.photos.length;
      await tx.update(projectCheckIns).set({ authorName: ownerPseudonym, photos: [] }).where(eq(projectCheckIns.id, c.id));
    }
    await tx.update(projectRisks).set({ checkedBy: "" }).where(eq(projectRisks.projectId, p.id));
  }

  // Photos of people: every note photo but the maps boards are drawn on, and showcase images.
  const maps = tx
    .select({ id: boards.mapPhotoId })
    .from(boards)
    .where(and(eq(boards.eventId, eventId), isNotNull(boards.mapPhotoId)));
  const notePhotoRows = await tx
    .delete(notePhotos)
    .where(and(eq(notePhotos.eventId, eventId), notInArray(notePhotos.id, maps)))
    .returning({ id: notePhotos.id, storageKey: notePhotos.storageKey });
  if (notePhotoRows.length > 0) {
    await tx
      .update(notes)
      .set({ photoId: null })
      .where(
        inArray(
          notes.photoId,
          notePhotoRows.map((p) => p.id),
        ),
      );
  }
  const imageRows = await tx
    .delete(showcaseImages)
    .where(eq(showcaseImages.eventId, eventId))
    .returning({ storageKey: showcaseImages.storageKey });
  for (const row of [...notePhotoRows, ...imageRows]) storageKeys.push(row.storageKey);
  photos += notePhotoRows.length + imageRows.length;

  // Who last did what in the room names staff and, through nudges, people: not needed afterwards.
  await tx.update(roomStates).set({ lastChange: null, changes: null, nudge: null }).where(eq(roomStates.eventId, eventId));
  await tx.delete(presence).where(eq(presence.eventId, eventId));
  // The record of emails sent for the event names each recipient's address.
  await tx.delete(sentEmails).where(eq(sentEmails.eventId, eventId));
  await scrubEventCommands(tx, eventId, [...names.keys(), ...people.filter((p) => p.leftAt !== null).map((p) => p.id)]);
  await tx.update(events).set({ personalDataErasedAt: now }).where(eq(events.id, eventId));
  return { participants: names.size, photos, storageKeys };
}

/**
 * The command log keeps what a retry needs, which can include what people sent and what was
 * broadcast about them: the records the event's people sent, and those that mention the event,
 * its boards or teams (their broadcasts went to the event's rooms) or its people, keep only their
 * ids (lib/realtime/command-log-scrub.ts). The event may still be open (someone joined late), so
 * the records stay: a retry is answered, not applied again.
 */
async function scrubEventCommands(tx: Tx, eventId: string, participantIds: string[]) {
  const [boardIds, teamIds] = await Promise.all([
    tx.select({ id: boards.id }).from(boards).where(eq(boards.eventId, eventId)),
    tx.select({ id: teams.id }).from(teams).where(eq(teams.eventId, eventId)),
  ]);
  await scrubCommandLogLater(tx, eventId, {
    sentBy: participantIds.map((id) => `p:${id}`),
    mentioning: [eventId, ...boardIds.map((b) => b.id), ...teamIds.map((t) => t.id), ...participantIds],
  });
}
