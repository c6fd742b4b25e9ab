"use client";

import { createContext, useCallback, useContext, useDeferredValue } from "react";
import { useTargetVotes, useVotes, type VotingStore } from "@/lib/realtime/client/use-voting";
import { dotsLeft, tallyCounts } from "@/lib/voting/voting-state";
import { TallyBadge, VoteControls } from "./vote-controls";

/**
 * Whether my dots are all spent. Told once, through context, to every "+" on the board: a dot on
 * one note then redraws that note only, and the last dot redraws the "+" buttons, not the board.
 */
const DotsSpent = createContext(false);

export function DotsSpentProvider({ votes, children }: { votes: VotingStore; children: React.ReactNode }) {
  // Deferred: the tap that spends the last dot shows that dot at once, and the 500 other "+"
  // buttons turn off in the frames after it, in a render the next tap can interrupt. A "+"
  // tapped in between is refused by the server, which says why.
  const spent = useDeferredValue(useVotes(votes, (s) => dotsLeft(s) === 0));
  return <DotsSpent.Provider value={spent}>{children}</DotsSpent.Provider>;
}

/** My dots on one note (or group), with + and −: follows the votes room by itself. */
export function TargetVotes({
  votes,
  targetId,
  label,
  maxPerTarget,
}: {
  votes: VotingStore;
  targetId: string;
  label: string;
  maxPerTarget: number;
}) {
  const mine = useTargetVotes(votes, targetId, (s) => s?.mine[targetId] ?? 0);
  const spent = useContext(DotsSpent);
  const onAdd = useCallback(() => void votes.cast(targetId), [votes, targetId]);
  const onRemove = useCallback(() => void votes.retract(targetId), [votes, targetId]);
  return <VoteControls label={label} mine={mine} canAdd={!spent && mine < maxPerTarget} onAdd={onAdd} onRemove={onRemove} />;
}

/**
 * The room's dots on one note or group, while the tallies are shown to this screen, and only
 * where the round's dots could go (a vote on groups puts no "0 dots" on every note).
 */
export function TargetTally({ votes, targetId, kind }: { votes: VotingStore; targetId: string; kind: "note" | "group" }) {
  const dots = useTargetVotes(votes, targetId, (s) => {
    const tallies = s?.tally?.tallies;
    if (!tallies || !tallyCounts(s)[kind === "note" ? "notes" : "groups"]) return null;
    return tallies[targetId] ?? 0;
  });
  return dots === null ? null : <TallyBadge dots={dots} />;
}
