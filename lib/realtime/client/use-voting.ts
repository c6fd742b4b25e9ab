"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { rooms } from "../constants";
import type { RoundView, TallyView, VotingState } from "../contract";
import { newer } from "./newest";
import { useConnection } from "./react";
import { RoomSync } from "./room-sync";

const sameRound = (a: TallyView, b: TallyView) => a.roundId === b.roundId;

type State = { round: RoundView | null; history: RoundView[] };

/**
 * Dot-voting on a board, live: the current round, its tally (batched by the server), my dots
 * (shown at once when I tap, corrected by the server's answer), and the facilitator's controls.
 */
export function useVoting(boardId: string) {
  const c = useConnection();
  const [state, setState] = useState<State | null>(null);
  const [tally, setTally] = useState<TallyView | null>(null);
  const [mine, setMine] = useState<Record<string, number>>({});
  const [message, setMessage] = useState<string | null>(null);
  const roundId = useRef<string | null>(null);

  useEffect(() => {
    if (!c || !boardId) return;
    const room = rooms.board(boardId);
    const sync = new RoomSync<State, { name: string; data: unknown }>({
      load: async () => {
        const ack = await c.query("vote:state", { boardId });
        if (!ack.ok) throw new Error(ack.error.message);
        const s: VotingState = ack.result;
        const loaded = s.tally;
        if (loaded) setTally((current) => newer(current, loaded, sameRound));
        else setTally(null);
        setMine(s.mine);
        return { seq: s.seq, state: { round: s.round, history: s.history } };
      },
      apply: (s, e) => {
        if (e.name !== "vote:round-changed") return s;
        const round = (e.data as { round: RoundView }).round;
        if (s.round && s.round.id !== round.id) return { round, history: [s.round, ...s.history] };
        return { ...s, round };
      },
      onChange: (s) => {
        roundId.current = s.round?.id ?? null;
        setState(s);
      },
    });
    const offRoom = c.onRoom(room, (name, m) => {
      if (name === "vote:round-changed") {
        const next = (m.data as { round: RoundView }).round;
        if (next.id !== roundId.current) setMine({});
      }
      sync.receive(m.seq, { name, data: m.data });
    });
    const onTally = (t: TallyView & { room: string }) => {
      if (t.room === room) setTally((current) => newer(current, t, sameRound));
    };
    c.socket.on("vote:tallied", onTally);
    const off = c.onResync(() => sync.resync());
    return () => {
      off();
      offRoom();
      c.socket.off("vote:tallied", onTally);
    };
  }, [c, boardId]);

  const round = state?.round ?? null;
  const used = useMemo(() => Object.values(mine).reduce((a, b) => a + b, 0), [mine]);

  // Dots still on their way to the server: while any are, the screen keeps its own count, so an
  // early answer does not briefly undo a later tap.
  const inFlight = useRef(0);
  const change = useCallback(
    async (targetId: string, delta: 1 | -1) => {
      if (!c || !round) return;
      setMine((m) => {
        const n = (m[targetId] ?? 0) + delta;
        const { [targetId]: _, ...rest } = m;
        return n > 0 ? { ...rest, [targetId]: n } : rest;
      });
      inFlight.current++;
      const sent = c.send(delta > 0 ? "vote:cast" : "vote:retract", { roundId: round.id, targetId });
      const ack = await sent.done;
      inFlight.current--;
      if (ack.ok) {
        if (inFlight.current === 0) setMine(ack.result.mine);
        setMessage(null);
        return;
      }
      c.dismiss(sent.id); // a refused dot is not worth keeping: the screen says why
      setMessage(ack.error.message);
      // Back to the server's count of my dots.
      const state = await c.query("vote:state", { boardId });
      if (state.ok && inFlight.current === 0) setMine(state.result.mine);
    },
    [c, round, boardId],
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
    tally,
    mine,
    dotsLeft: round ? Math.max(0, round.dotsPerPerson - used) : 0,
    message,
    cast: (targetId: string) => change(targetId, 1),
    retract: (targetId: string) => change(targetId, -1),
    open: (settings: {
      dotsPerPerson: number;
      maxPerTarget: number;
      talliesLive: boolean;
      minutes: number | null;
      shortlistSize: number;
      targets?: "notes" | "groups" | "both";
      columns?: string[] | null;
    }) => control(() => c?.send("vote:open", { boardId, ...settings }).done),
    close: () => control(() => (round ? c?.send("vote:close", { roundId: round.id }).done : undefined)),
    reveal: () => control(() => (round ? c?.send("vote:reveal", { roundId: round.id }).done : undefined)),
    carryShortlist: (title: string, picked: string[]) =>
      control(() => (round ? c?.send("vote:shortlist", { roundId: round.id, title, picked }).done : undefined)),
  };
}

export type VotingHandle = ReturnType<typeof useVoting>;
