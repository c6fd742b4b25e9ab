"use client";

import { useCallback, useEffect, useState } from "react";
import { applyTeamEvent, type TeamEvent, type TeamsState, teamEventNames } from "@/lib/teams/teams-state";
import { teamsRoom } from "../constants";
import type { PrivateDetails, Sequenced, TeamEvents } from "../contract";
import { useConnection } from "./react";
import { RoomSync } from "./room-sync";

/**
 * The room's teams and people, live: every phone, the console and the big screen hold the same
 * state, applied from the same sequenced events, and reload the snapshot after a gap or a
 * reconnect, so a move shows everywhere without a reload.
 */
export function useTeams() {
  const c = useConnection();
  const [state, setState] = useState<TeamsState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    if (!c) return;
    const sync = new RoomSync<TeamsState, TeamEvent>({
      load: async () => {
        const ack = await c.query("teams:snapshot", {});
        if (!ack.ok) throw new Error(ack.error.message);
        const { seq, ...rest } = ack.result;
        return { seq, state: rest };
      },
      apply: applyTeamEvent,
      onChange: (s) => {
        setError(null);
        setState(s);
      },
      // A load cut short by a dropped connection is retried on reconnect; only a real refusal is shown.
      onError: (e) => setError(c.socket.connected ? (e instanceof Error ? e.message : "Couldn't load the teams.") : null),
    });
    const room = teamsRoom(c.eventId);
    const listeners = teamEventNames.map((name) => {
      const listener = (m: Sequenced<keyof TeamEvents>) => {
        if (m.room === room) sync.receive(m.seq, { name, data: m.data } as TeamEvent);
      };
      c.socket.on(name, listener as never);
      return [name, listener] as const;
    });
    const off = c.onResync(() => sync.resync());
    return () => {
      off();
      for (const [name, listener] of listeners) c.socket.off(name, listener as never);
    };
  }, [c]);

  /** One tap: join or move. Resolves once the server has answered; the move itself arrives as a broadcast. */
  const join = useCallback(
    async (teamId: string): Promise<boolean> => {
      if (!c) return false;
      setJoining(teamId);
      setRefusal(null);
      const sent = c.send("team:join", { teamId });
      const ack = await sent.done;
      setJoining(null);
      if (!ack.ok) {
        setRefusal(ack.error.message);
        // Unlike a note, a refused tap has nothing worth keeping once the person has been told why.
        c.dismiss(sent.id);
      } else if (ack.result.votesWithdrawn) {
        setRefusal(
          "You're in. Your people's-choice dot for this team is taken back: nobody votes for their own team. You can give it to another team while the vote is open.",
        );
      }
      return ack.ok;
    },
    [c],
  );

  const leave = useCallback(async () => {
    if (!c) return;
    setRefusal(null);
    const sent = c.send("team:leave", {});
    const ack = await sent.done;
    if (!ack.ok) {
      setRefusal(ack.error.message);
      c.dismiss(sent.id);
    }
  }, [c]);

  const me = state?.me ? (state.people.find((p) => p.id === state.me) ?? null) : null;
  return { state, error, me, join, leave, joining, refusal };
}

/** Access needs and contact details, for the console only: reloaded whenever the room's people change. */
export function usePrivateDetails(enabled: boolean, changeKey: unknown) {
  const c = useConnection();
  const [details, setDetails] = useState<(PrivateDetails & { notes: number })[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: changeKey is the trigger to reload
  useEffect(() => {
    if (!c || !enabled) return;
    let live = true;
    const load = async () => {
      const ack = await c.query("participants:details", {}).catch(() => null);
      if (live && ack?.ok) setDetails(ack.result.people);
    };
    void load();
    const off = c.onResync(load);
    return () => {
      live = false;
      off();
    };
  }, [c, enabled, changeKey]);
  return details;
}
