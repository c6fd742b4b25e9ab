import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { boards, voteRounds } from "@/db/schema";
import { insertBoard } from "@/lib/boards/create-board";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { WriteHandler } from "@/lib/realtime/handler";
import { roundView } from "@/lib/voting/round-store";
import { peoplesChoiceTitle } from "./peoples-choice-board";
import { findRun, presentationTeams, presentingIds, runChanged, runView, saveRun } from "./store";

export { peoplesChoiceTitle };

/**
 * Opens a people's-choice dot vote across teams: an ordinary vote round (same limits, same
 * triggers, closed and revealed with the usual commands) on a locked plenary board kept for it,
 * whose targets are teams. One dot per team; the organiser decides whether own-team votes count.
 */
export const openPeoplesChoice: WriteHandler<"peoples-choice:open"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const run = await findRun(tx, actor.eventId);
    const allTeams = await presentationTeams(tx, actor.eventId);
    // Only the teams that present take votes: an empty team gets none unless staff added it.
    const presenting = new Set(presentingIds(run, allTeams));
    const teamInfo = allTeams.filter((t) => presenting.has(t.id));
    if (teamInfo.length < 2) throw new CommandFailure("conflict", "A people's choice needs at least two teams.");
    let boardId = run.peoplesChoiceBoardId;
    const [existing] = boardId ? await tx.select({ id: boards.id }).from(boards).where(eq(boards.id, boardId)) : [];
    if (!existing) {
      const board = await insertBoard(tx, {
        eventId: actor.eventId,
        teamId: null,
        title: peoplesChoiceTitle,
        template: "blank",
        now,
      });
      // Locked: it exists for its votes; nobody adds notes to it.
      await tx.update(boards).set({ locked: true }).where(eq(boards.id, board.id));
      boardId = board.id;
    }
    if (!boardId) throw new Error("no board");
    const [open] = await tx
      .select({ id: voteRounds.id })
      .from(voteRounds)
      .where(and(eq(voteRounds.boardId, boardId), eq(voteRounds.status, "open")));
    if (open) throw new CommandFailure("conflict", "The people's choice is already open. Close it first.");
    const [round] = await tx
      .insert(voteRounds)
      .values({
        id: randomUUID(),
        boardId,
        eventId: actor.eventId,
        dotsPerPerson: Math.min(payload.dotsPerPerson, teamInfo.length),
        maxPerTarget: 1,
        targets: "teams",
        excludeOwnTeam: payload.excludeOwnTeam,
        talliesLive: false,
        shortlistSize: teamInfo.length,
        createdAt: now,
      })
      .returning();
    if (!round) throw new Error("round not created");
    const saved = await saveRun(tx, actor.eventId, { peoplesChoiceBoardId: boardId }, now);
    return {
      result: { boardId, roundId: round.id },
      broadcasts: [
        { room: rooms.votes(boardId), event: "vote:round-changed", data: { round: roundView(round) } },
        runChanged(actor.eventId, runView(saved, allTeams)),
      ],
      signals: [{ kind: "tally", roundId: round.id, room: rooms.votes(boardId) }],
    };
  },
};
