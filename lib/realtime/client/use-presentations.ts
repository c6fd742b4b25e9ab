"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { withMyScores } from "@/lib/presentations/my-scores";
import { presentationsRoom, withoutBurst } from "@/lib/presentations/presentations-state";
import type { Ack, CommandName, CommandPayload, CommandResults } from "../contract";
import { createCheerTaps } from "./cheer-taps";
import { useOutboxText } from "./outbox-text";
import { useConnection } from "./react";
import { usePeopleRenamed } from "./teams";
import { useRoom } from "./use-room";

export type { ReactionBurst } from "@/lib/presentations/presentations-state";

/** How long a reaction floats up the big screen. */
const burstMs = 2500;

/**
 * The presentations of the event, live: running order, who is on, showcases, reactions. `bursts`
 * are the reactions that just arrived, for the big screen to float up and let go.
 */
export function usePresentations() {
  const c = useConnection();
  const room = useRoom("presentations", null, presentationsRoom);
  const [message, setMessage] = useState<string | null>(null);
  const { patch, reload } = room;
  const bursts = room.state?.bursts;
  // Showcase editors, feedback authors and judges are named when the snapshot is read: a person
  // shown by another name now (an age band changed, a rename) or gone is read again.
  usePeopleRenamed(true, reload);

  // Each reaction lets go on its own clock, however many arrive after it.
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    for (const { id } of bursts ?? []) {
      if (timers.current.has(id)) continue;
      timers.current.set(
        id,
        setTimeout(() => {
          timers.current.delete(id);
          patch((s) => withoutBurst(s, id));
        }, burstMs),
      );
    }
  }, [bursts, patch]);
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
    };
  }, []);

  // A judge scoring on another of their screens: this one shows the same scores.
  useEffect(() => {
    if (!c) return;
    const onYours = ({ teamId, scores }: { teamId: string; scores: Record<string, number> }) =>
      patch((s) => withMyScores(s, teamId, scores));
    c.socket.on("judge:yours", onYours);
    return () => void c.socket.off("judge:yours", onYours);
  }, [c, patch]);

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

  // A phone's cheers, folded into a few commands a second (./cheer-taps.ts). One a busy room turned
  // away is let go quietly: the applause goes on without it, and a warning per tap would be a storm.
  const connection = useRef(c);
  useEffect(() => {
    connection.current = c;
  }, [c]);
  const cheers = useMemo(
    () =>
      createCheerTaps(async (teamId, kind, times) => {
        const ack = await connection.current?.send("presentation:react", { teamId, kind, times }).done;
        if (ack && !ack.ok && ack.error.code !== "rate_limited") setMessage(ack.error.message);
      }),
    [],
  );
  useEffect(() => () => cheers.stop(), [cheers]);

  // The presenter's steps are room controls: refused by this device when it is not connected, in English (./room-controls.ts).
  const say = useOutboxText();
  return {
    state: room.state,
    bursts: bursts ?? [],
    message: message === null ? null : say(message),
    setMessage,
    send: run,
    /** One tap on a cheer button. */
    cheer: cheers.tap,
    connection: c,
    patch,
    reload: room.reload,
  };
}

export type PresentationsHandle = ReturnType<typeof usePresentations>;
