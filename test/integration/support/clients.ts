/**
 * Real socket.io clients, as a phone or a facilitator's laptop would connect, and promise
 * helpers to wait for what the server says instead of sleeping.
 */

import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { accountSessionCookie, participantCookieName } from "@/lib/auth/cookies";
import { sign } from "@/lib/auth/tokens";
import { contractVersion } from "@/lib/realtime/constants";
import type {
  ClientToServerEvents,
  CommandError,
  CommandName,
  CommandPayload,
  CommandResults,
  ServerToClientEvents,
} from "@/lib/realtime/contract";
import { testSecret } from "./server";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventData<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

export const participantCookie = (eventId: string, participantId: string, secret = testSecret) =>
  `${participantCookieName(eventId)}=${sign(participantId, secret)}`;

export const staffCookie = (sessionToken: string) => `${accountSessionCookie}=${sessionToken}`;

export type ConnectOptions = {
  eventId: unknown;
  cookie?: string;
  /** Defaults to the server's own origin; null sends no Origin header. */
  origin?: string | null;
  /** More request headers, e.g. what a TLS-terminating proxy adds. */
  headers?: Record<string, string>;
  /** Off by default, so a refused or dropped socket stays down unless a test wants otherwise. */
  reconnection?: boolean;
  /** The contract version the client says it speaks; the current one unless a test says otherwise. */
  contractVersion?: unknown;
  /** More handshake fields, e.g. another connection's recovery `pid` and `offset`. */
  auth?: Record<string, unknown>;
};

/** Tracks every socket a test opens, so `closeAll` in afterEach leaves nothing running. */
export function clientsFor(url: string) {
  const open = new Set<TestSocket>();

  function socket(options: ConnectOptions): TestSocket {
    const extraHeaders: Record<string, string> = { ...options.headers };
    if (options.cookie) extraHeaders.cookie = options.cookie;
    if (options.origin !== null) extraHeaders.origin = options.origin ?? url;
    const s: TestSocket = io(url, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: options.reconnection ?? false,
      reconnectionDelay: 50,
      randomizationFactor: 0,
      auth: {
        ...options.auth,
        eventId: options.eventId,
        contractVersion: "contractVersion" in options ? options.contractVersion : contractVersion,
      },
      extraHeaders,
    });
    open.add(s);
    return s;
  }

  return {
    /** Opens a socket without waiting for the outcome. */
    socket,
    /** Opens a socket and waits until the server has accepted it. */
    async connect(options: ConnectOptions) {
      const s = socket(options);
      await connected(s);
      return s;
    },
    closeAll() {
      for (const s of open) s.disconnect();
      open.clear();
    },
  };
}

// Generous: a wait, not a performance figure. On a 2-core CI machine other test files run their
// own servers at the same time, and 200 phones handshaking at once can take several seconds.
export function connected(socket: TestSocket, timeoutMs = 20_000): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error("timed out waiting to connect")), timeoutMs);
    const onConnect = () => done();
    const onError = (error: Error) => done(new Error(`connect_error: ${error.message}`));
    function done(error?: Error) {
      clearTimeout(timer);
      socket.off("connect", onConnect);
      socket.off("connect_error", onError);
      if (error) reject(error);
      else resolve();
    }
    socket.on("connect", onConnect);
    socket.on("connect_error", onError);
  });
}

/** Resolves with the error of a refused connection; rejects if the server accepts it. */
export function connectError(socket: TestSocket, timeoutMs = 5000): Promise<Error> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error("timed out waiting for connect_error")), timeoutMs);
    const onConnect = () => done(new Error("the server accepted a connection it should have refused"));
    const onError = (error: Error) => done(undefined, error);
    function done(failure?: Error, error?: Error) {
      clearTimeout(timer);
      socket.off("connect", onConnect);
      socket.off("connect_error", onError);
      if (failure) reject(failure);
      else resolve(error!);
    }
    socket.on("connect", onConnect);
    socket.on("connect_error", onError);
  });
}

/**
 * The next `name` event that satisfies `predicate`. Register it before doing what causes the
 * event, then await it.
 */
export function nextEvent<E extends ServerEventName>(
  socket: TestSocket,
  name: E,
  predicate: (data: ServerEventData<E>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<ServerEventData<E>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(name, listener as never);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${name}`));
    }, timeoutMs);
    const listener = (data: ServerEventData<E>) => {
      if (!predicate(data)) return;
      clearTimeout(timer);
      socket.off(name, listener as never);
      resolve(data);
    };
    socket.on(name, listener as never);
  });
}

/** Every `name` event from now on, in arrival order. */
export function collect<E extends ServerEventName>(socket: TestSocket, name: E): ServerEventData<E>[] {
  const seen: ServerEventData<E>[] = [];
  socket.on(name, ((data: ServerEventData<E>) => seen.push(data)) as never);
  return seen;
}

/** Resolves with the reason when the socket disconnects. */
export function disconnected(socket: TestSocket, timeoutMs = 5000): Promise<string> {
  if (socket.disconnected && !socket.active) return Promise.resolve("already disconnected");
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out waiting for disconnect")), timeoutMs);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** An ack as tests read it: `error` may be looked at without first checking `ok`. */
export type TestAck<R> =
  | { ok: true; result: R; duplicate?: boolean; error?: undefined }
  | { ok: false; error: CommandError; result?: undefined };

/**
 * Sends a command as a phone or a console would, typed by the contract: its payload is checked
 * by the compiler and its ack carries that command's result.
 */
export function send<N extends CommandName>(
  socket: TestSocket,
  name: N,
  payload: CommandPayload<N>,
  id = `cmd-${randomUUID()}`,
  timeoutMs = 20_000,
): Promise<TestAck<CommandResults[N]>> {
  return sendRaw(socket, name, payload, id, timeoutMs) as Promise<TestAck<CommandResults[N]>>;
}

/** A command with a payload the contract would refuse (tests of validation): the compiler does not check it. */
export function sendRaw(socket: TestSocket, name: string, payload: unknown, id = `cmd-${randomUUID()}`, timeoutMs = 20_000) {
  const timed = socket.timeout(timeoutMs) as unknown as { emitWithAck(n: string, e: unknown): Promise<TestAck<unknown>> };
  return timed.emitWithAck(name, { id, payload });
}

/** The result of a command that must succeed. */
export async function ok<N extends CommandName>(
  socket: TestSocket,
  name: N,
  payload: CommandPayload<N>,
): Promise<CommandResults[N]> {
  const ack = await send(socket, name, payload);
  if (!ack.ok) throw new Error(`${name}: ${ack.error.message}`);
  return ack.result;
}
