"use client";

import { useCallback, useEffect, useMemo, useSyncExternalStore } from "react";
import { changeDots, changedTargets, dotsLeft, type VotesState, votesRoom } from "@/lib/voting/voting-state";
import type { CommandPayload } from "../contract";
import { afterNextPaint } from "./after-paint";
import { freshResult } from "./fresh-result";
import { useOutboxText } from "./outbox-text";
import { useConnection } from "./react";
import { useRoomSlice, useRoomStore } from "./use-room";

/**
 * Dot-voting on a board, live, held outside React (see `useRoomStore`): the current round, its
 * tally (batched by the server), my dots (shown at once when I tap, corrected by the server's
 * answer), why the last dot was refused, and the facilitator's controls. The same object for the
 * life of the screen, so a phone can hand it to 500 notes and each note redraws only for its own
 * dots (`useVotes`).
 */
export function useVotingStore(boardId: string) {
  const c = useConnection();
  const room = useRoomStore("votes", boardId || null, votesRoom);
  const store = useMemo(() => {
    let message: string | null = null;
    const listeners = new Set<() => void>();
    const say = (next: string | null) => {
      if (next === message) return;
      message = next;
      for (const l of listeners) l();
    };
    // Dots still on their way to the server: while any are, the screen keeps its own count, so an
    // early answer does not briefly undo a later tap.
    let inFlight = 0;
    const change = async (targetId: string, delta: 1 | -1) => {
      const round = room.get()?.round;
      if (!c || !round) return;
      room.patch((s) => ({ ...s, mine: changeDots(s.mine, targetId, delta) }));
      inFlight++;
      // The dot is drawn in this event; the outbox and the socket wait for it to be on screen.
      const sent = await new Promise<ReturnType<typeof c.send<"vote:cast">>>((resolve) =>
        afterNextPaint(() => resolve(c.send(delta > 0 ? "vote:cast" : "vote:retract", { roundId: round.id, targetId }))),
      );
      const ack = await sent.done;
      inFlight--;
      if (ack.ok) {
        say(null);
        if (inFlight > 0) return;
        // A retry's answer holds my dots as they were at its first run: the server's count now instead.
        const mine = freshResult(ack)?.mine ?? (await dotsNow());
        if (mine && inFlight === 0) room.patch((s) => (sameDots(s.mine, mine) ? s : { ...s, mine }));
        return;
      }
      c.dismiss(sent.id); // a refused dot is not worth keeping: the screen says why
      say(ack.error.message);
      // Back to the server's count of my dots.
      const now = await dotsNow();
      if (now && inFlight === 0) room.patch((s) => ({ ...s, mine: now }));
    };
    const dotsNow = async () => {
      const now = await c?.query("vote:state", { boardId }).catch(() => null);
      return now?.ok ? now.result.mine : null;
    };
    const control = async <R>(
      run: () => Promise<{ ok: true; result: R } | { ok: false; error: { message: string } }> | undefined,
    ) => {
      const ack = await run();
      if (ack && !ack.ok) say(ack.error.message);
      return ack;
    };
    const roundId = () => room.get()?.round?.id;
    // Who follows which target's dots (`useTargetVotes`), told only when those change.
    const byTarget = new Map<string, Set<() => void>>();
    let told = room.get();
    return {
      room,
      /** My dots as the server counts them after a change I did not make (an undo gave dots back): kept unless mine are on their way. */
      yours(info: { boardId: string; roundId: string; mine: Record<string, number> }) {
        if (info.boardId !== boardId || info.roundId !== room.get()?.round?.id || inFlight > 0) return;
        room.patch((s) => (sameDots(s.mine, info.mine) ? s : { ...s, mine: info.mine }));
      },
      /** Internal: passes on the room's changes to the targets they touch (see the effect below). */
      tellTargets() {
        const now = room.get();
        const changed = changedTargets(told, now);
        told = now;
        if (changed === "all") for (const set of byTarget.values()) for (const l of set) l();
        else for (const id of changed) for (const l of byTarget.get(id) ?? []) l();
      },
      subscribeTarget(targetId: string, listener: () => void) {
        const set = byTarget.get(targetId) ?? new Set();
        byTarget.set(targetId, set);
        set.add(listener);
        return () => {
          set.delete(listener);
          if (set.size === 0) byTarget.delete(targetId);
        };
      },
      message: () => message,
      /** Told when the room's state or the message changes. */
      subscribe(listener: () => void) {
        listeners.add(listener);
        const off = room.subscribe(listener);
        return () => {
          listeners.delete(listener);
          off();
        };
      },
      cast: (targetId: string) => change(targetId, 1),
      retract: (targetId: string) => change(targetId, -1),
      open: (settings: Omit<CommandPayload<"vote:open">, "boardId">) =>
        control(() => c?.send("vote:open", { boardId, ...settings }).done),
      close: () =>
        control(() => {
          const id = roundId();
          return id ? c?.send("vote:close", { roundId: id }).done : undefined;
        }),
      reveal: () =>
        control(() => {
          const id = roundId();
          return id ? c?.send("vote:reveal", { roundId: id }).done : undefined;
        }),
      carryShortlist: (title: string, picked: string[]) =>
        control(() => {
          const id = roundId();
          // Its refusal is said on the panel at once, which keeps the title typed: not kept in the outbox too.
          return id ? c?.send("vote:shortlist", { roundId: id, title, picked }, { dropIfRefused: true }).done : undefined;
        }),
    };
  }, [c, room, boardId]);
  useEffect(() => room.subscribe(store.tellTargets), [room, store]);
  useEffect(() => {
    if (!c) return;
    c.socket.on("vote:yours", store.yours);
    return () => void c.socket.off("vote:yours", store.yours);
  }, [c, store]);
  return store;
}

export type VotingStore = ReturnType<typeof useVotingStore>;

const sameDots = (a: Record<string, number>, b: Record<string, number>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/** A slice of the voting state, redrawn only when it changes (return primitives or kept objects). */
export function useVotes<T>(store: VotingStore, select: (state: VotesState | null) => T): T {
  return useRoomSlice(store.room, select);
}

/**
 * A slice of the voting state about one target (a note or a group): redrawn only when that
 * target's dots change, so a tap on a 500-note board redraws one note.
 */
export function useTargetVotes<T>(store: VotingStore, targetId: string, select: (state: VotesState | null) => T): T {
  const subscribe = useCallback((listener: () => void) => store.subscribeTarget(targetId, listener), [store, targetId]);
  return useSyncExternalStore(
    subscribe,
    () => select(store.room.get()),
    () => select(null),
  );
}

const noMessage = () => null;

/** The whole of the voting state, redrawn on every change: for screens that show all of it. */
export function useVotingOf(store: VotingStore) {
  const state = useVotes(store, (s) => s);
  const said = useSyncExternalStore(store.subscribe, store.message, noMessage);
  // A vote's controls are room controls: refused by this device when it is not connected, in English (./room-controls.ts).
  const say = useOutboxText();
  const message = said === null ? null : say(said);
  const mine = state?.mine;
  return useMemo(() => {
    const round = state?.round ?? null;
    return {
      round,
      history: state?.history ?? [],
      tally: state?.tally ?? null,
      mine: mine ?? {},
      dotsLeft: dotsLeft(state ?? null),
      message,
      cast: store.cast,
      retract: store.retract,
      open: store.open,
      close: store.close,
      reveal: store.reveal,
      carryShortlist: store.carryShortlist,
    };
  }, [state, mine, message, store]);
}

/**
 * Dot-voting on a board, live: the current round, its tally, my dots, and the facilitator's
 * controls, redrawn on every change.
 */
export function useVoting(boardId: string) {
  return useVotingOf(useVotingStore(boardId));
}

export type VotingHandle = ReturnType<typeof useVoting>;
