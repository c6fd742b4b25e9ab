import { io, type Socket } from "socket.io-client";
import { type AccessEndedReason, contractVersion, outboxMaxAgeMs, retryableCodes } from "../constants";
import type { Ack, ClientToServerEvents, CommandName, CommandPayload, CommandResults, ServerToClientEvents } from "../contract";
import type { MissedChanges } from "../missed-changes";
import { forgetKept, forgetUnowned, type Keeper, keptKey } from "./kept";
import { Outbox, type PendingCommand, tooOldMessage } from "./outbox";
import { momentary, notConnectedMessage, roomControls, unconfirmedMessage } from "./room-controls";

/**
 * `outdated`: the server runs another version of the contract; the page reloads (see `onOutdated`).
 * `closed`: the event was taken back to draft; `finished`: it was archived. Either way the
 * connection keeps trying (see `waitForOpening`).
 */
export type ConnectionStatus = "connecting" | "online" | "offline" | "refused" | "closed" | "finished" | "outdated";
type HeldOut = Extract<ConnectionStatus, "closed" | "finished">;
const heldOut = (status: string): status is HeldOut => status === "closed" || status === "finished";

/** On the way to a connection, which may come by itself. */
const stillTrying = (status: ConnectionStatus) => status === "connecting" || status === "offline";
const ackTimeoutMs = 8000;
/** How long a tap that needs an answer (leaving, saving "about you", a room control) waits for a page still connecting. */
export const connectingWaitMs = 10_000;
/**
 * While the event is closed, how long between tries: growing to a bound, each drawn at random
 * within it, so a room of phones comes back spread out rather than all in the same second. Half
 * a minute for a draft, which is usually published again soon; five minutes once the weekend is
 * over, when coming back is rare (and looking at the phone again tries at once anyway).
 */
const reopenFirstMs = 3000;
const reopenMaxMs: Record<HeldOut, number> = { closed: 30_000, finished: 5 * 60_000 };

/** A command id that is unique per device without a round trip. */
function newCommandId() {
  return crypto.randomUUID().replaceAll("-", "");
}

/**
 * One phone's or screen's connection to an event, for one person: socket, their outbox and
 * status. Writes go through `send`, which keeps them in the outbox until the server acknowledges
 * them, so they survive a dropped connection or a reload. Every (re)connect runs the resync
 * listeners first (views reload their snapshots), then resends what is pending, oldest first.
 * The handshake names the person the page (and so the outbox) is for, and the server refuses it
 * when the device's cookie now says someone else: a queue is never sent as another person.
 */
export class EventConnection {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly outbox: Outbox;
  status: ConnectionStatus = "connecting";
  /** Why the server ended this device's access (left, removed, signed out, the event closed…), once it has. */
  ended: string | null = null;
  /** The server's reason for it, when it said one (`access:ended`). */
  endedBy: AccessEndedReason | null = null;
  private statusListeners = new Set<() => void>();
  private reopenListeners = new Set<() => void>();
  private reopenTimer: ReturnType<typeof setTimeout> | null = null;
  private reopenTries = 0;
  /** Kept out of a closed or finished event since the last connect (even if it went offline meanwhile). */
  private closedOut = false;
  private finishedListeners = new Set<() => void>();
  private outboxListeners = new Set<() => void>();
  private resyncListeners = new Set<() => Promise<void> | void>();
  private flushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private waiters = new Map<string, (ack: Ack<unknown>) => void>();
  private missed: MissedChanges | null = null;
  /** When this page last heard the server (this device's clock); null before its first connect. */
  private heardAt: number | null = null;
  private missedListeners = new Set<(missed: MissedChanges) => void>();

  get eventId() {
    return this.keeper.eventId;
  }

  /**
   * `drawnAt`: when the server drew the page, in its clock; the first connect asks what changed since.
   * `speaksEventLanguage`: the big screen, whose refusals the server says in the event's language.
   */
  constructor(
    readonly keeper: Keeper,
    drawnAt?: number,
    speaksEventLanguage = false,
  ) {
    const { eventId, person } = keeper;
    const storage = typeof localStorage === "undefined" ? null : localStorage;
    forgetUnowned(storage);
    this.outbox = new Outbox(storage, keptKey(keeper, "outbox"));
    // WebSocket first: a phone coming back on venue Wi-Fi otherwise waits for the long-polling
    // handshake and then the upgrade (seconds, bench/README.md finding 21). Polling stays as the
    // fallback for networks that block WebSockets.
    // What the server is asked on each connect: since when this page may have missed changes.
    // Until the first connect, since the server drew the page; a later one that socket.io could not resume
    // (away longer than the server keeps a session), since it last heard the server.
    this.socket = io({
      auth: (send) => {
        const since = this.heardAt === null ? { drawnAt } : { awayMs: Math.max(0, Math.round(Date.now() - this.heardAt)) };
        send({ eventId, contractVersion, person, ...since, ...(speaksEventLanguage ? { speaks: "event" } : {}) });
      },
      autoConnect: false,
      withCredentials: true,
      transports: ["websocket", "polling"],
      tryAllTransports: true,
    });
    this.socket.on("connect", () => {
      this.heardAt = Date.now();
      void this.onConnect();
    });
    // Anything from the server, a room's event or its heartbeat, says the page had heard everything until now.
    this.socket.onAny(() => {
      this.heardAt = Date.now();
    });
    this.socket.io.on("ping", () => {
      this.heardAt = Date.now();
    });
    this.socket.on("page:missed-changes", (missed) => {
      this.missed = missed;
      for (const l of this.missedListeners) l(missed);
    });
    this.socket.on("access:ended", ({ reason, message }, ack) => {
      this.ended = message;
      this.endedBy = reason;
      // They left (here or on another of their devices) or were taken out: this device keeps nothing of theirs.
      if (reason === "left" || reason === "removed") this.forget();
      if (heldOut(reason)) this.waitForOpening(reason);
      else this.setStatus("refused");
      // Paused for sending far too fast: the pause ends by itself, and so does the wait.
      if (reason === "flood") this.tryAgainLater();
      ack();
    });
    // The server cut this socket off on purpose (access ended): socket.io won't reconnect, so
    // don't pretend to be "connecting" forever. A closed or finished event is tried again (waitForOpening).
    this.socket.on("disconnect", (reason) => {
      if (reason === "io server disconnect") return this.setStatus(heldOut(this.status) ? this.status : "refused");
      this.setStatus(navigator.onLine === false ? "offline" : "connecting");
    });
    this.socket.on("connect_error", (error) => {
      if (error.message === "outdated") return this.onOutdated();
      if (error.message === "someone-else") return this.onSomeoneElse();
      if (heldOut(error.message)) {
        const said = (error as { data?: { message?: unknown } }).data?.message;
        if (typeof said === "string") this.ended = said;
        return this.waitForOpening(error.message);
      }
      // Still paused for flooding: say why, and try again later (socket.io gives up on a refusal).
      if (error.message === "rate_limited") {
        const said = (error as { data?: { message?: unknown } }).data?.message;
        if (typeof said === "string") this.ended = said;
        this.tryAgainLater();
        return this.setStatus("refused");
      }
      // This person has many screens open already: socket.io gives up on a refusal, so try again later.
      if (error.message === "too_many_screens") this.tryAgainLater();
      // Refused at the door: the identity this page was drawn for is no longer let in (taken off the
      // event, signed out, a new password) while the page was away (offline, asleep). It ended as
      // surely as if the server had said so to an open socket: a staff page is drawn again.
      if (error.message === "unauthenticated") this.endedBy ??= "ended";
      this.setStatus(error.message === "unauthenticated" ? "refused" : "connecting");
    });
    window.addEventListener("offline", this.goOffline);
    window.addEventListener("online", this.goOnline);
    document.addEventListener("visibilitychange", this.tryNowIfClosed);
    if (navigator.onLine === false) this.setStatus("offline");
    else this.socket.connect();
  }

  close() {
    window.removeEventListener("offline", this.goOffline);
    window.removeEventListener("online", this.goOnline);
    document.removeEventListener("visibilitychange", this.tryNowIfClosed);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.socket.disconnect();
  }

  /**
   * The event was taken back to draft, or archived: this person is still themselves (their cookie
   * holds), only kept out unless it is published again. socket.io gives up on a refusal, so this
   * device tries again itself, spaced out, and gets back in without the person doing anything.
   * What they wrote meanwhile waits in the outbox and is sent then.
   */
  private waitForOpening(why: HeldOut) {
    this.closedOut = true;
    const finishedNow = why === "finished" && this.status !== "finished";
    this.setStatus(why);
    if (finishedNow) for (const l of this.finishedListeners) l();
    if (this.reopenTimer) return;
    const bound = Math.min(reopenMaxMs[why], reopenFirstMs * 2 ** this.reopenTries);
    this.reopenTries++;
    this.reopenTimer = setTimeout(this.tryAgain, bound / 2 + (Math.random() * bound) / 2);
  }

  private tryAgain = () => {
    this.reopenTimer = null;
    if (heldOut(this.status) && navigator.onLine !== false) this.socket.connect();
  };

  // A phone put back in a pocket throttles timers: looking at it again is a reason to try now.
  private tryNowIfClosed = () => {
    if (document.visibilityState !== "visible" || !heldOut(this.status)) return;
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.tryAgain();
  };

  /** Called when this device learns that its event has finished (archived), live or on connecting. */
  onFinished(listener: () => void) {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  /** Called when this device is back in an event that was closed: the page's server-drawn parts may have changed meanwhile. */
  onReopen(listener: () => void) {
    this.reopenListeners.add(listener);
    return () => this.reopenListeners.delete(listener);
  }

  // Browsers know before socket.io's heartbeat does that the Wi-Fi went away; act on it at once.
  private goOffline = () => {
    this.socket.disconnect();
    this.setStatus("offline");
  };

  private goOnline = () => {
    this.setStatus("connecting");
    this.socket.connect();
  };

  private setStatus(status: ConnectionStatus) {
    if (this.status === status) return;
    this.status = status;
    for (const l of this.statusListeners) l();
  }

  onStatus(listener: () => void) {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /**
   * Resolves true once this connection is online, false if it is not within `ms` or stops trying
   * (refused, closed, finished). For commands that must not wait in the outbox: a tap made while
   * the page is still connecting (or its Wi-Fi blinks) is sent once it connects, not refused.
   */
  whenOnline(ms: number): Promise<boolean> {
    if (this.status === "online") return Promise.resolve(true);
    if (!stillTrying(this.status)) return Promise.resolve(false);
    return new Promise((resolve) => {
      const settle = (online: boolean) => {
        clearTimeout(timer);
        off();
        resolve(online);
      };
      const timer = setTimeout(() => settle(false), ms);
      const off = this.onStatus(() => {
        if (this.status === "online") settle(true);
        else if (!stillTrying(this.status)) settle(false);
      });
    });
  }

  onOutbox(listener: () => void) {
    this.outboxListeners.add(listener);
    return () => this.outboxListeners.delete(listener);
  }

  /**
   * Every sequenced message of one room, whatever its name: a view must see the whole sequence
   * of its room to tell a missed message from one that was simply not for it.
   */
  onRoom(room: string, listener: (name: string, message: { room: string; seq: number; data: unknown }) => void) {
    const any = (name: string, message: unknown) => {
      const m = message as { room?: unknown; seq?: unknown } | null;
      if (m && m.room === room && typeof m.seq === "number") listener(name, m as { room: string; seq: number; data: unknown });
    };
    this.socket.onAny(any);
    return () => void this.socket.offAny(any);
  }

  /**
   * A volatile event (an absolute state, not sequenced) meant for this room: one that names
   * another room is not for it; presence names none (a connection is in one event room).
   */
  onVolatile(name: string, room: string, listener: (data: unknown) => void) {
    const any = (event: string, data: unknown) => {
      if (event !== name) return;
      const target = (data as { room?: unknown } | null)?.room;
      if (target === undefined || target === room) listener(data);
    };
    this.socket.onAny(any);
    return () => void this.socket.offAny(any);
  }

  /** Called on every connect, before pending commands are resent. */
  /**
   * What changed in the event between the page's drawing and its first connect, told to nobody
   * here: the followers of the page's server-drawn parts fetch them again. Said at once to a
   * listener that comes after the server did.
   */
  onMissed(listener: (missed: MissedChanges) => void) {
    this.missedListeners.add(listener);
    if (this.missed) listener(this.missed);
    return () => this.missedListeners.delete(listener);
  }

  onResync(listener: () => Promise<void> | void) {
    this.resyncListeners.add(listener);
    if (this.socket.connected) void listener();
    return () => this.resyncListeners.delete(listener);
  }

  private notifyOutbox() {
    for (const l of this.outboxListeners) l();
  }

  /**
   * The server speaks another version of the contract (a deploy happened while this page was
   * open): reload the page once to get the new one. The outbox is in localStorage, so nothing
   * typed is lost; after the reload its commands are checked before they are sent.
   */
  private onOutdated() {
    this.socket.disconnect();
    this.setStatus("outdated");
    const key = `madein.reloaded-for.${contractVersion}`;
    try {
      // Once per version: if the reload brought the same page back (a cache), stay put and say so.
      if (sessionStorage.getItem(key)) return;
      sessionStorage.setItem(key, "1");
    } catch {
      // no sessionStorage: reload anyway
    }
    window.location.reload();
  }

  /**
   * The device is now someone else's in this event (this person left or signed out and another
   * joined, in another tab): this page, its drafts and its outbox are the last person's, kept for
   * them and never sent as the new one. The page is fetched again, as whoever is here now.
   */
  private onSomeoneElse() {
    this.socket.disconnect();
    this.setStatus("refused");
    const key = this.reloadedKey();
    try {
      // Once: should the page come back for the same person, it stays put, refused, rather than loop.
      if (sessionStorage.getItem(key)) return;
      sessionStorage.setItem(key, "1");
    } catch {
      return;
    }
    window.location.reload();
  }

  private reloadedKey = () => keptKey(this.keeper, "reloaded-for-someone-else");

  /**
   * This person left the event, or was taken out of it: everything this device kept for them
   * there (outbox, drafts, answered nudges) goes, and nothing more is kept or sent.
   */
  forget() {
    this.outbox.forget();
    this.notifyOutbox();
    const stores = [
      typeof localStorage === "undefined" ? null : localStorage,
      typeof sessionStorage === "undefined" ? null : sessionStorage,
    ];
    forgetKept(this.keeper, ...stores);
  }

  private async onConnect() {
    this.reopenTries = 0;
    try {
      sessionStorage.removeItem(this.reloadedKey());
    } catch {
      // no sessionStorage: nothing was kept in it
    }
    // Whatever kept this device out (a closed event, a pause for flooding) is over.
    this.ended = null;
    this.endedBy = null;
    if (this.closedOut) {
      this.closedOut = false;
      for (const l of this.reopenListeners) l();
    }
    this.setStatus("online");
    await this.checkStale();
    await Promise.all([...this.resyncListeners].map((l) => l()));
    await this.flush();
  }

  /**
   * Commands written under an older contract (before a reload for a new version): those that
   * still parse are sent; the others are kept as refused, with a message, and never sent.
   * The schemas are only downloaded when there is something to check.
   */
  private async checkStale() {
    const stale = this.outbox.stale(contractVersion);
    if (stale.length === 0) return;
    const { checkCommands } = await import("./check-commands");
    for (const { id, error } of checkCommands(stale)) {
      if (error) this.outbox.fail(id, error);
      else this.outbox.adopt(id, contractVersion);
    }
    this.notifyOutbox();
  }

  /** A read (snapshot): not queued; fails fast when offline. */
  async query<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<Ack<CommandResults[N]>> {
    return this.emitWithAck(name, { id: newCommandId(), payload }) as Promise<Ack<CommandResults[N]>>;
  }

  /**
   * A write: recorded in the outbox first, then sent. Resolves with the server's ack, however
   * many reconnects that takes. `dropIfRefused`: the screen that sent it says a refusal at once
   * (a wall's move, a vote's control), so a refused one is not kept. A room control or a cheer
   * (./room-controls.ts) is never kept: it goes now, or is refused in words now.
   */
  send<N extends CommandName>(
    name: N,
    payload: CommandPayload<N>,
    options: { dropIfRefused?: boolean } = {},
  ): { id: string; done: Promise<Ack<CommandResults[N]>> } {
    if (roomControls.has(name) || momentary.has(name)) return this.sendNow(name, payload);
    const command: PendingCommand = {
      id: newCommandId(),
      name,
      payload,
      createdAt: Date.now(),
      version: contractVersion,
      ...(options.dropIfRefused ? { dropIfRefused: true } : {}),
    };
    this.outbox.add(command);
    this.notifyOutbox();
    const done = new Promise<Ack<CommandResults[N]>>((resolve) => this.waiters.set(command.id, resolve as never));
    void this.flush();
    return { id: command.id, done };
  }

  /**
   * A room control: sent while online (or once a page still connecting is, within a moment), never
   * queued and never sent again. Its answer, or why there is none, in words.
   */
  private sendNow<N extends CommandName>(
    name: N,
    payload: CommandPayload<N>,
  ): { id: string; done: Promise<Ack<CommandResults[N]>> } {
    const id = newCommandId();
    const refused = (message: string) => ({ ok: false, error: { code: "conflict", message } }) as const;
    const answer = async (): Promise<Ack<unknown>> => {
      // A page still connecting (just opened, a Wi-Fi blink) is waited for, as a tap on a phone is.
      if (this.status === "offline" || !(await this.whenOnline(connectingWaitMs))) return refused(notConnectedMessage);
      try {
        const ack = await this.emitWithAck(name, { id, payload });
        // Not retried, so not "it will be retried": nobody can tell whether it reached the room.
        return !ack.ok && ack.error.code === "internal" ? refused(unconfirmedMessage) : ack;
      } catch {
        return refused(unconfirmedMessage);
      }
    };
    return { id, done: answer() as Promise<Ack<CommandResults[N]>> };
  }

  /** Stops showing a refused command (after the person has seen and copied it). */
  dismiss(id: string) {
    this.outbox.remove(id);
    this.notifyOutbox();
  }

  private async flush() {
    if (this.flushing || !this.socket.connected || this.outbox.stale(contractVersion).length > 0) return;
    this.flushing = true;
    try {
      // Re-read the outbox each turn: commands sent while one is in flight join the queue.
      for (let command = this.outbox.unsent()[0]; command; command = this.outbox.unsent()[0]) {
        if (!this.socket.connected) return;
        // The server forgets commands after a day (commandLogWindowMs): one older than that could
        // apply twice, so it is kept on screen for the person to copy instead of sent.
        const ack =
          Date.now() - command.createdAt > outboxMaxAgeMs
            ? ({ ok: false, error: { code: "conflict", message: tooOldMessage } } as const)
            : await this.deliver(command);
        if (ack === null) {
          this.scheduleRetry();
          return;
        }
        if (ack.ok) this.outbox.remove(command.id);
        else this.outbox.fail(command.id, ack.error);
        this.notifyOutbox();
        this.waiters.get(command.id)?.(ack);
        this.waiters.delete(command.id);
      }
    } finally {
      this.flushing = false;
    }
  }

  /** The ack, or null when it is worth trying again later (timeout, rate limit, server trouble). */
  private async deliver(command: PendingCommand): Promise<Ack<unknown> | null> {
    try {
      const ack = await this.emitWithAck(command.name, { id: command.id, payload: command.payload });
      if (!ack.ok && retryableCodes.has(ack.error.code)) {
        // Kept and retried, but the person sees why it hasn't gone yet instead of an endless "Sending…".
        this.outbox.wait(command.id, ack.error.message);
        this.notifyOutbox();
        return null;
      }
      return ack;
    } catch {
      return null;
    }
  }

  private emitWithAck(name: CommandName, envelope: { id: string; payload: unknown }): Promise<Ack<unknown>> {
    // The contract types each command's envelope; the outbox holds them untyped, as stored JSON.
    const socket = this.socket.timeout(ackTimeoutMs) as unknown as {
      emitWithAck(name: string, envelope: unknown): Promise<Ack<unknown>>;
    };
    return socket.emitWithAck(name, envelope);
  }

  /** Connects again in 10–20 s, spread so screens refused together don't come back together. */
  private tryAgainLater() {
    if (this.reopenTimer) return;
    this.reopenTimer = setTimeout(
      () => {
        this.reopenTimer = null;
        if (navigator.onLine !== false) this.socket.connect();
      },
      10_000 + Math.random() * 10_000,
    );
  }

  private scheduleRetry() {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, 2000);
  }
}
