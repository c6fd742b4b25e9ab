"use client";

import { useCallback, useEffect, useState } from "react";
import { rooms } from "../constants";
import type { Ack, CommandName, CommandPayload, CommandResults, PresentationEvents, PresentationState } from "../contract";
import { useConnection } from "./react";
import { RoomSync } from "./room-sync";

type Event = { [E in keyof PresentationEvents]: { name: E; data: PresentationEvents[E] } }[keyof PresentationEvents];

/** How a presentations event changes the state. Pure, so every screen converges the same way. */
export function applyPresentationEvent(s: PresentationState, e: Event): PresentationState {
  switch (e.name) {
    case "showcase:changed":
      return { ...s, showcases: { ...s.showcases, [e.data.showcase.teamId]: e.data.showcase } };
    case "presentation:run-changed":
      return { ...s, run: e.data.run };
    case "presentation:reacted":
      return { ...s, reactions: { ...s.reactions, [e.data.teamId]: e.data.counts } };
    case "presentation:criteria-changed": {
      const mine = s.me.scores[e.data.teamId];
      if (!mine || e.data.renamed.length === 0) return { ...s, criteria: { ...s.criteria, [e.data.teamId]: e.data.criteria } };
      const moved = { ...mine };
      for (const [from, to] of e.data.renamed) {
        delete moved[to];
        if (from in mine) {
          moved[to] = mine[from] as number;
          delete moved[from];
        }
      }
      return {
        ...s,
        criteria: { ...s.criteria, [e.data.teamId]: e.data.criteria },
        me: { ...s.me, scores: { ...s.me.scores, [e.data.teamId]: moved } },
      };
    }
    case "presentation:judges-changed":
      return { ...s, judges: s.judges ? e.data.judges : null };
    case "presentation:scored":
      // Nothing here holds other judges' scores; a new state tells the results page to re-read.
      return { ...s };
  }
}

export type ReactionBurst = { id: number; teamId: string; kind: PresentationEvents["presentation:reacted"]["kind"] };

/**
 * The presentations of the event, live: running order, who is on, showcases, reactions. `bursts`
 * are the reactions that just arrived, for the big screen to float up and let go.
 */
export function usePresentations() {
  const c = useConnection();
  const [state, setState] = useState<PresentationState | null>(null);
  const [bursts, setBursts] = useState<ReactionBurst[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (!c) return;
    let burstId = 0;
    const sync = new RoomSync<PresentationState, Event>({
      load: async () => {
        const ack = await c.query("presentation:state", {});
        if (!ack.ok) throw new Error(ack.error.message);
        return { seq: ack.result.seq, state: ack.result };
      },
      apply: applyPresentationEvent,
      onChange: setState,
    });
    const offRoom = c.onRoom(rooms.presentations(c.eventId), (name, m) => {
      const event = { name, data: m.data } as Event;
      if (event.name === "presentation:reacted") {
        const burst = { id: ++burstId, teamId: event.data.teamId, kind: event.data.kind };
        setBursts((b) => [...b.slice(-24), burst]);
        setTimeout(() => setBursts((b) => b.filter((x) => x.id !== burst.id)), 2500);
      }
      sync.receive(m.seq, event);
    });
    const off = c.onResync(() => sync.resync());
    return () => {
      off();
      offRoom();
    };
  }, [c]);

  /** Sends a command; a refusal is shown and not retried. */
  const run = useCallback(
    async <N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<Ack<CommandResults[N]> | null> => {
      if (!c) return null;
      const sent = c.send(name, payload);
      const ack = await sent.done;
      if (!ack.ok) {
        c.dismiss(sent.id);
        setMessage(ack.error.message);
      } else setMessage(null);
      return ack;
    },
    [c],
  );

  return { state, bursts, message, setMessage, send: run, connection: c, patch: setState };
}

export type PresentationsHandle = ReturnType<typeof usePresentations>;
