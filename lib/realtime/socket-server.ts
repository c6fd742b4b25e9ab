import { randomBytes } from "node:crypto";
import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { count, eq, inArray } from "drizzle-orm";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import type { Database } from "@/db/client";
import { boards, notes } from "@/db/schema";
import { type Actor, actorKey, isStaff, permissions } from "@/lib/auth/actor";
import { accountSessionCookie, parseCookieHeader, participantCookieName } from "@/lib/auth/cookies";
import type { HeldOut } from "@/lib/auth/held-out";
import { heldOutOf, readParticipantCookie, resolveActor } from "@/lib/auth/identity";
import { personTag } from "@/lib/auth/pseudonym";
import { type HeldIdentity, type Revoked, revokedAmong } from "@/lib/auth/revalidate";
import { hashToken } from "@/lib/auth/tokens";
import { fileStorage } from "@/lib/files/storage";
import { strayPhotoSweepMs, sweepStrayPhotos } from "@/lib/files/stray-uploads";
import { defaultLocale, knownLocale } from "@/lib/i18n/locales";
import { localise } from "@/lib/i18n/server-text";
import { pruneDeletedNotes } from "@/lib/notes/delete-note";
import { eraseDueNotes, eraseLaterSweepMs } from "@/lib/notes/erase-later";
import { undoKeptMs } from "@/lib/notes/undo-rules";
import { type Logger, sharedLogger } from "@/lib/observability/logger";
import type { Metrics } from "@/lib/observability/metrics";
import { createPresenceStore, presenceHeartbeatMs } from "@/lib/presence/presence-store";
import { reactionCounts } from "@/lib/presentations/store";
import { createLimiter } from "@/lib/rate-limit/limiter";
import {
  createReadBudget,
  type ReadOutcome,
  readCost,
  roomBoardNotes,
  snapshotBudgetDefaults,
  weightedRead,
} from "@/lib/rate-limit/read-budget";
import {
  createRoomWrites,
  fanoutCost,
  personShareOfWrites,
  type RoomWriteBudget,
  roomBudgetOf,
  roomWriteDefaults,
} from "@/lib/rate-limit/room-writes";
import type { RedisClient } from "@/lib/scale/redis";
import { closeExpiredRounds } from "@/lib/voting/close-expired";
import { tallyNow } from "@/lib/voting/round-store";
import { createCoalescer } from "./coalescer";
import { commandLogPruneEveryMs, pruneCommandLog } from "./command-log";
import { runCommandLogScrubs, scrubEveryMs } from "./command-log-scrub-worker";
import {
  type AccessEndedReason,
  type Ack,
  accessEndedMessage,
  type ClientToServerEvents,
  type CommandName,
  type CommandResults,
  commandNames,
  contractVersion,
  type EventDetail,
  limits,
  reactionLimits,
  rooms,
  type ServerToClientEvents,
  screensPerPerson,
} from "./contract";
import { executeCommand, type SequencedBroadcast } from "./execute-command";
import { fanoutPolicy } from "./fanout-policy";
import type { HandlerTable, Revocation } from "./handler";
import { ChangeClock, type ChangeKind, drawnMarginMs, type OwnNews, OwnNewsClock } from "./missed-changes";
import { originAllowed, requestOrigin } from "./origin";
import { accountRoom, identityRooms, participantRoom, personRoom, revocationRoom } from "./revocation";
import { eventOfRoom } from "./rooms";
import { languageToFollow, localiseAck, socketLocale, storedLanguages } from "./socket-language";

type SocketData = {
  actor: Actor;
  sessionHash: string | null;
  deviceId: string | null;
  /** The language its person reads: its replies are said in it (./socket-language.ts). */
  locale: string;
  /** Their person chose this language on another device while this one was away: it switches on connecting. */
  followLanguage?: string | null;
  /** A big screen: it speaks the event's language, whatever its laptop's or its person's. */
  speaksEventLanguage?: boolean;
  /** Why its access is ending (being told, about to be disconnected): its commands are refused with it. */
  ending?: AccessEndedReason;
  /** When the server drew its page, on its first connect: what changed since is told to it. */
  drawnAt?: number;
};
/** Between app processes (through the adapter). */
type ServerSideEvents = {
  /** Disconnect the sockets in these identity rooms. */
  "access:revoke": (rooms: string[], reason: AccessEndedReason) => void;
  /** A participant chose another language: their sockets speak it from now on. */
  "language:chosen": (room: string, language: string) => void;
  /** The organisers changed an event's language: its big screens speak it from now on. */
  "event:language": (eventId: string, language: string) => void;
  /** A change told to an event's screens through another process: pages drawn before it and not yet connected learn of it here. */
  "change:noted": (eventId: string, change: ChangeKind, at: number) => void;
  /** A person's own news told through another process: their pages drawn before it learn of it on connecting. */
  "own:noted": (participantId: string, news: OwnNews, at: number) => void;
};
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, ServerSideEvents, SocketData>;

/**
 * `person`: who the page (and the outbox it sends) is for, as `personTag` names them. A page
 * opened by someone who has since left or handed the device over must not send their queue as
 * whoever the cookie names now; tools without an outbox (tests, benchmarks) may leave it out.
 */
/** What of an event only staff pages draw (the privacy settings: a phone reads them on the join page, which has no connection). */
const staffOnlyDetails: ReadonlySet<EventDetail> = new Set(["privacy"]);

/** Longer than any process keeps its clock of changes (missed-changes.ts): a longer absence asks the same. */
const awayMaxMs = 7 * 24 * 3600_000;

const handshakeSchema = z.object({
  eventId: z.string().min(1).max(64),
  person: z.string().max(64).optional(),
  // When the server drew the page (lib/realtime/event-connection.tsx), sent on its first connect
  // only: what changed since is told to this socket. A bad value is ignored, not refused.
  drawnAt: z.number().int().nonnegative().optional().catch(undefined),
  // On a later connect that socket.io could not resume (away longer than it keeps a session):
  // how long since the page last heard the server, by the device's own clock (no clock to agree on).
  awayMs: z
    .number()
    .int()
    .nonnegative()
    .transform((ms) => Math.min(ms, awayMaxMs))
    .optional()
    .catch(undefined),
  // "event": the big screen, read by the room, so its refusals are said in the event's language
  // like the rest of it, not the laptop's. Anything else is the page's reader's language.
  speaks: z.literal("event").optional().catch(undefined),
});

export type RealtimeOptions = {
  db: Database;
  handlers: HandlerTable;
  secret: string;
  processId: string;
  publicUrl?: string;
  /**
   * Shared by every app process when REDIS_URL is set: broadcasts reach sockets held by the
   * other processes, and rate limits are counted once for all of them.
   */
  redis?: RedisClient;
  /**
   * Per person (participant or account), however many connections and processes they use:
   * commands allowed per window. Staff get four times as many (console, big screen, laptop).
   */
  rateLimit?: { points: number; seconds: number };
  /** Per person: new notes allowed per window, about what a fast hand can write (30 a minute). */
  noteLimit?: { points: number; seconds: number };
  /**
   * Per event: new notes from participants allowed per window, all of them together (1,200 a
   * minute: a room of a thousand each writing one at the same prompt). Identities are cheap (the
   * join code is on the projector), so the per-person limit alone does not bound what a script
   * with many of them makes every phone on a board receive. Staff's notes are not counted.
   */
  eventNoteLimit?: { points: number; seconds: number };
  /**
   * Per person: notes served by weighted reads (a board's snapshot) per window, beside the command
   * limit (lib/rate-limit/read-budget.ts). Default 1,000 per 5 s: two opens of a 500-note board
   * at once, and the window short enough that a phone slowed by it waits less than its ack timeout.
   * Staff get four times as much.
   */
  readBudget?: { notes: number; seconds: number };
  /**
   * Per event: notes served by all its participants' board snapshots together per window (default
   * 100,000 per 5 s: lib/rate-limit/read-budget.ts, roomBoardNotes), what bounds any number of free
   * identities. Past it, an open waits a window, then is refused as busy. Staff are not counted in it.
   */
  roomReadBudget?: { notes: number; seconds: number };
  /**
   * Per person: rows served by the event's other snapshots (its board list, people and teams,
   * presentations, a board's voting) per window, in a budget of its own, so a phone's people list
   * never delays its board (lib/rate-limit/read-budget.ts: snapshotBudgetDefaults). Staff get four
   * times as much.
   */
  snapshotBudget?: { rows: number; seconds: number };
  /**
   * Per event: rows served by all its participants' snapshots together per window, what bounds
   * any number of free identities (snapshotBudgetDefaults). Past it, a snapshot waits a window,
   * then is refused as busy. Staff are not counted in it.
   */
  roomSnapshotBudget?: { rows: number; seconds: number };
  /**
   * Per event: what all its participants' writes may cost the room per window, in screens told
   * (`writes`, of which each person may spend `perPerson`, default a tenth), dots cast or taken
   * back (`votes`) and cheers sent (`cheers`), apart, so neither a crowd flipping teams nor a room
   * applauding holds back a vote or a note (lib/rate-limit/room-writes.ts: roomWriteDefaults). Past
   * it a write waits a window, then is refused as busy. Staff's writes are not counted.
   */
  roomWrites?: { writes: number; votes: number; cheers?: number; perPerson?: number; seconds: number };
  /**
   * Per person: cheer commands per window, apart from the command limit, so applauding never
   * spends what a person's notes need (default twice a phone's pace: constants.ts, reactionLimits).
   */
  cheerPace?: { points: number; seconds: number };
  /** How long a person who kept flooding past their limit is shut out (seconds; default 60). */
  floodBlockSeconds?: number;
  /** Sockets one person may hold open on this process at once (default `screensPerPerson`). */
  screensPerPerson?: number;
  /** How often open sockets' identities are checked again (default 400 ms). */
  revalidateIntervalMs?: number;
  presenceIntervalMs?: number;
  tallyIntervalMs?: number;
  cheerIntervalMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** Command records: debug when applied, info when refused, error when they threw. */
  logger?: Logger;
  metrics?: Metrics;
};

/** The client's command id, when it sent a sensible one: it ties a log line to a retry. */
/** The command's id for the log, only when it has the contract's shape: anything else is the sender's free text. */
function commandIdOf(envelope: unknown): string | undefined {
  const id = typeof envelope === "object" && envelope !== null ? (envelope as { id?: unknown }).id : undefined;
  return typeof id === "string" && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : undefined;
}

export function createRealtime(httpServer: HttpServer, options: RealtimeOptions) {
  const { db, handlers, logger, metrics } = options;
  const log = options.log ?? ((m: string, e?: unknown) => (logger ?? sharedLogger()).error({ err: e }, m));
  const io = new Server<ClientToServerEvents, ServerToClientEvents, ServerSideEvents, SocketData>(httpServer, {
    maxHttpBufferSize: limits.maxPayloadBytes,
    // Next's dev server upgrades its own hot-reload socket on this HTTP server; engine.io
    // would otherwise close upgrades it does not own after a second.
    destroyUpgrade: false,
    allowRequest: (req, callback) => {
      const proto = req.headers["x-forwarded-proto"];
      const site = requestOrigin(
        req.headers.host,
        Array.isArray(proto) ? proto[0] : proto,
        (req.socket as { encrypted?: boolean }).encrypted === true,
      );
      const ok = originAllowed(req.headers.origin, site, options.publicUrl);
      callback(ok ? null : "origin not allowed", ok);
    },
    // A phone that drops off for a moment gets its rooms back without a full reload.
    // With Redis, the session and the missed packets are kept in Redis, so the phone may come
    // back to another process; if that process died, recovery fails and the client resyncs.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    // The streams adapter rides out a temporary loss of the Redis connection without losing
    // packets, which the pub/sub adapter cannot promise. It keeps the last 10,000 broadcasts
    // (all events together) for recovery; older than that, a returning phone reloads snapshots.
    ...(options.redis ? { adapter: createAdapter(options.redis, { streamName: "madein:socket.io" }) } : {}),
  });

  guardRecovery(io, db);

  const presence = createPresenceStore(db, options.processId);
  // Limits follow the person, not the connection: a flooder that reconnects (or opens several
  // sockets, on several processes) keeps spending the same allowance, counted in Redis if shared.
  const points = options.rateLimit?.points ?? 60;
  const seconds = options.rateLimit?.seconds ?? 10;
  const limiter = createLimiter({ points, seconds, keyPrefix: "person" }, options.redis);
  const staffLimiter = createLimiter({ points: points * 4, seconds, keyPrefix: "person-staff" }, options.redis);
  const noteLimiter = createLimiter(
    { points: options.noteLimit?.points ?? 30, seconds: options.noteLimit?.seconds ?? 60, keyPrefix: "person-notes" },
    options.redis,
  );
  const eventNoteLimiter = createLimiter(
    {
      points: options.eventNoteLimit?.points ?? 1200,
      seconds: options.eventNoteLimit?.seconds ?? 60,
      keyPrefix: "event-notes",
    },
    options.redis,
  );
  const readSeconds = options.readBudget?.seconds ?? 5;
  const readNotes = options.readBudget?.notes ?? 1000;
  // The line is long enough for every screen one person has open to reload its board at once
  // after a blip (a phone with a few tabs; a laptop with the console, the big screen and board
  // pages): they wait their turn. Only a script's burst runs past it.
  const reads = createReadBudget({
    limiter: createLimiter({ points: readNotes, seconds: readSeconds, keyPrefix: "person-reads" }, options.redis),
    maxWaiting: 4,
    room: createLimiter(
      {
        points: options.roomReadBudget?.notes ?? roomBoardNotes,
        seconds: options.roomReadBudget?.seconds ?? readSeconds,
        keyPrefix: "event-reads",
      },
      options.redis,
    ),
  });
  const staffReads = createReadBudget({
    limiter: createLimiter({ points: readNotes * 4, seconds: readSeconds, keyPrefix: "person-staff-reads" }, options.redis),
    maxWaiting: 12,
  });
  // A phone's snapshots have their own budget, so its people list never delays its board. Its
  // line holds every snapshot its open screens reload at once after a blip (three tabs of three).
  const snapshotSeconds = options.snapshotBudget?.seconds ?? snapshotBudgetDefaults.seconds;
  const snapshotRows = options.snapshotBudget?.rows ?? snapshotBudgetDefaults.rows;
  const snapshots = createReadBudget({
    limiter: createLimiter({ points: snapshotRows, seconds: snapshotSeconds, keyPrefix: "person-snapshots" }, options.redis),
    maxWaiting: 8,
    room: createLimiter(
      {
        points: options.roomSnapshotBudget?.rows ?? snapshotBudgetDefaults.roomRows,
        seconds: options.roomSnapshotBudget?.seconds ?? snapshotBudgetDefaults.seconds,
        keyPrefix: "event-snapshots",
      },
      options.redis,
    ),
  });
  const staffSnapshots = createReadBudget({
    limiter: createLimiter(
      { points: snapshotRows * 4, seconds: snapshotSeconds, keyPrefix: "person-staff-snapshots" },
      options.redis,
    ),
    maxWaiting: 24,
  });
  const roomWriteBudget: NonNullable<RealtimeOptions["roomWrites"]> = options.roomWrites ?? roomWriteDefaults;
  const roomWriteLimiter = (keyPrefix: string, points: number) =>
    createLimiter({ points, seconds: roomWriteBudget.seconds, keyPrefix }, options.redis);
  const roomWrites = createRoomWrites({
    writes: roomWriteLimiter("event-writes", roomWriteBudget.writes),
    votes: roomWriteLimiter("event-votes", roomWriteBudget.votes),
    cheers: roomWriteLimiter("event-cheers", roomWriteBudget.cheers ?? roomWriteDefaults.cheers),
    share: roomWriteLimiter(
      "person-room-writes",
      roomWriteBudget.perPerson ?? Math.max(1, Math.floor(roomWriteBudget.writes * personShareOfWrites)),
    ),
  });
  // A phone folds its taps into a command at most every reactionLimits.paceMs: twice that is a script.
  const cheerPace = createLimiter(
    options.cheerPace
      ? { ...options.cheerPace, keyPrefix: "person-cheers" }
      : { points: Math.ceil((2 * 10_000) / reactionLimits.paceMs), seconds: 10, keyPrefix: "person-cheers" },
    options.redis,
  );
  /** The event's budget this write is paid from: a participant's write they may make; null for staff, reads, refusals and leaving. */
  const roomBudgetFor = (actor: Actor, name: CommandName): RoomWriteBudget | null => {
    const handler = handlers[name];
    if (isStaff(actor) || handler.kind !== "write" || !permissions[handler.permission](actor)) return null;
    return roomBudgetOf(name);
  };
  // The screens a broadcast reaches on this process: each process pays for its own fan-out.
  const listeners = (room: string) => io.sockets.adapter.rooms.get(room)?.size ?? 0;
  /** The budget that pays for this person's read of this kind. */
  const budgetFor = (actor: Actor, kind: "board" | "snapshot") =>
    kind === "board" ? (isStaff(actor) ? staffReads : reads) : isStaff(actor) ? staffSnapshots : snapshots;
  // A person who keeps sending far past their limit (a script, not a phone's outbox, which
  // waits after a refusal) is cut off and shut out for a while: even refusing them costs the
  // room's other phones time.
  const refusals = createLimiter(
    { points, seconds, keyPrefix: "person-refusals", blockSeconds: options.floodBlockSeconds ?? 60 },
    options.redis,
  );
  const shutOut = async (key: string) => {
    const res = await refusals.get(key).catch(() => null);
    return !!res && res.consumedPoints > points && res.msBeforeNext > 0;
  };
  // One person's open screens on this process. A person has a few (phone, laptop, a tab or two, the
  // projector); a script holding thousands would make every room message cost thousands of writes.
  const openScreens = new Map<string, number>();
  const screensCap = options.screensPerPerson ?? screensPerPerson;
  let draining = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;

  const presenceUpdates = createCoalescer<true>({
    intervalMs: options.presenceIntervalMs ?? fanoutPolicy.presenceIntervalMs,
    merge: () => true,
    flush: async (eventId) => {
      io.to(rooms.event(eventId)).emit("presence:updated", await presence.counts(eventId));
      metrics?.fanoutBatches.inc({ kind: "presence" });
    },
    onError: (e) => log("presence broadcast failed", e),
  });

  // A room of hundreds voting at once gets one tally per round per interval, not one per dot.
  const tallyUpdates = createCoalescer<string>({
    intervalMs: options.tallyIntervalMs ?? fanoutPolicy.tallyIntervalMs,
    merge: (_previous, room) => room,
    flush: async (roundId, room) => {
      const tally = await tallyNow(db.read, roundId);
      if (tally) io.to(room).emit("vote:tallied", { ...tally, room });
      metrics?.fanoutBatches.inc({ kind: "tally" });
    },
    onError: (e) => log("tally broadcast failed", e),
  });

  // A room applauding gets each team's cheer counts once per interval, not a message per tap to every screen.
  const cheerCounts = createCoalescer<{ eventId: string; room: string }>({
    intervalMs: options.cheerIntervalMs ?? fanoutPolicy.cheerIntervalMs,
    merge: (_previous, next) => next,
    flush: async (teamId, { eventId, room }) => {
      const counts = (await reactionCounts(db.read, eventId, teamId))[teamId] ?? {};
      io.to(room).emit("presentation:reacted", { room, teamId, counts });
      metrics?.fanoutBatches.inc({ kind: "cheers" });
    },
    onError: (e) => log("cheer count broadcast failed", e),
  });

  // Every board's note count, for the event's board lists: absolute, batched per board like presence.
  const noteCounts = createCoalescer<true>({
    intervalMs: options.presenceIntervalMs ?? fanoutPolicy.presenceIntervalMs,
    merge: () => true,
    flush: async (boardId) => {
      const [row] = await db.read
        .select({ eventId: boards.eventId, notes: count(notes.id) })
        .from(boards)
        .leftJoin(notes, eq(notes.boardId, boards.id))
        .where(eq(boards.id, boardId))
        .groupBy(boards.id);
      if (row) io.to(rooms.event(row.eventId)).emit("board:counted", { boardId, notes: row.notes });
    },
    onError: (e) => log("note count broadcast failed", e),
  });

  // The organisers' review is drawn from nearly everything an event records: its staff screens are
  // told that something changed, at most once an interval per event, however busy the room.
  const recordNews = createCoalescer<true>({
    intervalMs: fanoutPolicy.recordIntervalMs,
    merge: () => true,
    flush: (eventId) => void io.to(rooms.staff(eventId)).emit("event:record-changed", {}),
    onError: (e) => log("record news failed", e),
  });

  // The audit page follows what staff did with personal data: told at most once an interval per
  // event (the console asks for the people list, and so adds to the record, whenever the room's people change).
  const auditNews = createCoalescer<true>({
    intervalMs: fanoutPolicy.recordIntervalMs,
    merge: () => true,
    flush: (eventId) => void io.to(rooms.staff(eventId)).emit("event:audited", {}),
    onError: (e) => log("audit news failed", e),
  });
  /** Staff's use of personal data was recorded in the event's audit log (lib/privacy/audit.ts). */
  function audited(eventId: string) {
    auditNews.add(eventId, true);
    noteChange(eventId, { kind: "news" });
  }

  // When each kind of change was last told to an event's screens: a page drawn before one and
  // connected after it was told nothing (./missed-changes.ts). Other processes are told too, news
  // at most once a margin's fraction per event: a page counts news that far back anyway.
  const changes = new ChangeClock();
  const newsSharedAt = new Map<string, number>();
  io.on("change:noted", (eventId, change, at) => changes.note(eventId, change, at));
  const ownNews = new OwnNewsClock();
  io.on("own:noted", (participantId, news, at) => ownNews.note(participantId, news, at));
  /** Tells a participant's own sockets `news` (here and, through the adapter, everywhere), and notes it for their pages not yet connected. */
  function tellOwn(participantId: string, news: OwnNews, data: object) {
    const at = Date.now();
    ownNews.note(participantId, news, at);
    if (options.redis) io.serverSideEmit("own:noted", participantId, news, at);
    io.to(participantRoom(participantId)).emit(news, data as never);
  }
  function noteChange(eventId: string, change: ChangeKind) {
    const at = Date.now();
    changes.note(eventId, change, at);
    if (!options.redis) return;
    if (change.kind === "news") {
      if (at - (newsSharedAt.get(eventId) ?? 0) < drawnMarginMs / 10) return;
      newsSharedAt.set(eventId, at);
    }
    io.serverSideEmit("change:noted", eventId, change, at);
  }

  const emitBroadcasts = (broadcasts: SequencedBroadcast[]) => {
    if (broadcasts.length > 0) metrics?.broadcasts.inc(broadcasts.length);
    for (const b of broadcasts) {
      io.to(b.room).emit(b.event, { room: b.room, seq: b.seq, data: b.data } as never);
      if (b.event === "note:created" || b.event === "note:deleted") noteCounts.add(b.room.slice("board:".length), true);
      // Dots given back change the round's counts: its tally goes out again, batched as a vote's.
      else if (b.event === "vote:dots-returned") {
        const { roundId } = b.data as { roundId: string };
        tallyUpdates.add(roundId, b.room);
      }
    }
  };

  /**
   * One command from one person, whoever carried it (a socket, or a form posted to a server action
   * without JavaScript): the same rate limits, the same executeCommand, the same command record and
   * metrics, then the same fan-out (broadcasts, the record's news, erased files, access taken away,
   * tallies). `reply` gets the ack before anything is broadcast.
   */
  async function runCommand(
    actor: Actor,
    name: CommandName,
    envelope: unknown,
    via: {
      reply: (ack: Ack<unknown>) => void;
      held?: HeldIdentity;
      join?: (room: string) => void;
      socketId?: string;
      ending?: () => AccessEndedReason | undefined;
      onAccessEnded?: (why: Revoked) => void;
    },
  ): Promise<void> {
    const reply = via.reply;
    // A person's screens but the one that sent the command, which has the news in its answer.
    const othersOf = (eventId: string, key: string) => {
      const theirs = io.to(personRoom(eventId, key));
      return via.socketId ? theirs.except(via.socketId) : theirs;
    };
    const started = performance.now();
    const record = (outcome: string) => {
      const seconds = (performance.now() - started) / 1000;
      metrics?.commands.inc({ command: name, outcome });
      metrics?.commandSeconds.observe({ command: name }, seconds);
      // Applied commands are the hot path: at debug, off in production unless asked for.
      // A failure ("internal") was already logged at error, with its stack, by onError.
      if (outcome === "internal") return;
      const level = outcome === "ok" || outcome === "duplicate" ? "debug" : "info";
      if (!logger?.isLevelEnabled(level)) return;
      logger[level](
        {
          command: name,
          commandId: commandIdOf(envelope),
          eventId: actor.eventId,
          actor: actorKey(actor),
          role: actor.role,
          socketId: via.socketId,
          outcome,
          durationMs: Math.round(seconds * 10_000) / 10,
        },
        outcome === "ok" || outcome === "duplicate" ? "command" : "command refused",
      );
    };
    const restarting = () => {
      record("draining");
      reply({ ok: false, error: { code: "internal", message: "The server is restarting. It will be retried." } });
    };
    if (draining) return restarting();
    const key = actorKey(actor);
    /** Past a limit: refused, and counted towards being cut off as a flood. */
    const refuseAsFlood = async () => {
      record("rate_limited");
      reply({
        ok: false,
        error: {
          code: "rate_limited",
          message:
            name === "note:create"
              ? "That's a lot of notes very quickly. Yours will be added in a moment."
              : "Slow down a little and try again.",
        },
      });
      await refusals.consume(key).catch(() => {
        log(`cut off a flooding person (${key})`);
        endAccess([{ kind: "person", eventId: actor.eventId, key }], "flood");
      });
    };
    try {
      // Cheers have a pace of their own: a person applauding keeps what their notes need.
      await (name === "presentation:react" ? cheerPace : isStaff(actor) ? staffLimiter : limiter).consume(key);
      if (name === "note:create") await noteLimiter.consume(key);
    } catch {
      return refuseAsFlood();
    }
    if (name === "note:create" && !isStaff(actor)) {
      // The whole room's allowance: past it, this note waits (the phone keeps it and sends it
      // again), and its writer is not counted as a flood: they may be anyone in a busy room.
      const roomy = await eventNoteLimiter.consume(actor.eventId).then(
        () => true,
        () => false,
      );
      if (!roomy) {
        record("rate_limited");
        return reply({
          ok: false,
          error: { code: "rate_limited", message: "The boards are very busy right now. Your note will be added in a moment." },
        });
      }
    }
    const roomBudget = roomBudgetFor(actor, name);
    // What all the event's participants' writes may cost the room (lib/rate-limit/room-writes.ts):
    // past it a write waits a window, then is refused as busy, and, as a held-back note, is no flood.
    const roomWrite = roomBudget ? await roomWrites.admit(roomBudget, actor.eventId, name, key) : null;
    if (roomBudget && roomWrite) {
      metrics?.roomWrites.inc({ budget: roomBudget, admitted: roomWrite.admitted });
      if (roomWrite.admitted === "refused") {
        record("rate_limited");
        // Held back at their own share, a person is told it is their pace, not everyone's.
        const message =
          roomWrite.spent === "person"
            ? "You've sent a lot in a short time: wait a moment, then try again."
            : "The room is very busy: try again in a moment.";
        return reply({ ok: false, error: { code: "rate_limited", message } });
      }
      // It may have waited while the server began to stop.
      if (draining) return restarting();
    }
    const ending = via.ending?.();
    if (ending) return reply({ ok: false, error: { code: "unauthenticated", message: accessEndedMessage[ending] } });
    inFlight++;
    try {
      const onError = (error: unknown) => {
        if (logger) {
          logger.error(
            { err: error, command: name, commandId: commandIdOf(envelope), eventId: actor.eventId, actor: actorKey(actor) },
            "command failed",
          );
        } else log(`command ${name} failed`, error);
      };
      const execute = () => executeCommand({ db, handlers, join: via.join, onError, held: via.held }, actor, name, envelope);
      let run: Awaited<ReturnType<typeof execute>>;
      const kind = weightedRead(name);
      if (kind) {
        // Paid in what it serves, one at a time per person: a loop of big reads waits its turn, a
        // flood of them is refused; past the event's budget (a participant's), it waits a window, then is refused as busy.
        const paid: ReadOutcome<Awaited<ReturnType<typeof execute>>> = await budgetFor(actor, kind).run(
          key,
          execute,
          (r) => readCost(name, r.ack),
          { key: actor.eventId, read: name },
        );
        metrics?.readAdmissions.inc({ budget: kind, admitted: "refused" in paid ? paid.refused : paid.admitted });
        if ("refused" in paid) {
          if (paid.refused === "line") return refuseAsFlood();
          record("rate_limited");
          return reply({
            ok: false,
            error: {
              code: "rate_limited",
              message: "Lots of screens are reloading at once. This screen will try again by itself in a moment.",
            },
          });
        }
        run = paid.value;
      } else run = await execute();
      reply(run.ack);
      if (run.accessEnded) {
        via.onAccessEnded?.(run.accessEnded);
        return;
      }
      record(run.ack.ok ? (run.ack.duplicate ? "duplicate" : "ok") : run.ack.error.code);
      emitBroadcasts(run.broadcasts);
      if (roomWrite) void roomWrite.settle(fanoutCost(run.broadcasts, listeners));
      if (run.ack.ok && !run.ack.duplicate && handlers[name].kind === "write") {
        recordNews.add(actor.eventId, true);
        noteChange(actor.eventId, { kind: "news" });
      }
      for (const key of run.removedFiles ?? []) {
        fileStorage()
          .remove(key)
          .catch((e) => log("removing an erased file failed", e));
      }
      if (run.revocations?.length) endAccess(run.revocations, name === "event:leave" ? "left" : "removed");
      for (const signal of run.signals ?? []) {
        if (signal.kind === "tally") tallyUpdates.add(signal.roundId, signal.room);
        else if (signal.kind === "cheers") cheerCounts.add(signal.teamId, signal);
        else if (signal.kind === "renamed") tellOwn(signal.participantId, "profile:renamed", {});
        else if (signal.kind === "profile-saved") tellOwn(signal.participantId, "profile:changed", {});
        else if (signal.kind === "audited") audited(signal.eventId);
        else if (signal.kind === "own-dots") {
          const { boardId, roundId, mine } = signal;
          const theirs = signal.notToSender
            ? othersOf(signal.eventId, signal.voterKey)
            : io.to(personRoom(signal.eventId, signal.voterKey));
          theirs.emit("vote:yours", { boardId, roundId, mine });
        } else if (signal.kind === "own-scores") {
          // The screen that scored has them in its answer.
          const { teamId, scores } = signal;
          othersOf(signal.eventId, signal.judgeKey).emit("judge:yours", { teamId, scores });
        } else {
          // The screen that sent it has the author's copy in its answer.
          othersOf(signal.eventId, signal.authorKey).emit("note:yours", { note: signal.note });
        }
      }
    } finally {
      inFlight--;
      if (inFlight === 0) drained?.();
    }
  }

  // A page built for another version of the contract reloads instead of replaying commands
  // this server reads differently. A client that sends no version predates versions: 1.
  io.use((socket, next) => {
    const sent = (socket.handshake.auth as { contractVersion?: unknown } | undefined)?.contractVersion ?? 1;
    if (sent === contractVersion) return next();
    const locale = socketLocale({
      cookies: parseCookieHeader(socket.handshake.headers.cookie),
      acceptLanguage: socket.handshake.headers["accept-language"],
    });
    const reason = localise("Made In was updated: reload the page.", locale);
    next(Object.assign(new Error("outdated"), { data: { reason, contractVersion } }));
  });

  io.use(async (socket, next) => {
    try {
      // A recovered socket arrives with the rooms and data of the connection it continues.
      const restored = socket.recovered ? (socket.data as Partial<SocketData>) : null;
      const auth = handshakeSchema.safeParse(socket.handshake.auth);
      if (!auth.success) return next(new Error("unauthenticated"));
      const cookies = parseCookieHeader(socket.handshake.headers.cookie);
      // Said in the language its page reads (no person yet to ask for theirs).
      const refusal = (code: string, why: AccessEndedReason) => {
        const locale = socketLocale({ cookies, acceptLanguage: socket.handshake.headers["accept-language"] });
        return Object.assign(new Error(code), { data: { message: localise(accessEndedMessage[why], locale) } });
      };
      const heldOut = (why: HeldOut) => refusal(why, why);
      const actor = await resolveActor(db.read, auth.data.eventId, cookies, options.secret);
      if (!actor) {
        // Someone whose event was taken back to draft is told so, and keeps trying until it opens.
        const why = await heldOutOf(db.read, auth.data.eventId, cookies, options.secret);
        return next(why ? heldOut(why) : new Error("unauthenticated"));
      }
      const session = cookies.get(accountSessionCookie);
      const device =
        actor.kind === "participant"
          ? (readParticipantCookie(cookies.get(participantCookieName(actor.eventId)), options.secret)?.deviceId ?? null)
          : null;
      const held: HeldIdentity = {
        actor,
        sessionHash: actor.kind === "staff" && session ? hashToken(session) : null,
        deviceId: device,
      };
      // e.g. a participant of an archived event: the cookie still resolves, the event has finished.
      const revoked = (await revokedAmong(db.read, [held])).get(held);
      if (revoked) return next(revoked === "ended" || revoked === "removed" ? new Error("unauthenticated") : heldOut(revoked));
      if (auth.data.person !== undefined && auth.data.person !== personTag(actor)) return next(new Error("someone-else"));
      // Told why, in their language; the page tries again by itself until the pause is over.
      if (await shutOut(actorKey(actor))) return next(refusal("rate_limited", "flood"));
      if (restored && !sameHolder(restored, held)) startAfresh(socket);
      socket.data.actor = actor;
      socket.data.sessionHash = held.sessionHash;
      socket.data.deviceId = device;
      socket.data.drawnAt = auth.data.drawnAt ?? (auth.data.awayMs === undefined ? undefined : Date.now() - auth.data.awayMs);
      const languages = await storedLanguages(db, actor);
      socket.data.followLanguage = languageToFollow(cookies, languages.stored);
      socket.data.speaksEventLanguage = auth.data.speaks === "event";
      socket.data.locale = socket.data.speaksEventLanguage
        ? (knownLocale(languages.eventLanguage) ?? defaultLocale)
        : socketLocale({ cookies, acceptLanguage: socket.handshake.headers["accept-language"], ...languages });
      // Counted and reserved with no wait in between, so handshakes at once cannot all slip under it.
      const person = actorKey(actor);
      const open = openScreens.get(person) ?? 0;
      if (open >= screensCap) return next(new Error("too_many_screens"));
      openScreens.set(person, open + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const left = (openScreens.get(person) ?? 1) - 1;
        if (left > 0) openScreens.set(person, left);
        else openScreens.delete(person);
      };
      socket.once("disconnect", release);
      socket.conn.once("close", release);
      next();
    } catch (error) {
      log("handshake failed", error);
      next(new Error("internal"));
    }
  });

  io.on("connection", (socket: RealtimeSocket) => {
    const actor = socket.data.actor;
    // Rooms are the server's choice, from the identity it resolved, never the client's.
    socket.join(rooms.event(actor.eventId));
    if (isStaff(actor)) socket.join(rooms.staff(actor.eventId));
    // Rooms that only ever receive a disconnect: how access taken away reaches every socket.
    for (const room of identityRooms(actor, socket.data.sessionHash, socket.data.deviceId)) socket.join(room);
    if (socket.data.followLanguage) socket.emit("language:chosen", { language: socket.data.followLanguage });
    // A recovered connection is sent what it missed by socket.io itself.
    const drawnAt = socket.data.drawnAt !== undefined && !socket.recovered ? socket.data.drawnAt : null;
    const own = drawnAt !== null && actor.kind === "participant" ? ownNews.since(actor.participantId, drawnAt) : [];
    const missed =
      drawnAt === null
        ? null
        : (changes.since(actor.eventId, drawnAt) ??
          (own.length > 0 ? { details: [], languages: false, briefs: [], news: false, own: [] } : null));
    if (missed) {
      missed.own = own;
      if (!isStaff(actor)) missed.details = missed.details.filter((what) => !staffOnlyDetails.has(what));
      socket.emit("page:missed-changes", missed);
    }
    // A recovered connection (same id, rooms restored by socket.io) keeps the board it was on.
    const boardRoom = [...socket.rooms].find((r) => r.startsWith("board:")) ?? null;
    presence
      .enter({ socketId: socket.id, eventId: actor.eventId, personKey: actorKey(actor), role: actor.role, room: boardRoom })
      .then(() => presenceUpdates.add(actor.eventId, true))
      .catch((e) => log("presence enter failed", e));

    for (const name of commandNames) {
      socket.on(name, async (envelope: unknown, ack: unknown) => {
        const answer = typeof ack === "function" ? (ack as (a: Ack<unknown>) => void) : () => {};
        const join = (room: string) => {
          socket.join(room);
          if (room.startsWith("board:")) {
            presence
              .moveTo(socket.id, room)
              .then(() => presenceUpdates.add(actor.eventId, true))
              .catch((e) => log("presence move failed", e));
          }
        };
        await runCommand(actor, name as CommandName, envelope, {
          // Every reply leaves here: its message said in the socket's language, read when it leaves.
          reply: (a) => answer(localiseAck(a, socket.data.locale)),
          // `held`: checked again on every command, inside a write's own transaction, so access
          // taken away a moment ago is gone now.
          held: socket.data,
          join,
          socketId: socket.id,
          ending: () => socket.data.ending,
          onAccessEnded: (why) => endSocket(socket, why),
        });
      });
    }

    socket.on("disconnect", () => {
      presence
        .leave(socket.id)
        .then(() => presenceUpdates.add(actor.eventId, true))
        .catch((e) => log("presence leave failed", e));
    });
  });

  /**
   * Out of every room at once (no more broadcasts), told why, then disconnected: socket.io
   * clients don't reconnect after that. With connection-state recovery even a direct emit goes
   * through the adapter (asynchronously, on Redis), so the disconnect waits for the client's
   * ack of the message, or half a second; meanwhile its commands are refused anyway.
   */
  function endSocket(socket: RealtimeSocket, reason: AccessEndedReason) {
    if (!socket.connected || socket.data.ending) return;
    socket.data.ending = reason;
    for (const room of [...socket.rooms]) if (room !== socket.id) socket.leave(room);
    const message = localise(accessEndedMessage[reason], socket.data.locale);
    socket.timeout(500).emit("access:ended", { reason, message }, () => socket.disconnect(true));
  }

  /** This process's sockets in these identity rooms: each told why, then disconnected. */
  function endLocal(identity: string[], reason: AccessEndedReason) {
    for (const room of identity) {
      for (const id of io.sockets.adapter.rooms.get(room) ?? []) {
        const socket = io.sockets.sockets.get(id);
        if (socket) endSocket(socket, reason);
      }
    }
  }
  // Not a room broadcast + disconnectSockets: through the Redis streams adapter those two can
  // arrive in either order, and a socket closed first never hears why.
  io.on("access:revoke", (identity, reason) => endLocal(identity, reason));

  /** This process's sockets of a participant: their replies speak the language they just chose. */
  function speakLocal(room: string, language: string) {
    const code = knownLocale(language);
    if (!code) return;
    for (const id of io.sockets.adapter.rooms.get(room) ?? []) {
      const socket = io.sockets.sockets.get(id);
      // A big screen keeps the event's language when its organiser picks another for themselves.
      if (socket && !socket.data.speaksEventLanguage) socket.data.locale = code;
    }
  }
  io.on("language:chosen", (room, language) => speakLocal(room, language));
  /** This process's big screens of an event: their replies speak its new language. */
  function speakEventLocal(eventId: string, language: string) {
    const code = knownLocale(language);
    if (!code) return;
    for (const id of io.sockets.adapter.rooms.get(rooms.event(eventId)) ?? []) {
      const socket = io.sockets.sockets.get(id);
      if (socket?.data.speaksEventLanguage) socket.data.locale = code;
    }
  }
  io.on("event:language", (eventId, language) => speakEventLocal(eventId, language));
  /** Their sockets here and on other processes speak `language` from now on, and their pages switch. */
  function tellLanguage(room: string, language: string) {
    speakLocal(room, language);
    if (options.redis) io.serverSideEmit("language:chosen", room, language);
    io.to(room).emit("language:chosen", { language });
  }

  /** Every socket holding this access, here now and on every other process through the adapter. */
  function endAccess(revocations: (Revocation | { kind: "person"; eventId: string; key: string })[], reason: AccessEndedReason) {
    const identity = revocations.map(revocationRoom);
    endLocal(identity, reason);
    if (options.redis) io.serverSideEmit("access:revoke", identity, reason);
  }

  // The backstop for every other way access ends (sign-out, expiry, a new password, removal
  // from the staff, an archived event, a change straight in the database): this process's
  // sockets are checked again, in one batch, a few times a second.
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping || draining) return;
    const open = [...io.sockets.sockets.values()].filter((s) => s.data.actor);
    if (open.length === 0) return;
    sweeping = true;
    revokedAmong(
      db.read,
      // The device too: a phone signed out by any path (even straight in the database) is let go.
      open.map((socket) => ({
        actor: socket.data.actor,
        sessionHash: socket.data.sessionHash,
        deviceId: socket.data.deviceId,
        socket,
      })),
    )
      .then((revoked) => {
        for (const [r, why] of revoked) endSocket(r.socket, why);
      })
      .catch((e) => log("revalidating sockets failed", e))
      .finally(() => {
        sweeping = false;
      });
  }, options.revalidateIntervalMs ?? 400);
  sweep.unref();

  // Rounds with a time limit end by themselves, announced by whichever process notices first.
  const roundClock = setInterval(() => {
    closeExpiredRounds(db)
      .then(async (closed) => {
        emitBroadcasts(closed);
        const boardIds = new Set<string>();
        for (const b of closed) {
          if (b.event === "vote:round-changed") {
            tallyUpdates.add(b.data.round.id, b.room);
            boardIds.add(b.data.round.boardId);
          }
        }
        if (boardIds.size === 0) return;
        const closedIn = await db.read
          .select({ eventId: boards.eventId })
          .from(boards)
          .where(inArray(boards.id, [...boardIds]));
        for (const { eventId } of closedIn) recordNews.add(eventId, true);
      })
      .catch((e) => log("closing expired votes failed", e));
  }, 1000);
  roundClock.unref();

  const heartbeat = setInterval(() => {
    presence
      .heartbeat()
      .then((changed) => {
        for (const eventId of changed) presenceUpdates.add(eventId, true);
      })
      .catch((e) => log("presence heartbeat failed", e));
  }, presenceHeartbeatMs);
  heartbeat.unref();

  // The command log keeps retries' answers for a day, and what they broadcast for a minute (lib/realtime/command-log.ts).
  const commandLogPrune = setInterval(() => {
    pruneCommandLog(db).catch((e) => log("pruning the command log failed", e));
  }, commandLogPruneEveryMs);
  commandLogPrune.unref();
  // Records to scrub after an erasure, a rename or notes gone for good, a chunk per transaction
  // (lib/realtime/command-log-scrub-worker.ts). One walk at a time in this process.
  let scrubbing = false;
  const commandLogScrub = setInterval(() => {
    if (scrubbing) return;
    scrubbing = true;
    runCommandLogScrubs(db)
      .catch((e) => log("scrubbing the command log failed", e))
      .finally(() => {
        scrubbing = false;
      });
  }, scrubEveryMs);
  commandLogScrub.unref();
  const deletedNotesPrune = setInterval(() => {
    pruneDeletedNotes(db).catch((e) => log("pruning deleted notes failed", e));
  }, undoKeptMs);
  deletedNotesPrune.unref();
  // A sweep's rows are gone once it returns; their files follow, each on its own (one that fails is logged, not retried).
  const removeFiles = (keys: readonly string[], failure: string) => {
    for (const key of keys) {
      fileStorage()
        .remove(key)
        .catch((e) => log(failure, e));
    }
  };
  // The unsigned notes of people who left, each at its own moment (lib/notes/erase-later.ts).
  const eraseLater = setInterval(() => {
    if (draining) return;
    eraseDueNotes(db)
      .then((erased) => {
        emitBroadcasts(erased.broadcasts);
        for (const eventId of erased.eventIds) {
          recordNews.add(eventId, true);
          noteChange(eventId, { kind: "news" });
        }
        removeFiles(erased.removedFiles, "removing an erased file failed");
      })
      .catch((e) => log("erasing the notes of people who left failed", e));
  }, eraseLaterSweepMs);
  eraseLater.unref();
  // Photos uploaded for a note that never came (lib/files/stray-uploads.ts).
  const strayPhotos = setInterval(() => {
    if (draining) return;
    sweepStrayPhotos(db)
      .then((keys) => removeFiles(keys, "removing a stray photo failed"))
      .catch((e) => log("sweeping stray photos failed", e));
  }, strayPhotoSweepMs);
  strayPhotos.unref();

  return {
    io,
    /** For server-side code outside a command (e.g. a page's server action) that changed a room. */
    emitBroadcasts: (broadcasts: SequencedBroadcast[]) => {
      emitBroadcasts(broadcasts);
      for (const eventId of new Set(broadcasts.map((b) => eventOfRoom(b.room)))) {
        if (eventId) noteChange(eventId, { kind: "news" });
      }
    },
    /**
     * A command from a form posted to a server action (without JavaScript, before hydration): run
     * exactly as if its sender's socket had sent it (lib/forms/command-form.ts), answered with the ack.
     */
    command: <N extends CommandName>(actor: Actor, name: N, envelope: unknown) =>
      new Promise<Ack<CommandResults[N]>>((resolve) => {
        // The page resolved a participant from their cookie, which holds in a finished event too
        // (they may still leave, and take their data): their command is checked in its own
        // transaction as a socket's is, so a finished event refuses all but their own-data commands.
        const held: HeldIdentity | undefined =
          actor.kind === "participant" ? { actor, sessionHash: null, deviceId: null } : undefined;
        runCommand(actor, name, envelope, { reply: (a) => resolve(a as Ack<CommandResults[N]>), held }).catch((error) => {
          log(`command ${name} failed`, error);
          resolve({ ok: false, error: { code: "internal", message: "Something went wrong on our side. It will be retried." } });
        });
      }),
    /**
     * For server-side code that took access away (sign-out, removal from the staff, a new
     * password, archiving): disconnects those sockets everywhere now, not at the next sweep.
     */
    revoke: (revocations: Revocation[], reason: AccessEndedReason = "ended") => endAccess(revocations, reason),
    /** Tells a participant's open devices that another device just signed in as them. */
    deviceSignedIn: (participantId: string, label: string) => tellOwn(participantId, "device:signed-in", { label }),
    /** Tells a participant's open devices that one of theirs was signed out (their device lists follow). */
    devicesChanged: (participantId: string) => tellOwn(participantId, "devices:changed", {}),
    /** Tells a participant's open devices the language they just chose on one of them. */
    languageChosen: (participantId: string, language: string) => tellLanguage(participantRoom(participantId), language),
    /** Tells a staff member's open consoles (on any event) the language they just chose. */
    accountLanguageChosen: (accountId: string, language: string) => tellLanguage(accountRoom(accountId), language),
    /** Tells every screen of an event that its languages changed (through the adapter, every process's). */
    eventLanguagesChanged: (eventId: string, language: string) => {
      noteChange(eventId, { kind: "languages" });
      speakEventLocal(eventId, language);
      if (options.redis) io.serverSideEmit("event:language", eventId, language);
      io.to(rooms.event(eventId)).emit("event:languages-changed", { language });
    },
    /** Tells every open screen of an event that the organisers changed what its pages were drawn with. */
    eventDetailsChanged: (eventId: string, what: EventDetail) => {
      noteChange(eventId, { kind: "details", what });
      io.to(staffOnlyDetails.has(what) ? rooms.staff(eventId) : rooms.event(eventId)).emit("event:details-changed", { what });
    },
    /** For server-side code outside a command that changed what the event records (a project's check-in): its review follows. */
    recordChanged: (eventId: string) => {
      noteChange(eventId, { kind: "news" });
      recordNews.add(eventId, true);
    },
    /** For server-side code outside a command that recorded staff's use of personal data: the audit page follows. */
    audited,
    /** Tells every open screen of an event that a team reframed this brief. */
    briefReframed: (eventId: string, briefId: string) => {
      noteChange(eventId, { kind: "brief", briefId });
      io.to(rooms.event(eventId)).emit("brief:reframed", { briefId });
    },
    /** Stops taking commands, waits for those in flight (bounded), then closes every socket. */
    async close(timeoutMs = 4000) {
      draining = true;
      clearInterval(heartbeat);
      clearInterval(sweep);
      clearInterval(roundClock);
      clearInterval(commandLogPrune);
      clearInterval(commandLogScrub);
      clearInterval(deletedNotesPrune);
      clearInterval(eraseLater);
      clearInterval(strayPhotos);
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => {
            drained = resolve;
          }),
          new Promise((resolve) => setTimeout(resolve, timeoutMs)),
        ]);
      }
      presenceUpdates.flushAll();
      tallyUpdates.flushAll();
      cheerCounts.flushAll();
      noteCounts.flushAll();
      recordNews.flushAll();
      auditNews.flushAll();
      // The other processes' screens stop counting this process's phones now, not after the TTL.
      const left = await presence.forgetProcess().catch((e) => {
        log("presence cleanup failed", e);
        return [] as string[];
      });
      for (const eventId of left) {
        const counts = await presence.counts(eventId).catch((e) => log("presence broadcast failed", e));
        if (counts) io.to(rooms.event(eventId)).emit("presence:updated", counts);
      }
      // The acks and broadcasts of the commands just finished can still sit in a connection's
      // write buffer (libSQL runs synchronously, so nothing has yielded to I/O yet), and
      // io.close() discards those buffers. Closing each connection first flushes it; clients
      // see a transport close, so they reconnect and retry rather than give up.
      await Promise.race([
        Promise.all(
          [...io.sockets.sockets.values()].map(
            ({ conn }) =>
              new Promise<void>((resolve) => {
                if (conn.readyState === "closed") return resolve();
                conn.once("close", () => resolve());
                conn.close();
              }),
          ),
        ),
        new Promise((resolve) => setTimeout(resolve, 1000).unref()),
      ]);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

export type Realtime = ReturnType<typeof createRealtime>;

type RecoverableAdapter = { restoreSession(pid: string, offset: string): Promise<{ data?: unknown } | null> };

/**
 * socket.io's connection-state recovery sends a returning connection the broadcasts it missed
 * before any middleware runs (socket.io 4.8, `Socket`'s constructor). So a session is restored only
 * while the identity it held still holds: someone removed, signed out or gone while offline gets
 * nothing from it, and goes through the handshake like a new connection.
 */
function guardRecovery(io: Server, db: Database) {
  const adapter = io.of("/").adapter as unknown as RecoverableAdapter;
  const restore = adapter.restoreSession.bind(adapter);
  adapter.restoreSession = async (pid, offset) => {
    const session = await restore(pid, offset);
    const data = session?.data as Partial<SocketData> | undefined;
    if (!session || !data?.actor) return null;
    const held: HeldIdentity = { actor: data.actor, sessionHash: data.sessionHash ?? null, deviceId: data.deviceId ?? null };
    return (await revokedAmong(db.read, [held])).size > 0 ? null : session;
  };
}

/** Whether a restored connection is held by the same identity its handshake resolves now. */
function sameHolder(restored: Partial<SocketData>, held: HeldIdentity): boolean {
  const before = restored.actor;
  return (
    before !== undefined &&
    actorKey(before) === actorKey(held.actor) &&
    before.eventId === held.actor.eventId &&
    before.role === held.actor.role &&
    (restored.sessionHash ?? null) === held.sessionHash &&
    (restored.deviceId ?? null) === (held.deviceId ?? null)
  );
}

/**
 * Another identity on a restored connection (other cookies, another event): none of the old
 * rooms are its, so it leaves them, and a new private session id tells its client that nothing
 * was recovered (it reads its snapshots again).
 */
function startAfresh(socket: RealtimeSocket) {
  for (const room of [...socket.rooms]) if (room !== socket.id) socket.leave(room);
  const fresh = socket as unknown as { recovered: boolean; pid: string };
  fresh.recovered = false;
  fresh.pid = randomBytes(16).toString("base64url");
}
