import type { Database, Tx } from "@/db/client";
import type { Actor, Permission } from "@/lib/auth/actor";
import type { CommandName, CommandResults, ParsedPayload, RoomKey, WireNote } from "./contract";
import type { Broadcast } from "./rooms";

/** Typed by room (see rooms.ts): an event sent to a room that does not carry it does not compile. */
export type { Broadcast };

/**
 * Changes the socket layer passes on by itself after the commit, not as a room's sequenced event:
 * - tally: batched per round rather than broadcast dot by dot while a room votes;
 * - cheers: a team's cheer counts, batched per team rather than broadcast tap by tap while a room
 *   applauds ("presentation:reacted");
 * - renamed: the name a participant signs with changed; only their own devices are told
 *   ("profile:renamed"), since the room's copies of their hidden notes carry no name to re-send;
 * - profile-saved: a participant saved their answers, name unchanged; their own devices are told
 *   ("profile:changed"), so a form open there starts from the stored answers;
 * - own-note: the room's copy of a note holds back what its author may read (their tag on an
 *   anonymous board, their words while the board is hidden): their other screens are sent the
 *   author's copy ("note:yours");
 * - audited: staff's use of personal data was recorded (lib/privacy/audit.ts): the event's audit
 *   page, open on an organiser's screen, is told ("event:audited");
 * - own-dots: a voter's dots changed (they cast or took one back on another screen, or an undo of a
 *   delete gave theirs back): their screens are told their dots in that round ("vote:yours");
 *   nobody else learns whose they were;
 * - own-scores: a judge's scores for a team changed: their other screens (a phone and a tablet)
 *   are told them ("judge:yours"); the one that scored has them in its answer.
 */
export type Signal =
  | { kind: "tally"; roundId: string; room: RoomKey<"votes"> }
  | { kind: "cheers"; eventId: string; teamId: string; room: RoomKey<"presentations"> }
  | { kind: "renamed"; participantId: string }
  | { kind: "profile-saved"; participantId: string }
  | { kind: "own-note"; eventId: string; authorKey: string; note: WireNote }
  | { kind: "audited"; eventId: string }
  | {
      kind: "own-dots";
      eventId: string;
      voterKey: string;
      boardId: string;
      roundId: string;
      mine: Record<string, number>;
      /** The screen that sent the command has them in its answer (a tap's own dots): only the voter's others are told. */
      notToSender?: true;
    }
  | { kind: "own-scores"; eventId: string; judgeKey: string; teamId: string; scores: Record<string, number> };

/**
 * Access a command took away (someone left or was removed): the socket layer disconnects every
 * socket holding it, on every process, at once. (A sweep would find them within a second anyway.)
 */
export type Revocation =
  | { kind: "participant"; participantId: string }
  | { kind: "device"; deviceId: string }
  | { kind: "staff"; eventId: string; accountId: string }
  | { kind: "session"; tokenHash: string }
  | { kind: "account"; accountId: string }
  | { kind: "event-participants"; eventId: string };

export type CommandInput<N extends CommandName> = { actor: Actor; payload: ParsedPayload<N>; now: number };

/** A change: applied in one transaction, then broadcast in sequence. */
export type WriteHandler<N extends CommandName> = {
  kind: "write";
  permission: Permission;
  apply(
    tx: Tx,
    input: CommandInput<N>,
  ): Promise<{
    result: CommandResults[N];
    broadcasts: Broadcast[];
    signals?: Signal[];
    revocations?: Revocation[];
    removedFiles?: string[];
  }>;
};

/**
 * A read: answers from the database. A read that subscribes the socket to a room calls `join`
 * after checking access and *before* reading, so no event falls between snapshot and stream.
 */
export type ReadHandler<N extends CommandName> = {
  kind: "read";
  permission: Permission;
  read(
    db: Database,
    input: CommandInput<N>,
    socket: { join(room: string): void },
  ): Promise<{ result: CommandResults[N]; signals?: Signal[] }>;
};

export type Handler<N extends CommandName> = WriteHandler<N> | ReadHandler<N>;
export type HandlerTable = { [N in CommandName]: Handler<N> };
