"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { withTeamNames } from "@/lib/boards/board-list";
import { renamedOrGone, teamsRoom } from "@/lib/teams/teams-state";
import type { Ack, CommandResults } from "../contract";
import type { EventConnection } from "./connection";
import { useConnection, useEventRoom } from "./react";
import { sameTask } from "./same-task";
import { useRoom, useRoomSlice, useRoomStore } from "./use-room";

/**
 * The room's teams and people, live: every phone, the console and the big screen hold the same
 * state, applied from the same sequenced events, so a move shows everywhere without a reload.
 */
export function useTeams() {
  const c = useConnection();
  const t = useTranslations("live.sync");
  const { state, error } = useRoom("teams", null, teamsRoom);
  const [joining, setJoining] = useState<string | null>(null);
  // The server's words, or the news that joining took back this person's dot (said in the reader's language).
  const [refusal, setRefusal] = useState<string | { votesWithdrawn: true } | null>(null);

  /** Sends a tap; a refusal is shown, and not kept: unlike a note, a refused tap has nothing worth keeping. */
  const tap = useCallback(
    async (send: () => { id: string; done: Promise<Ack<{ person: unknown; votesWithdrawn?: number }>> }) => {
      if (!c) return false;
      setRefusal(null);
      const sent = send();
      const ack = await sent.done;
      if (!ack.ok) {
        setRefusal(ack.error.message);
        c.dismiss(sent.id);
      } else if (ack.result.votesWithdrawn) {
        setRefusal({ votesWithdrawn: true });
      }
      return ack.ok;
    },
    [c],
  );

  /** One tap: join or move. Resolves once the server has answered; the move itself arrives as a broadcast. */
  const join = useCallback(
    async (teamId: string): Promise<boolean> => {
      if (!c) return false;
      setJoining(teamId);
      const ok = await tap(() => c.send("team:join", { teamId }));
      setJoining(null);
      return ok;
    },
    [c, tap],
  );

  const leave = useCallback(async () => {
    if (c) await tap(() => c.send("team:leave", {}));
  }, [c, tap]);

  const me = state?.me ? (state.people.find((p) => p.id === state.me) ?? null) : null;
  return {
    state,
    error,
    me,
    join,
    leave,
    joining,
    refusal: typeof refusal === "object" && refusal !== null ? t("votesWithdrawn") : refusal,
  };
}

/**
 * This participant's team, live: undefined until the teams room has loaded, and while not
 * `enabled` (the room is then not followed at all). Null: in no team.
 */
export function useMyTeamId(enabled: boolean): string | null | undefined {
  const store = useRoomStore("teams", enabled ? null : "", teamsRoom);
  return useRoomSlice(store, (s) => (s ? (s.people.find((p) => p.id === s.me)?.teamId ?? null) : undefined));
}

/**
 * Calls `onMoved` when this participant's team changes while the screen is open: by their own tap
 * on another page or device, or a facilitator's move. What they may do that depends on their team
 * (add to a team's board, vote for a team, read its feedback) is the server's rule, so a screen
 * that shows it reads it again. Not followed at all while not `enabled`; pass an `onMoved` that
 * keeps its identity.
 */
export function useMyTeamMoved(enabled: boolean, onMoved: () => void) {
  useOnChange(useMyTeamId(enabled), onMoved);
}

/**
 * Calls `onChanged` when a team is added, renamed, split or given another brief while the screen
 * is open (not when people come and go): for a page the server drew with the teams' names and
 * briefs. Pass an `onChanged` that keeps its identity.
 */
export function useTeamsRenamed(onChanged: () => void) {
  const store = useRoomStore("teams", null, teamsRoom);
  const key = useRoomSlice(store, (s) => (s ? s.teams.map((t) => `${t.id} ${t.briefId ?? ""} ${t.name}`).join("\n") : undefined));
  useOnChange(key, onChanged);
}

/**
 * Calls `onChanged` when someone the screen already knew is shown by another name (renamed, or an
 * age band that changes how they are named) or has left, while the screen is open; not when
 * people join. For a room whose snapshot names people as it is read (presentations: showcase
 * editors, feedback authors, judges), so the screen reads it again. Pass an `onChanged` that keeps
 * its identity; not followed at all while not `enabled`.
 */
export function usePeopleRenamed(enabled: boolean, onChanged: () => void) {
  const store = useRoomStore("teams", enabled ? null : "", teamsRoom);
  const people = useRoomSlice(store, (s) => s?.people);
  const last = useRef<Map<string, string> | null>(null);
  useEffect(() => {
    if (!people) return;
    const now = new Map(people.map((p) => [p.id, p.name]));
    const before = last.current;
    last.current = now;
    if (before && renamedOrGone(before, now)) onChanged();
  }, [people, onChanged]);
}

/**
 * Calls `onChange` when `value` changes after its first known reading (undefined: not known
 * yet, so loading is not a change). Pass an `onChange` that keeps its identity.
 */
function useOnChange<T>(value: T | undefined, onChange: () => void) {
  const last = useRef(value);
  useEffect(() => {
    const before = last.current;
    last.current = value;
    if (before !== undefined && value !== undefined && before !== value) onChange();
  }, [value, onChange]);
}

/** The console's panels that show the private list, mounted or told of a change together, read it once. */
const readDetails = sameTask((c: EventConnection) => c.query("participants:details", {}).catch(() => null));

/**
 * Access needs and contact details, for the console only: reloaded whenever the room's people
 * change (`changeKey`, compared by identity: pass state, never a literal made while rendering)
 * or `version` goes up.
 */
export function usePrivateDetails(enabled: boolean, changeKey: unknown, version = 0) {
  const c = useConnection();
  const [details, setDetails] = useState<CommandResults["participants:details"] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: changeKey is the trigger to reload
  useEffect(() => {
    if (!c || !enabled) return;
    let live = true;
    const load = async () => {
      const ack = await readDetails(c);
      if (live && ack?.ok) setDetails(ack.result);
    };
    // Now if connected, and on every (re)connect: once each, not twice on the first.
    const off = c.onResync(load);
    return () => {
      live = false;
      off();
    };
  }, [c, enabled, changeKey, version]);
  return details;
}

/**
 * The event's boards, live (from the event room), with their teams' names as they are now (from
 * the teams room): a board of a team made after the page loaded is named after it, not "Whole room".
 * Null until the event's snapshot arrives.
 */
export function useBoardList() {
  const { boards } = useEventRoom();
  const { state } = useTeams();
  return useMemo(() => (boards ? withTeamNames(boards, state?.teams ?? null) : null), [boards, state?.teams]);
}
