import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  commandLog,
  deletedNotes,
  notePhotos,
  notes,
  participantDevices,
  participants,
  presence,
  presentationFeedback,
  presentationJudges,
  teamMembers,
} from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { findBoard } from "@/lib/boards/find-boards";
import { forgetEmailsTo } from "@/lib/email/forget-address";
import { eraseUnsignedLater } from "@/lib/notes/erase-later";
import { notesById, toWire } from "@/lib/notes/note-views";
import { dissolveGroupsLeftAlone, notesGone } from "@/lib/notes/notes-gone";
import { scrubCommandLogLater } from "@/lib/realtime/command-log-scrub";
import { rooms, type WireNote } from "@/lib/realtime/contract";
import type { Broadcast } from "@/lib/realtime/handler";
import { leftName } from "./profile";

export type ErasedParticipant = {
  /** How many of their notes were deleted (0 unless asked), counting those that go later (eraseUnsignedLater). */
  notesDeleted: number;
  /** Storage keys of note photos whose rows went with their notes: remove the files after the commit. */
  photoStorageKeys: string[];
  /** For screens: they left their team, and their deleted notes vanish from open boards. */
  broadcasts: Broadcast[];
};

/**
 * Erases a participant from an event: what leaving does, and what staff removing someone does.
 * After it, the database holds nothing of theirs that identifies them: the participant row stays
 * (so what they made still has an author to point at) with every personal field scrubbed (their
 * language too) and
 * `left_at` set, which also refuses their cookie and personal link from now on. Everything that
 * shows them to others derives the name from that row (lib/participants/names.ts), so it now
 * reads "Someone who left" everywhere at once: notes, reframes, showcases, feedback, judges.
 *
 * Removed: team membership, judging role, presence rows, and the command log's records of what
 * they sent (their retries can no longer arrive: their cookie is refused). Kept, as the
 * weekend's outputs, pseudonymous: dots, reactions, scores, reframes, showcase edits and, unless
 * `deleteNotes`, their notes and feedback. With `deleteNotes`, what they wrote goes too: notes
 * (with their photos) and presentation feedback; the notes the room reads unsigned a few minutes
 * later, each at its own moment (lib/notes/erase-later.ts).
 *
 * Others' command records carry what the room saw of them: a facilitator's move lists their
 * skills, a neighbour's grouping or a copy holds their notes' words. Every record that names them
 * or one of their notes by id keeps only its ids (lib/realtime/command-log-scrub.ts): no record
 * holds their name without one of those ids (lib/participants/update-profile.ts says why).
 *
 * Runs inside the caller's transaction. The photo files are the caller's to remove after the
 * commit (their rows are gone, so nothing serves them meanwhile).
 */
export async function eraseParticipant(
  tx: Tx,
  input: { eventId: string; participantId: string; deleteNotes: boolean; now: number },
): Promise<ErasedParticipant> {
  const { eventId, participantId } = input;
  const [person] = await tx
    .select()
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.eventId, eventId)));
  if (!person) return { notesDeleted: 0, photoStorageKeys: [], broadcasts: [] };
  const key = `p:${participantId}`;
  const signedBefore = await signedNotesOf(tx, participantId);
  // Asked before any goes: the records that mention them must be found after they have gone.
  const noteIds = await noteIdsOf(tx, participantId);

  const [membership] = await tx
    .delete(teamMembers)
    .where(and(eq(teamMembers.eventId, eventId), eq(teamMembers.participantId, participantId)))
    .returning({ teamId: teamMembers.teamId });

  let deleted: { id: string; boardId: string; groupId: string | null; photoId: string | null }[] = [];
  let photoStorageKeys: string[] = [];
  let erasedLater = 0;
  if (input.deleteNotes) {
    // Their unsigned notes go later, each at its own moment: gone with them now, they would say
    // which unsigned notes were theirs. The rest go now.
    erasedLater = await eraseUnsignedLater(tx, participantId, input.now);
    deleted = await tx
      .delete(notes)
      .where(and(eq(notes.authorParticipantId, participantId), isNull(notes.eraseAt)))
      .returning({ id: notes.id, boardId: notes.boardId, groupId: notes.groupId, photoId: notes.photoId });
    // And the copies kept for "Undo" of notes they deleted a moment ago.
    await tx.delete(deletedNotes).where(eq(deletedNotes.authorParticipantId, participantId));
    // Their photos: those on the notes just deleted, and any they uploaded but never attached.
    const photoIds = deleted.map((n) => n.photoId).filter((id): id is string => id !== null);
    const photos = await tx
      .delete(notePhotos)
      .where(
        and(
          eq(notePhotos.eventId, eventId),
          photoIds.length ? or(inArray(notePhotos.id, photoIds), eq(notePhotos.uploadedBy, key)) : eq(notePhotos.uploadedBy, key),
          // A photo still on someone else's note (a copy to a plenary board) stays with it.
          sql`not exists (select 1 from ${notes} where ${notes.photoId} = ${notePhotos.id})`,
        ),
      )
      .returning({ storageKey: notePhotos.storageKey });
    photoStorageKeys = photos.map((p) => p.storageKey);
    await tx
      .delete(presentationFeedback)
      .where(and(eq(presentationFeedback.eventId, eventId), eq(presentationFeedback.authorKey, key)));
  }

  await tx.delete(presentationJudges).where(and(eq(presentationJudges.eventId, eventId), eq(presentationJudges.judgeKey, key)));
  await tx.delete(presence).where(and(eq(presence.eventId, eventId), eq(presence.personKey, key)));
  // Every browser signed in as them forgets them (and the list of their devices goes).
  await tx.delete(participantDevices).where(eq(participantDevices.participantId, participantId));
  // The record of what was emailed to them (their link, the catch-up) held their address, or
  // their parent's: it goes with them.
  await forgetEmailsTo(tx, { eventId, address: person.contact, exceptParticipantId: participantId });

  // What the room saw them as, inside the command log's stored broadcasts and results.
  await tx.delete(commandLog).where(
    and(
      eq(commandLog.actorKey, key),
      // Leaving is recorded under their key too: keep it, so a lost ack's retry is answered.
      ne(commandLog.name, "event:leave"),
    ),
  );
  await scrubCommandLogLater(tx, eventId, { mentioning: [participantId, ...noteIds], sentBy: [key] });

  await tx
    .update(participants)
    .set({
      leftAt: person.leftAt ?? input.now,
      displayName: leftName,
      // Nobody holds this token: the old personal link stops working.
      resumeTokenHash: hashToken(newToken()),
      kind: null,
      skills: [],
      accessNeeds: "",
      contactConsent: false,
      contact: "",
      ageBand: null,
      // The language they chose can hint at where they or their family are from; with no name or
      // address left it describes nobody the app could still write to.
      language: null,
    })
    .where(eq(participants.id, participantId));

  const broadcasts: Broadcast[] = [
    { room: rooms.teams(eventId), event: "participant:left", data: { participantId, fromTeamId: membership?.teamId ?? null } },
    // Boards open on screens drop the deleted notes at once, and a group left with one note is
    // no group (as when one note is deleted).
    ...(await notesGone(tx, deleted)),
    ...(await dissolveGroupsLeftAlone(tx, deleted)),
    // And re-sign the notes they kept: their name leaves open screens now, not at the next reload.
    ...(await resignedNotes(tx, participantId, signedBefore)),
  ];
  return { notesDeleted: deleted.length + erasedLater, photoStorageKeys, broadcasts };
}

/** Every note of theirs, on a board or kept a minute for "Undo", copies included (a copy keeps its author). */
export async function noteIdsOf(tx: Tx, participantId: string): Promise<string[]> {
  const [onBoards, deleted] = await Promise.all([
    tx.select({ id: notes.id }).from(notes).where(eq(notes.authorParticipantId, participantId)),
    tx.select({ id: deletedNotes.noteId }).from(deletedNotes).where(eq(deletedNotes.authorParticipantId, participantId)),
  ]);
  return [...onBoards, ...deleted].map((n) => n.id);
}

/** Someone's notes as their boards' rooms see them, board by board. */
async function roomCopiesOf(tx: Tx, participantId: string): Promise<Map<string, WireNote[]>> {
  const kept = await tx
    .select({ id: notes.id, boardId: notes.boardId })
    .from(notes)
    .where(eq(notes.authorParticipantId, participantId));
  const byBoard = new Map<string, string[]>();
  for (const n of kept) byBoard.set(n.boardId, [...(byBoard.get(n.boardId) ?? []), n.id]);
  const copies = new Map<string, WireNote[]>();
  for (const [boardId, ids] of byBoard) {
    const board = await findBoard(tx, boardId);
    if (!board) continue;
    const wire: WireNote[] = [];
    for (let i = 0; i < ids.length; i += 200) {
      wire.push(...(await notesById(tx, boardId, ids.slice(i, i + 200))).map((r) => toWire(r, board, null)));
    }
    copies.set(boardId, wire);
  }
  return copies;
}

/**
 * The ids of someone's notes the room reads signed now: ask before a change of how they are
 * shown, and hand the answer to resignedNotes after it.
 */
export async function signedNotesOf(tx: Tx, participantId: string): Promise<Set<string>> {
  const copies = await roomCopiesOf(tx, participantId);
  return new Set([...copies.values()].flat().flatMap((n) => (n.authorName !== null ? [n.id] : [])));
}

/**
 * Someone's notes as their boards' rooms see them now: re-sent when the name they are signed
 * with changes (they left: "Someone who left"; renamed; or now shown by initials), and when it
 * comes off or on (an age band that now leaves their pins on a map unsigned, or signs them).
 * Only notes the room saw signed before (`signedBefore`, from signedNotesOf) or sees signed
 * now: a card unsigned before and after (an anonymous board, a copy from one, a child's pin) or
 * a blank one (hidden until the reveal, or by a facilitator) shows nothing new, and sent beside
 * the room's news of that person it would say whose it is.
 */
export async function resignedNotes(tx: Tx, participantId: string, signedBefore: Set<string>): Promise<Broadcast[]> {
  const broadcasts: Broadcast[] = [];
  for (const [boardId, wire] of await roomCopiesOf(tx, participantId)) {
    const resent = wire.filter((n) => n.authorName !== null || signedBefore.has(n.id));
    for (let i = 0; i < resent.length; i += 200) {
      broadcasts.push({ room: rooms.board(boardId), event: "note:changed", data: { notes: resent.slice(i, i + 200) } });
    }
  }
  return broadcasts;
}
