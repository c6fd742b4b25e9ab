import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { runFixed } from "@/db/fixed-sql";
import { boards, noteGroups, notes, teams, voteRounds } from "@/db/schema";
import { type Said, says } from "@/lib/activity/activity-message";
import { logActivity } from "@/lib/activity/log-activity";
import { type Actor, actorKey, staffSignature } from "@/lib/auth/actor";
import { boardInEvent, boardView, noSuchBoard, teamOf } from "@/lib/boards/board-access";
import { insertBoard } from "@/lib/boards/create-board";
import { canReadBoard, canWriteOnBoard } from "@/lib/boards/rules";
import { withTitleKey } from "@/lib/boards/template-marks";
import { copyNotesTo } from "@/lib/notes/copy-notes-to";
import { resultsIfProjected } from "@/lib/presentations/results";
import { mayVoteFor } from "@/lib/presentations/rules";
import { presentingTeamIdsOf as presentingIds } from "@/lib/presentations/store";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms, type VotingCommandResults } from "@/lib/realtime/contract";
import type { Broadcast, Handler, ReadHandler, WriteHandler } from "@/lib/realtime/handler";
import { seqQuery } from "@/lib/realtime/sequence";
import { nudgeBoard } from "@/lib/room/nudges";
import { nudgePhones } from "@/lib/room/room-store";
import { allTallies, dotsOf, latestRounds, noSuchRound, type RoundRow, roundInEvent, roundView, tallyOf } from "./round-store";
import { freeSlot, refuseCast, refuseRetract, settleShortlist, shortlist } from "./rules";
import { type CastFacts, countByTarget, type DotRound, readCastFacts, readRetractFacts } from "./vote-facts";

const changed = (round: RoundRow, shortlistBoardId: string | null = null): Broadcast => ({
  room: rooms.votes(round.boardId),
  event: "vote:round-changed",
  data: { round: roundView(round, shortlistBoardId) },
});
const tallySignal = (round: Pick<RoundRow, "id" | "boardId">) => ({
  kind: "tally" as const,
  roundId: round.id,
  room: rooms.votes(round.boardId),
});

const voteState: ReadHandler<"vote:state"> = {
  kind: "read",
  permission: "readEvent",
  async read(db, { actor, payload }, socket) {
    await boardInEvent(db.read, actor, payload.boardId);
    socket.join(rooms.votes(payload.boardId));
    const [seqRow] = await seqQuery(db.read, rooms.votes(payload.boardId));
    const [latest, ...history] = await latestRounds(db.read, payload.boardId);
    return {
      result: {
        seq: seqRow?.seq ?? 0,
        round: latest ? roundView(latest) : null,
        tally: latest ? await tallyOf(db.read, latest) : null,
        mine: latest ? await dotsOf(db.read, latest.id, actorKey(actor)) : {},
        history: history.map((r) => roundView(r)),
      },
    };
  },
};

const openRound: WriteHandler<"vote:open"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const board = await boardInEvent(tx, actor, payload.boardId);
    const [running] = await tx
      .select({ id: voteRounds.id })
      .from(voteRounds)
      .where(and(eq(voteRounds.boardId, board.id), eq(voteRounds.status, "open")));
    if (running) throw new CommandFailure("conflict", "A vote is already open on this board. Close it first.");
    const columns = payload.columns?.filter((c) => board.columns.some((bc) => bc.key === c)) ?? null;
    const [round] = await tx
      .insert(voteRounds)
      .values({
        id: randomUUID(),
        boardId: board.id,
        eventId: actor.eventId,
        dotsPerPerson: payload.dotsPerPerson,
        maxPerTarget: payload.maxPerTarget,
        targets: payload.targets,
        talliesLive: payload.talliesLive,
        columns: columns && columns.length > 0 ? columns : null,
        shortlistSize: payload.shortlistSize,
        endsAt: payload.minutes ? now + payload.minutes * 60_000 : null,
        createdAt: now,
      })
      .returning();
    if (!round) throw new Error("round not created");
    // The cue reaches phones whichever control opened the round (board page or console).
    const cue = await nudgePhones(
      tx,
      actor.eventId,
      {
        id: randomUUID(),
        kind: "votes",
        title: board.title,
        ...nudgeBoard({ ...board, ...withTitleKey(board) }),
        by: staffSignature(actor),
        at: now,
      },
      now,
    );
    const logged = await voteLog(tx, actor, now, board.id, says.voteOpened);
    return { result: { round: roundView(round) }, broadcasts: [changed(round), cue, logged], signals: [tallySignal(round)] };
  },
};

/** Whether a team may take a dot in this round (and from this person). */
async function assertVotableTeam(tx: Tx, round: DotRound, targetId: string, actor: Actor) {
  const [team] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, targetId), eq(teams.eventId, round.eventId)));
  if (!team) throw new CommandFailure("not_found", "That team doesn't exist.");
  if (!(await presentingIds(tx, round.eventId)).includes(team.id)) {
    throw new CommandFailure("conflict", "That team isn't presenting, so it takes no votes.");
  }
  if (!mayVoteFor(await teamOf(tx, actor), team.id, round.excludeOwnTeam)) {
    throw new CommandFailure("conflict", "You can't vote for your own team in this vote.");
  }
}

/** Why this note or group (found, or not, on the round's board) can't take a dot, or null when it can. */
function refuseTarget(round: DotRound, target: CastFacts["target"]): CommandFailure | null {
  if (target.noteColumn !== null) {
    if (round.targets === "groups") return new CommandFailure("conflict", "In this vote, dots go on groups, not single notes.");
    if (round.columns && !round.columns.includes(target.noteColumn))
      return new CommandFailure("conflict", "This vote is about other columns.");
    return null;
  }
  if (!target.isGroup) return new CommandFailure("not_found", "That note has been deleted.");
  if (round.targets === "notes") return new CommandFailure("conflict", "In this vote, dots go on single notes.");
  return null;
}

// The dot itself: fixed SQL text, like the read of its facts (vote-facts.ts).
const insertDot =
  "insert into votes (id, round_id, voter_key, target_id, slot, place_on_target, created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
const deleteDot = "delete from votes where id = ?1";

/** The voter's other screens (a phone and a tablet) are told their dots; the one that tapped has them in its answer. */
const yourDots = (round: { id: string; eventId: string; boardId: string }, voterKey: string, mine: Record<string, number>) =>
  ({
    kind: "own-dots",
    eventId: round.eventId,
    voterKey,
    boardId: round.boardId,
    roundId: round.id,
    mine,
    notToSender: true,
  }) as const;

const castVote: WriteHandler<"vote:cast"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const voter = actorKey(actor);
    // One read gives the round, its board, my team, my dots and the target; refusals keep
    // their order: round, board, who may vote, dots left, target.
    const facts = await readCastFacts(tx, actor, payload.roundId, voter, payload.targetId);
    if (!facts || facts.round.eventId !== actor.eventId) throw noSuchRound();
    const { round, board, held } = facts;
    if (!board || !canReadBoard(actor, board)) throw noSuchBoard();
    // A locked board still takes votes: locking stops notes changing, not the vote on them.
    if (!canWriteOnBoard(actor, { ...board, locked: false }, board.teamId ? facts.myTeamId : null)) {
      throw new CommandFailure("forbidden", "Only members of this team vote on its board.");
    }
    const mine = countByTarget(held);
    const refusal = refuseCast(round, mine, payload.targetId, now);
    if (refusal) throw new CommandFailure(refusal.code, refusal.message);
    if (round.targets === "teams") await assertVotableTeam(tx, round, payload.targetId, actor);
    else {
      const refused = refuseTarget(round, facts.target);
      if (refused) throw refused;
    }
    const slot = freeSlot(
      held.map((h) => h.slot),
      round.dotsPerPerson,
    );
    if (slot === null) throw new CommandFailure("conflict", "You've used all your dots. Take one back to move it.");
    const place = mine[payload.targetId] ?? 0;
    await runFixed(tx, insertDot, [randomUUID(), round.id, voter, payload.targetId, slot, place, now]);
    const after = { ...mine, [payload.targetId]: place + 1 };
    return {
      result: { mine: after },
      broadcasts: [],
      signals: [tallySignal(round), yourDots(round, voter, after)],
    };
  },
};

const retractVote: WriteHandler<"vote:retract"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const voter = actorKey(actor);
    const facts = await readRetractFacts(tx, payload.roundId, voter, payload.targetId);
    if (!facts || facts.round.eventId !== actor.eventId) throw noSuchRound();
    const { round } = facts;
    const mine = countByTarget(facts.held);
    const refusal = refuseRetract(round, mine, payload.targetId, now);
    if (refusal) throw new CommandFailure(refusal.code, refusal.message);
    // Take back the dot placed last on that target, so the places on it stay 0 … n-1.
    if (facts.lastId) await runFixed(tx, deleteDot, [facts.lastId]);
    const left = (mine[payload.targetId] ?? 1) - 1;
    const { [payload.targetId]: _, ...others } = mine;
    const after = left > 0 ? { ...others, [payload.targetId]: left } : others;
    return {
      result: { mine: after },
      broadcasts: [],
      signals: [tallySignal(round), yourDots(round, voter, after)],
    };
  },
};

async function setStatus(tx: Tx, round: RoundRow, change: Partial<RoundRow>) {
  const [updated] = await tx.update(voteRounds).set(change).where(eq(voteRounds.id, round.id)).returning();
  if (!updated) throw new Error("round vanished");
  return updated;
}

/** A board's title for the activity log ("opened a vote on “Ideas”"). */
async function voteLog(tx: Tx, actor: Actor, now: number, boardId: string, what: (board: string | null) => Said) {
  const [board] = await tx.select({ title: boards.title }).from(boards).where(eq(boards.id, boardId));
  return logActivity(tx, { actor, now, kind: "vote", said: what(board?.title ?? null) });
}

const closeRound: WriteHandler<"vote:close"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const round = await roundInEvent(tx, actor, payload.roundId);
    if (round.status !== "open") return { result: { round: roundView(round) }, broadcasts: [] };
    const updated = await setStatus(tx, round, { status: "closed", closedAt: now });
    const logged = await voteLog(tx, actor, now, round.boardId, says.voteClosed);
    const results = round.targets === "teams" ? await resultsIfProjected(tx, actor.eventId) : [];
    return {
      result: { round: roundView(updated) },
      broadcasts: [changed(updated), logged, ...results],
      signals: [tallySignal(updated)],
    };
  },
};

const revealRound: WriteHandler<"vote:reveal"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const round = await roundInEvent(tx, actor, payload.roundId);
    if (round.status === "revealed") return { result: { round: roundView(round) }, broadcasts: [] };
    const updated = await setStatus(tx, round, { status: "revealed", closedAt: round.closedAt ?? now, revealedAt: now });
    const logged = await voteLog(tx, actor, now, round.boardId, says.votesRevealed);
    const results = round.targets === "teams" ? await resultsIfProjected(tx, actor.eventId) : [];
    return {
      result: { round: roundView(updated) },
      broadcasts: [changed(updated), logged, ...results],
      signals: [tallySignal(updated)],
    };
  },
};

/** Carries the top K (ties settled by the facilitator) into a new board, as copies that remember their origin. */
const shortlistRound: WriteHandler<"vote:shortlist"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const round = await roundInEvent(tx, actor, payload.roundId);
    if (round.status === "open") throw new CommandFailure("conflict", "Close the vote before making the shortlist.");
    const list = shortlist(await allTallies(tx, round.id), round.shortlistSize);
    const settled = settleShortlist(list, payload.picked);
    if ("error" in settled) throw new CommandFailure("invalid", settled.error, [{ path: "picked", message: settled.error }]);
    if (settled.length === 0) throw new CommandFailure("conflict", "Nothing got a dot, so there is nothing to carry forward.");

    const [source] = await tx.select().from(boards).where(eq(boards.id, round.boardId));
    if (!source) throw new CommandFailure("not_found", "That board doesn't exist.");
    const target = await insertBoard(tx, {
      eventId: actor.eventId,
      teamId: source.teamId,
      title: payload.title,
      template: "ideas",
      now,
    });
    // A shortlisted group is carried as its notes, gathered under the group's title.
    const pickedNotes = await tx
      .select()
      .from(notes)
      .where(and(eq(notes.boardId, round.boardId), inArray(notes.id, settled)));
    const pickedGroups = await tx
      .select()
      .from(noteGroups)
      .where(and(eq(noteGroups.boardId, round.boardId), inArray(noteGroups.id, settled)));
    const groupNotes = pickedGroups.length
      ? await tx
          .select()
          .from(notes)
          .where(
            inArray(
              notes.groupId,
              pickedGroups.map((g) => g.id),
            ),
          )
      : [];
    const order = new Map(settled.map((id, i) => [id, i]));
    const rankOf = (n: typeof notes.$inferSelect) => order.get(n.id) ?? order.get(n.groupId ?? "") ?? 0;
    const pickedGroupIds = new Set(pickedGroups.map((g) => g.id));
    // A note shortlisted on its own leaves its group behind.
    const carried = [...pickedNotes, ...groupNotes]
      .map((n) => (n.groupId && !pickedGroupIds.has(n.groupId) ? { ...n, groupId: null } : n))
      .sort((a, b) => rankOf(a) - rankOf(b));
    await copyNotesTo(tx, {
      target,
      notes: carried,
      groups: pickedGroups,
      now,
      // An untitled group stays untitled: each screen names it after its first note, in its own language.
      columns: "first",
    });
    const updated = await setStatus(tx, round, { shortlist: settled });
    return {
      result: { round: roundView(updated, target.id), boardId: target.id },
      broadcasts: [
        changed(updated, target.id),
        { room: rooms.event(actor.eventId), event: "board:listed", data: { board: boardView(target) } },
        await voteLog(tx, actor, now, round.boardId, (board) => says.shortlistMade(payload.title, board)),
      ],
    };
  },
};

export const votingHandlers: { [N in keyof VotingCommandResults]: Handler<N> } = {
  "vote:state": voteState,
  "vote:open": openRound,
  "vote:cast": castVote,
  "vote:retract": retractVote,
  "vote:close": closeRound,
  "vote:reveal": revealRound,
  "vote:shortlist": shortlistRound,
};
