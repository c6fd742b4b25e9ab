"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { changeDots, votesRoom } from "@/lib/voting/voting-state";
import type { CommandPayload } from "../contract";
import { useConnection } from "./react";
import { useRoom } from "./use-room";

/**
 * Dot-voting on a board, live: the current round, its tally (batched by the server), my dots
 * (shown at once when I tap, corrected by the server's answer), and the facilitator's controls.
 */
export function useVoting(boardId: string) {
  const c = useConnection();
  const { state, patch } = useRoom("votes", boardId || null, votesRoom);
  const [message, setMessage] = useState<string | null>(null);
  const round = state?.round ?? null;
  const mine = useMemo(() => state?.mine ?? {}, [state?.mine]);
  const used = useMemo(() => Object.values(mine).reduce((a, b) => a + b, 0), [mine]);

  // Dots still on their way to the server: while any are, the screen keeps its own count, so an
  // early answer does not briefly undo a later tap.
  const inFlight = useRef(0);
  const change = useCallback(
    async (targetId: string, delta: 1 | -1) => {
      if (!c || !round) return;
      patch((s) => ({ ...s, mine: changeDots(s.mine, targetId, delta) }));
      inFlight.current++;
      const sent = c.send(delta > 0 ? "vote:cast" : "vote:retract", { roundId: round.id, targetId });
      const ack = await sent.done;
      inFlight.current--;
      if (ack.ok) {
        if (inFlight.current === 0) patch((s) => ({ ...s, mine: ack.result.mine }));
        setMessage(null);
        return;
      }
      c.dismiss(sent.id); // a refused dot is not worth keeping: the screen says why
      setMessage(ack.error.message);
      // Back to the server's count of my dots.
      const now = await c.query("vote:state", { boardId });
      if (now.ok && inFlight.current === 0) patch((s) => ({ ...s, mine: now.result.mine }));
    },
    [c, round, boardId, patch],
  );

  const control = useCallback(
    async <R>(run: () => Promise<{ ok: true; result: R } | { ok: false; error: { message: string } }> | undefined) => {
      const ack = await run();
      if (ack && !ack.ok) setMessage(ack.error.message);
      return ack;
    },
    [],
  );

  return {
    round,
    history: state?.history ?? [],
    tally: state?.tally ?? null,
    mine,
    dotsLeft: round ? Math.max(0, round.dotsPerPerson - used) : 0,
    message,
    cast: (targetId: string) => change(targetId, 1),
    retract: (targetId: string) => change(targetId, -1),
    open: (settings: Omit<CommandPayload<"vote:open">, "boardId">) =>
      control(() => c?.send("vote:open", { boardId, ...settings }).done),
    close: () => control(() => (round ? c?.send("vote:close", { roundId: round.id }).done : undefined)),
    reveal: () => control(() => (round ? c?.send("vote:reveal", { roundId: round.id }).done : undefined)),
    carryShortlist: (title: string, picked: string[]) =>
      control(() => (round ? c?.send("vote:shortlist", { roundId: round.id, title, picked }).done : undefined)),
  };
}

export type VotingHandle = ReturnType<typeof useVoting>;
