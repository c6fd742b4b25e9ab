"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  type FollowedRoomKind,
  type RoomEvent,
  type RoomReducer,
  type RoomSnapshot,
  roomContract,
  type SnapshotCommand,
  snapshotPayload,
} from "../rooms";
import { useConnection } from "./react";
import { RoomSync } from "./room-sync";

export type RoomHandle<K extends FollowedRoomKind, S> = {
  /** Null until the snapshot arrives (and again while another room's id loads). */
  state: S | null;
  /** Why the snapshot was refused, in the reader's language; a load cut short by a dropped connection is retried, not shown. */
  error: string | null;
  /** Applies what the server already confirmed to this client (an ack), before its broadcast lands. */
  apply(event: RoomEvent<K>): void;
  /** A change only this screen makes (e.g. my dots while they are on their way). */
  patch(change: (state: S) => S): void;
};

/**
 * Follows one room (declared in rooms.ts): loads its snapshot, applies its events in sequence
 * and its volatile states as they come, reloads after a gap, a reconnect or when the reducer
 * asks, and stops listening when the screen goes. A feature supplies only the pure reducer.
 * `id` is the board's id for board and votes rooms, the event's for event-wide rooms (or
 * omitted: the connection's event); empty means nothing to follow yet.
 */
export function useRoom<K extends FollowedRoomKind, S>(kind: K, id: string | null, reducer: RoomReducer<K, S>): RoomHandle<K, S> {
  const c = useConnection();
  const t = useTranslations("live.sync");
  const roomId = id ?? (kind === "board" || kind === "votes" ? null : (c?.eventId ?? null));
  const [held, setHeld] = useState<{ roomId: string; state: S } | null>(null);
  // The server's words for the refusal, or "" when it gave none (said as "Couldn't load this.").
  const [error, setError] = useState<string | null>(null);
  const syncRef = useRef<RoomSync<S, RoomEvent<K>> | null>(null);
  // Reducers are module constants; a new object each render must not resubscribe.
  const reducerRef = useRef(reducer);
  reducerRef.current = reducer;

  useEffect(() => {
    if (!c || !roomId) return;
    const room = roomContract[kind];
    const key = room.key(roomId);
    const r = () => reducerRef.current;
    const sync = new RoomSync<S, RoomEvent<K>>({
      load: async () => {
        const command = room.snapshot as SnapshotCommand<K>;
        const ack = await c.query(command, snapshotPayload(kind, roomId));
        if (!ack.ok) throw new Error(ack.error.message);
        const snapshot = ack.result as RoomSnapshot<K> & { seq: number };
        return { seq: snapshot.seq, state: r().init(snapshot) };
      },
      apply: (state, event) => r().apply(state, event),
      onChange: (state) => {
        setError(null);
        setHeld({ roomId, state });
      },
      onError: (e) => setError(c.socket.connected ? (e instanceof Error ? e.message : "") : null),
    });
    syncRef.current = sync;
    const take = (event: RoomEvent<K>, seq: number | null) => {
      const current = sync.current;
      const reload = current !== null && (r().reload?.(current, event) ?? false);
      if (seq === null) sync.receiveVolatile(event);
      else sync.receive(seq, event);
      if (reload) void sync.resync();
    };
    // The whole sequence of the room, so an event this screen ignores is not taken for a gap.
    const offs = [
      c.onRoom(key, (name, m) => take({ name, data: m.data } as RoomEvent<K>, m.seq)),
      ...room.volatile.map((name) => c.onVolatile(name, key, (data) => take({ name, data } as RoomEvent<K>, null))),
      c.onResync(() => sync.resync()),
    ];
    return () => {
      for (const off of offs) off();
      syncRef.current = null;
    };
  }, [c, kind, roomId]);

  const actions = useMemo(
    () => ({
      apply(event: RoomEvent<K>) {
        const sync = syncRef.current;
        const current = sync?.current;
        if (!sync || current == null) return;
        const reload = reducerRef.current.reload?.(current, event) ?? false;
        sync.patch((s) => reducerRef.current.apply(s, event));
        if (reload) void sync.resync();
      },
      patch(change: (state: S) => S) {
        syncRef.current?.patch(change);
      },
    }),
    [],
  );

  return {
    state: held && held.roomId === roomId ? held.state : null,
    error: error === "" ? t("loadFailed") : error,
    ...actions,
  };
}
