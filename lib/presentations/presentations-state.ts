/**
 * The presentations room as every screen holds it, and how each event changes it. Pure, so
 * every screen converges the same way and the rules are unit-tested without a socket.
 */

import { type ReactionKind, reactionKinds } from "@/lib/realtime/constants";
import type { PresentationState, ReactionCounts } from "@/lib/realtime/contract-presentations";
import type { RoomEvent, RoomReducer } from "@/lib/realtime/rooms";
import { withShowcaseChange } from "./showcase-changes";

export type ReactionBurst = { id: number; teamId: string; kind: ReactionKind };

export type PresentationsState = PresentationState & {
  /** Reactions that just arrived, for the big screen to float up and let go. */
  bursts: ReactionBurst[];
};

type Event = RoomEvent<"presentations">;

/** Bursts held at once, however loud the room: the big screen floats these, not a cloud. */
const burstsHeld = 25;
/** Bursts one batch of counts floats up per kind: a team's counts come a few times a second. */
const burstsPerKind = 4;

/** A team's counts grew (they come batched, a few times a second): a burst for each tap, as many as the screen can float. */
function withBursts(
  bursts: ReactionBurst[],
  teamId: string,
  held: ReactionCounts[string],
  counts: ReactionCounts[string],
): ReactionBurst[] {
  let id = bursts.at(-1)?.id ?? 0;
  const added: ReactionBurst[] = [];
  for (const kind of reactionKinds) {
    const grown = Math.min(burstsPerKind, (counts[kind] ?? 0) - (held[kind] ?? 0));
    for (let i = 0; i < grown; i++) added.push({ id: ++id, teamId, kind });
  }
  return added.length === 0 ? bursts : [...bursts, ...added].slice(-burstsHeld);
}

function moveScores(s: PresentationsState, teamId: string, renamed: [string, string][]) {
  const mine = s.me.scores[teamId];
  if (!mine || renamed.length === 0) return s.me.scores;
  const moved = { ...mine };
  for (const [from, to] of renamed) {
    delete moved[to];
    if (from in mine) {
      moved[to] = mine[from] as number;
      delete moved[from];
    }
  }
  return { ...s.me.scores, [teamId]: moved };
}

function applyPresentationEvent(s: PresentationsState, e: Event): PresentationsState {
  switch (e.name) {
    case "showcase:changed": {
      const held = s.showcases[e.data.teamId];
      // A showcase this screen never had is read whole with the snapshot (see reload).
      if (!held) return s;
      return { ...s, showcases: { ...s.showcases, [e.data.teamId]: withShowcaseChange(held, e.data) } };
    }
    case "presentation:run-changed":
      return { ...s, run: e.data.run };
    case "presentation:results-shown":
      return { ...s, results: e.data.results };
    case "presentation:reacted": {
      const { teamId, counts } = e.data;
      const reactions: ReactionCounts = { ...s.reactions, [teamId]: counts };
      return { ...s, reactions, bursts: withBursts(s.bursts, teamId, s.reactions[teamId] ?? {}, counts) };
    }
    case "presentation:criteria-changed":
      return {
        ...s,
        criteria: { ...s.criteria, [e.data.teamId]: e.data.criteria },
        me: { ...s.me, scores: moveScores(s, e.data.teamId, e.data.renamed) },
      };
    case "presentation:judges-changed":
      return { ...s, me: { ...s.me, judge: e.data.judgeKeys.includes(s.me.key) } };
    case "presentation:scored":
      // Nothing here holds other judges' scores; a new state tells the results page to re-read.
      return { ...s };
    case "presentation:team-changed":
      return { ...s, teams: s.teams.map((t) => (t.id === e.data.team.id ? e.data.team : t)) };
    case "presentation:feedback-given":
      // What was written is only in a snapshot, for the team's and the staff's screens (see reload).
      return s;
  }
}

export const presentationsRoom: RoomReducer<"presentations", PresentationsState> = {
  init: (snapshot) => ({ ...snapshot, bursts: [] }),
  apply: applyPresentationEvent,
  // A new team brings its showcase, criteria and place in the running order: only a snapshot has them.
  reload: (s, e) =>
    (e.name === "presentation:team-changed" && !s.teams.some((t) => t.id === e.data.team.id)) ||
    // A save carries only what it changed: a showcase not held here is read whole.
    (e.name === "showcase:changed" && !(e.data.teamId in s.showcases)) ||
    // Staff list the judges by name, which only their snapshot carries.
    (e.name === "presentation:judges-changed" && s.judges !== null) ||
    // Feedback is read by the team it was written to and by the staff, from their snapshot.
    (e.name === "presentation:feedback-given" && (s.me.staff || s.me.teamId === e.data.teamId)),
};

/** Lets a burst go once it has floated up. */
export const withoutBurst = (s: PresentationsState, id: number): PresentationsState => ({
  ...s,
  bursts: s.bursts.filter((b) => b.id !== id),
});
