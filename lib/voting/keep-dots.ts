import { randomUUID } from "node:crypto";
import { and, count, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { noteGroups, notes, participants, voteRounds, votes } from "@/db/schema";
import { rooms } from "@/lib/realtime/contract";
import type { Signal } from "@/lib/realtime/handler";
import { freeSlot, refuseCast } from "./rules";

/** Dots a delete gave back, by round, voter and target: what an undo of it puts back. */
export type KeptDots = { roundId: string; voterKey: string; targetId: string; dots: number }[];

/**
 * The dots on these targets (a note, the group deleting it dissolves) in their board's rounds still
 * open, read before the delete gives them back to their voters (lib/voting/return-dots.ts).
 */
export async function dotsToKeep(tx: Tx, boardId: string, targetIds: readonly string[]): Promise<KeptDots> {
  if (targetIds.length === 0) return [];
  return tx
    .select({ roundId: votes.roundId, voterKey: votes.voterKey, targetId: votes.targetId, dots: count() })
    .from(votes)
    .innerJoin(voteRounds, eq(voteRounds.id, votes.roundId))
    .where(and(eq(voteRounds.boardId, boardId), eq(voteRounds.status, "open"), inArray(votes.targetId, [...targetIds])))
    .groupBy(votes.roundId, votes.voterKey, votes.targetId);
}

/**
 * An undo of a delete puts its dots back, as if each voter cast them again: only in a round still
 * open, on a target that is back on the board, by someone still in the event, and only as many as
 * the round's rules let them hold now (they may have spent the dots elsewhere meanwhile; those
 * stay where they are). Each voter's screens are told their dots (`own-dots`), the room its tally.
 */
export async function giveBackDots(
  tx: Tx,
  board: { id: string; eventId: string },
  kept: KeptDots,
  now: number,
): Promise<Signal[]> {
  if (kept.length === 0) return [];
  const roundIds = [...new Set(kept.map((k) => k.roundId))];
  const open = await tx
    .select()
    .from(voteRounds)
    .where(and(inArray(voteRounds.id, roundIds), eq(voteRounds.boardId, board.id), eq(voteRounds.status, "open")));
  const targetIds = [...new Set(kept.map((k) => k.targetId))];
  const back = new Set([
    ...(await tx.select({ id: notes.id }).from(notes).where(inArray(notes.id, targetIds))).map((n) => n.id),
    ...(await tx.select({ id: noteGroups.id }).from(noteGroups).where(inArray(noteGroups.id, targetIds))).map((g) => g.id),
  ]);
  const participantIds = kept.filter((k) => k.voterKey.startsWith("p:")).map((k) => k.voterKey.slice(2));
  const stillIn = new Set(
    participantIds.length
      ? (
          await tx
            .select({ id: participants.id })
            .from(participants)
            .where(and(inArray(participants.id, participantIds), eq(participants.eventId, board.eventId)))
        ).map((p) => `p:${p.id}`)
      : [],
  );
  const signals: Signal[] = [];
  for (const round of open) {
    let given = false;
    const voters = new Set(kept.filter((k) => k.roundId === round.id).map((k) => k.voterKey));
    for (const voterKey of voters) {
      if (voterKey.startsWith("p:") && !stillIn.has(voterKey)) continue;
      const held = await tx
        .select({ slot: votes.slot, targetId: votes.targetId })
        .from(votes)
        .where(and(eq(votes.roundId, round.id), eq(votes.voterKey, voterKey)));
      const slots = held.map((h) => h.slot);
      const mine: Record<string, number> = {};
      for (const h of held) mine[h.targetId] = (mine[h.targetId] ?? 0) + 1;
      let changed = false;
      for (const dot of kept.filter((k) => k.roundId === round.id && k.voterKey === voterKey && back.has(k.targetId))) {
        for (let i = 0; i < dot.dots; i++) {
          const slot = freeSlot(slots, round.dotsPerPerson);
          if (slot === null || refuseCast(round, mine, dot.targetId, now)) break;
          const place = mine[dot.targetId] ?? 0;
          await tx.insert(votes).values({
            id: randomUUID(),
            roundId: round.id,
            voterKey,
            targetId: dot.targetId,
            slot,
            placeOnTarget: place,
            createdAt: now,
          });
          slots.push(slot);
          mine[dot.targetId] = place + 1;
          changed = true;
        }
      }
      if (!changed) continue;
      given = true;
      signals.push({ kind: "own-dots", eventId: board.eventId, voterKey, boardId: board.id, roundId: round.id, mine });
    }
    if (given) signals.push({ kind: "tally", roundId: round.id, room: rooms.votes(board.id) });
  }
  return signals;
}
