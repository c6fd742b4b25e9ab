"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
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
import { busyRetryDelay, RoomSync, SnapshotRefused } from "./room-sync";

export type RoomHandle<K extends FollowedRoomKind, S> = {
  /** Null until the snapshot arrives (and again while another room's id loads). */
  state: S | null;
  /** The room's sequence number `state` is at: everything the room was told up to it is in it (0 before the snapshot). */
  seq: number;
  /** Why the snapshot was refused, in the reader's language; a load cut short by a dropped connection is retried, not shown. */
  error: string | null;
  /** Applies what the server already confirmed to this client (an ack), before its broadcast lands. */
  apply(event: RoomEvent<K>): void;
  /** A change only this screen makes (e.g. my dots while they are on their way). */
  patch(change: (state: S) => S): void;
  /** Reads the snapshot again: what this viewer may do changed outside the room (e.g. they moved team). */
  reload(): void;
};

/**
 * One room's state held outside React: screens read it with `useSyncExternalStore`, whole
 * (`useRoom`) or a slice at a time (`useRoomSlice`), so a change that touches one note redraws
 * that note's part of the screen, not the screen.
 */
export type RoomStore<K extends FollowedRoomKind, S> = Pick<RoomHandle<K, S>, "apply" | "patch" | "reload"> & {
  get(): S | null;
  /** The room's sequence number the state `get` returns is at (0 while it is null). */
  seq(): number;
  /** Why the snapshot was refused: the server's words, "" when it gave none, null when it wasn't. */
  error(): string | null;
  subscribe(listener: () => void): () => void;
};

/**
 * Follows one room (declared in rooms.ts): loads its snapshot, applies its events in sequence
 * and its volatile states as they come, reloads after a gap, a reconnect or when the reducer
 * asks, and stops listening when the screen goes. A feature supplies only the pure reducer.
 * `id` is the board's id for board and votes rooms, the event's for event-wide rooms (or
 * omitted: the connection's event); empty means nothing to follow yet. The store is the same
 * object for the life of the screen; it holds the state of the room `id` names now.
 */
export function useRoomStore<K extends FollowedRoomKind, S>(
  kind: K,
  id: string | null,
  reducer: RoomReducer<K, S>,
): RoomStore<K, S> {
  const c = useConnection();
  const roomId = id ?? (kind === "board" || kind === "votes" ? null : (c?.eventId ?? null));
  const roomIdRef = useRef(roomId);
  roomIdRef.current = roomId;
  // Reducers are module constants; a new object each render must not resubscribe.
  const reducerRef = useRef(reducer);
  reducerRef.current = reducer;
  const store = useMemo(() => {
    let held: { roomId: string; state: S; seq: number } | null = null;
    let error: string | null = null;
    let sync: RoomSync<S, RoomEvent<K>> | null = null;
    const listeners = new Set<() => void>();
    const notify = () => {
      for (const l of listeners) l();
    };
    return {
      // Another room's state (the id just changed) is not this room's: null until its snapshot.
      get: () => (held && held.roomId === roomIdRef.current ? held.state : null),
      seq: () => (held && held.roomId === roomIdRef.current ? held.seq : 0),
      error: () => error,
      subscribe(listener: () => void) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
      apply(event: RoomEvent<K>) {
        const current = sync?.current;
        if (!sync || current == null) return;
        const reload = reducerRef.current.reload?.(current, event) ?? false;
        sync.patch((s) => reducerRef.current.apply(s, event));
        if (reload) void sync.resync();
      },
      patch(change: (state: S) => S) {
        sync?.patch(change);
      },
      reload() {
        void sync?.resync();
      },
      /** Internal: the effect below swaps the sync it feeds. */
      attach(next: RoomSync<S, RoomEvent<K>> | null) {
        sync = next;
      },
      set(next: { roomId: string; state: S; seq: number } | null, nextError: string | null) {
        held = next ?? held;
        error = nextError;
        notify();
      },
    };
  }, []);

  useEffect(() => {
    if (!c || !roomId) return;
    const room = roomContract[kind];
    const key = room.key(roomId);
    const r = () => reducerRef.current;
    // A load still on its way when the screen moved to another room must not land in this store.
    let live = true;
    const sync = new RoomSync<S, RoomEvent<K>>({
      load: async () => {
        const command = room.snapshot as SnapshotCommand<K>;
        const ack = await c.query(command, snapshotPayload(kind, roomId));
        if (!ack.ok) throw new SnapshotRefused(ack.error.message, ack.error.code);
        const snapshot = ack.result as RoomSnapshot<K> & { seq: number };
        return { seq: snapshot.seq, state: r().init(snapshot) };
      },
      apply: (state, event) => r().apply(state, event),
      onChange: (state) => live && store.set({ roomId, state, seq: sync.lastSeq }, null),
      onError: (e) => live && store.set(null, c.socket.connected ? (e instanceof Error ? e.message : "") : null),
      // A room reloading all at once is told to wait: the screen says so and asks again by itself.
      retryDelay: busyRetryDelay,
    });
    store.attach(sync);
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
      live = false;
      sync.stop();
      store.attach(null);
    };
  }, [c, kind, roomId, store]);

  return store;
}

const nothing = () => null;
const zero = () => 0;

/** A slice of a room's state, redrawn only when the slice changes (compare with Object.is: return primitives or kept objects). */
export function useRoomSlice<K extends FollowedRoomKind, S, T>(store: RoomStore<K, S>, select: (state: S | null) => T): T {
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.get()),
    () => select(null),
  );
}

/** The whole of a room's state, live (see `useRoomStore`). */
export function useRoom<K extends FollowedRoomKind, S>(kind: K, id: string | null, reducer: RoomReducer<K, S>): RoomHandle<K, S> {
  const t = useTranslations("live.sync");
  const store = useRoomStore(kind, id, reducer);
  const state = useSyncExternalStore(store.subscribe, store.get, nothing);
  const seq = useSyncExternalStore(store.subscribe, store.seq, zero);
  const error = useSyncExternalStore(store.subscribe, store.error, nothing);
  return {
    state,
    seq,
    error: error === "" ? t("loadFailed") : error,
    apply: store.apply,
    patch: store.patch,
    reload: store.reload,
  };
}
