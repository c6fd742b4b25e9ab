"use client";

import { createContext, useContext, useEffect, useState, useSyncExternalStore } from "react";
import { upsertListing } from "@/lib/boards/board-list";
import { rooms } from "../constants";
import type { AnnouncementView, EventSnapshot, NudgeView, PresenceCounts, RoomView, Sequenced } from "../contract";
import { type ConnectionStatus, EventConnection } from "./connection";
import { newer } from "./newest";
import type { PendingCommand } from "./outbox";
import { RoomSync } from "./room-sync";

const ConnectionContext = createContext<EventConnection | null>(null);

/** Opens this page's one connection to the event; everything live on the page shares it. */
export function EventConnectionProvider({ eventId, children }: { eventId: string; children: React.ReactNode }) {
  const [connection, setConnection] = useState<EventConnection | null>(null);
  useEffect(() => {
    const c = new EventConnection(eventId);
    setConnection(c);
    return () => c.close();
  }, [eventId]);
  return <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>;
}

export function useConnection() {
  return useContext(ConnectionContext);
}

const noop = () => () => {};

export function useConnectionStatus(): ConnectionStatus {
  const c = useConnection();
  return useSyncExternalStore(
    c
      ? (listener) => {
          const off = c.onStatus(listener);
          return () => void off();
        }
      : noop,
    () => c?.status ?? "connecting",
    () => "connecting" as const,
  );
}

export function usePending(): readonly PendingCommand[] {
  const c = useConnection();
  const [items, setItems] = useState<readonly PendingCommand[]>([]);
  useEffect(() => {
    if (!c) return;
    const update = () => setItems([...c.outbox.list()]);
    update();
    const off = c.onOutbox(update);
    return () => void off();
  }, [c]);
  return items;
}

type EventState = {
  snapshot: EventSnapshot;
  announcement: AnnouncementView | null;
  room: RoomView;
  /** The latest invitation to go somewhere, from the snapshot (while recent) or as it happens. */
  nudge: NudgeView | null;
};

const sameEvent = (a: PresenceCounts, b: PresenceCounts) => a.eventId === b.eventId;

/** The event's snapshot, its latest announcement and live presence. */
export function useEventRoom() {
  const c = useConnection();
  const [state, setState] = useState<EventState | null>(null);
  const [presence, setPresence] = useState<PresenceCounts | null>(null);
  useEffect(() => {
    if (!c) return;
    const takePresence = (next: PresenceCounts) => setPresence((current) => newer(current, next, sameEvent));
    const sync = new RoomSync<EventState, { name: string; data: unknown }>({
      load: async () => {
        const ack = await c.query("event:snapshot", {});
        if (!ack.ok) throw new Error(ack.error.message);
        takePresence(ack.result.presence);
        return {
          seq: ack.result.seq,
          state: { snapshot: ack.result, announcement: ack.result.announcement, room: ack.result.room, nudge: ack.result.nudge },
        };
      },
      apply: (s, e) => {
        if (e.name === "announcement:made") {
          return { ...s, announcement: (e.data as Sequenced<"announcement:made">["data"]).announcement };
        }
        if (e.name === "room:changed") return { ...s, room: (e.data as Sequenced<"room:changed">["data"]).room };
        if (e.name === "room:nudged") return { ...s, nudge: (e.data as Sequenced<"room:nudged">["data"]).nudge };
        if (e.name === "board:changed") {
          const { board } = e.data as Sequenced<"board:changed">["data"];
          return { ...s, snapshot: { ...s.snapshot, boards: upsertListing(s.snapshot.boards, board) } };
        }
        return s;
      },
      onChange: setState,
    });
    // The whole sequence of the event room, so a message for another view is not taken for a gap.
    const offRoom = c.onRoom(rooms.event(c.eventId), (name, m) => sync.receive(m.seq, { name, data: m.data }));
    c.socket.on("presence:updated", takePresence);
    const off = c.onResync(() => sync.resync());
    return () => {
      off();
      offRoom();
      c.socket.off("presence:updated", takePresence);
    };
  }, [c]);
  return {
    snapshot: state?.snapshot ?? null,
    announcement: state?.announcement ?? null,
    presence,
    room: state?.room ?? null,
    agenda: state?.snapshot.agenda ?? [],
    nudge: state?.nudge ?? null,
    /** Every board of the event, live: null until the first snapshot arrives. */
    boards: state?.snapshot.boards ?? null,
  };
}
