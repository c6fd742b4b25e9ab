import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { boards, noteGroups, notes } from "@/db/schema";
import type { BoardRow } from "@/lib/boards/board-access";
import { authorKeyOf, groupTitleVisibleTo, noteVisibleTo } from "@/lib/boards/rules";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms, type WireNote } from "@/lib/realtime/contract";
import type { Broadcast } from "@/lib/realtime/handler";
import { groupToWire } from "./groups";
import { notesById, toWire } from "./note-views";

type NoteRow = typeof notes.$inferSelect;
type GroupRow = typeof noteGroups.$inferSelect;

/**
 * Copies notes (in the order given) onto another board, after its last note, recreating the
 * given groups there. Each copy keeps its author and photo and remembers where it came from.
 * Shared by the facilitator's funnel and the vote shortlist.
 *
 * A copy tells the room no more than its source did: a note the room may not read where it is
 * (hidden until the reveal, or hidden by a facilitator) is copied hidden from the room
 * (withheld: its author and staff read it, and a facilitator shows it there when it should be
 * read), a group's title not yet shown to the room is not carried, and a note written on an
 * anonymous board, or a young person's pin on a map, stays unnamed wherever it is copied.
 */
export async function copyNotesTo(
  tx: Tx,
  options: {
    target: BoardRow;
    notes: NoteRow[];
    groups: GroupRow[];
    now: number;
    /** Keep a note's column when the target has it, or put everything in the first column. */
    columns: "keep" | "first";
  },
): Promise<{ copied: WireNote[]; broadcasts: Broadcast[] }> {
  const { target, now } = options;
  const room = rooms.board(target.id);
  const broadcasts: Broadcast[] = [];
  const sourceIds = [
    ...new Set([
      ...options.notes.flatMap((n) => (n.sourceBoardId ? [n.boardId, n.sourceBoardId] : [n.boardId])),
      ...options.groups.map((g) => g.boardId),
    ]),
  ];
  const sources = new Map(
    sourceIds.length
      ? (
          await tx
            .select({
              id: boards.id,
              hiddenUntilReveal: boards.hiddenUntilReveal,
              revealedAt: boards.revealedAt,
              anonymous: boards.anonymous,
              template: boards.template,
            })
            .from(boards)
            .where(inArray(boards.id, sourceIds))
        ).map((b) => [b.id, b])
      : [],
  );
  const shownToRoom = (boardId: string) =>
    sources.get(boardId) ?? { hiddenUntilReveal: true, revealedAt: null, anonymous: true, template: "" };
  // A copy of a copy from an anonymous board remembers that board, so its author stays unnamed
  // (toWire); one from a map remembers the map, so a young person's pin stays unsigned. Anonymous
  // first: it leaves every author unnamed, a map only those not known to be adults.
  const origin = (note: NoteRow) => {
    const source = note.sourceBoardId;
    const here = shownToRoom(note.boardId);
    if (here.anonymous) return note.boardId;
    if (source && shownToRoom(source).anonymous) return source;
    if (here.template !== "map" && source && shownToRoom(source).template === "map") return source;
    return note.boardId;
  };
  const newGroupFor = new Map<string, string>();
  for (const g of options.groups) {
    const id = randomUUID();
    const title = groupTitleVisibleTo(shownToRoom(g.boardId), [], null) ? g.title : "";
    newGroupFor.set(g.id, id);
    await tx.insert(noteGroups).values({ id, boardId: target.id, title, createdAt: now });
    // The copies are new notes on the target: on a board hidden until the reveal, so is the title.
    broadcasts.push({ room, event: "group:changed", data: { group: groupToWire(target, { id, title }, [], null) } });
  }

  const firstColumn = target.columns[0]?.key;
  if (!firstColumn) throw new CommandFailure("conflict", "That board has no columns to copy into.");
  const [last] = await tx
    .select({ position: notes.position })
    .from(notes)
    .where(and(eq(notes.boardId, target.id), eq(notes.column, firstColumn)))
    .orderBy(desc(notes.position))
    .limit(1);
  let position = last?.position ?? 0;
  const ids: string[] = [];
  for (const note of options.notes) {
    const keep = options.columns === "keep" && target.columns.some((c) => c.key === note.column);
    const id = randomUUID();
    ids.push(id);
    const author = authorKeyOf({ participantId: note.authorParticipantId, accountId: note.authorAccountId });
    const roomReads = noteVisibleTo(shownToRoom(note.boardId), author, null, note.withheldAt !== null);
    position += 1;
    await tx.insert(notes).values({
      id,
      boardId: target.id,
      column: keep ? note.column : firstColumn,
      text: note.text,
      colour: note.colour,
      photoId: note.photoId,
      position,
      groupId: note.groupId ? (newGroupFor.get(note.groupId) ?? null) : null,
      authorParticipantId: note.authorParticipantId,
      authorAccountId: note.authorAccountId,
      sourceNoteId: note.id,
      sourceBoardId: origin(note),
      withheldAt: roomReads ? null : now,
      // A copy of a note waiting to go goes with it.
      eraseAt: note.eraseAt,
      createdAt: now,
    });
  }
  const copied = (await notesById(tx, target.id, ids)).map((r) => toWire(r, target, null));
  for (const note of copied) broadcasts.push({ room, event: "note:created", data: { note } });
  return { copied, broadcasts };
}
