"use client";

import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { AnnouncementView, BoardSnapshot, EventSnapshot, NoteView, PresenceCounts, Sequenced } from "../contract";
import { rooms } from "../contract";
import { type ConnectionStatus, EventConnection } from "./connection";
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

type EventState = { snapshot: EventSnapshot; announcement: AnnouncementView | null };

/** The event's snapshot, its latest announcement and live presence. */
export function useEventRoom() {
  const c = useConnection();
  const [state, setState] = useState<EventState | null>(null);
  const [presence, setPresence] = useState<PresenceCounts | null>(null);
  useEffect(() => {
    if (!c) return;
    const sync = new RoomSync<EventState, Sequenced<"announcement:made">["data"]>({
      load: async () => {
        const ack = await c.query("event:snapshot", {});
        if (!ack.ok) throw new Error(ack.error.message);
        setPresence(ack.result.presence);
        return { seq: ack.result.seq, state: { snapshot: ack.result, announcement: ack.result.announcement } };
      },
      apply: (s, e) => ({ ...s, announcement: e.announcement }),
      onChange: setState,
    });
    const room = rooms.event(c.eventId);
    const onAnnouncement = (m: Sequenced<"announcement:made">) => m.room === room && sync.receive(m.seq, m.data);
    c.socket.on("announcement:made", onAnnouncement);
    c.socket.on("presence:updated", setPresence);
    const off = c.onResync(() => sync.resync());
    return () => {
      off();
      c.socket.off("announcement:made", onAnnouncement);
      c.socket.off("presence:updated", setPresence);
    };
  }, [c]);
  return { snapshot: state?.snapshot ?? null, announcement: state?.announcement ?? null, presence };
}

type BoardState = { board: BoardSnapshot["board"]; notes: NoteView[] };

const withNote = (notes: NoteView[], note: NoteView) => (notes.some((n) => n.id === note.id) ? notes : [...notes, note]);

/** A board, live: its notes in order, mine marked, and what I wrote that has not reached the server. */
export function useBoard(boardId: string, myKey: string | null) {
  const c = useConnection();
  const [state, setState] = useState<BoardState | null>(null);
  const [sync, setSync] = useState<RoomSync<BoardState, Sequenced<"note:created">["data"]> | null>(null);
  useEffect(() => {
    if (!c || !boardId) return;
    const s = new RoomSync<BoardState, Sequenced<"note:created">["data"]>({
      load: async () => {
        const ack = await c.query("board:open", { boardId });
        if (!ack.ok) throw new Error(ack.error.message);
        return { seq: ack.result.seq, state: { board: ack.result.board, notes: ack.result.notes } };
      },
      apply: (st, e) => {
        const { authorKey, ...note } = e.note;
        return { ...st, notes: withNote(st.notes, { ...note, mine: authorKey !== null && authorKey === myKey }) };
      },
      onChange: setState,
    });
    setSync(s);
    const room = rooms.board(boardId);
    const onNote = (m: Sequenced<"note:created">) => m.room === room && s.receive(m.seq, m.data);
    c.socket.on("note:created", onNote);
    const off = c.onResync(() => s.resync());
    return () => {
      off();
      c.socket.off("note:created", onNote);
    };
  }, [c, boardId, myKey]);

  const pending = usePending();
  const pendingNotes = useMemo(
    () => pending.filter((p) => p.name === "note:create" && (p.payload as { boardId?: string } | null)?.boardId === boardId),
    [pending, boardId],
  );

  const addNote = (payload: { column: string; text: string }) => {
    if (!c) return null;
    const sent = c.send("note:create", { boardId, ...payload });
    // Show the server's copy as soon as the ack lands, before its broadcast does.
    void sent.done.then((ack) => {
      if (ack.ok && sync?.current) setState((st) => (st ? { ...st, notes: withNote(st.notes, ack.result.note) } : st));
    });
    return sent;
  };

  return {
    board: state?.board ?? null,
    notes: state?.notes ?? [],
    pendingNotes,
    addNote,
    dismiss: (id: string) => c?.dismiss(id),
  };
}
