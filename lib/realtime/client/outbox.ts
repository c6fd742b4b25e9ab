import type { CommandError, CommandName } from "../contract";

export type PendingCommand = {
  id: string;
  name: CommandName;
  payload: unknown;
  createdAt: number;
  /** The contract version it was written under (absent: before versions were recorded, i.e. 1). */
  version?: number;
  /** Set when the server refused it for good; kept so the person can see and copy what they typed. */
  error?: CommandError;
  /** Why it is still waiting, when the server said "not yet" (e.g. a lot of notes very quickly). */
  waiting?: string;
  /** Its screen says a refusal at once (a wall's move, a vote's control): refused, it is not kept. */
  dropIfRefused?: boolean;
};

/**
 * Why a command kept across an update of the contract was not sent (it no longer parses). Kept
 * in the outbox in English, as the id of the message: a page says it in the reader's language
 * with `useOutboxText` (./outbox-text.ts, messages/<language>/live.json `sync`).
 */
export const updatedMessage = "Made In was updated while this was waiting, and it can't be sent any more. Copy it and try again.";

/** Why a command that waited on the phone for too long was not sent; said like `updatedMessage`. */
export const tooOldMessage =
  "This waited on your phone for more than a day without a connection, so it wasn't sent. Copy it if you still need it.";

type KeyValueStore = Pick<Storage, "getItem" | "setItem">;

/**
 * Commands not yet acknowledged, persisted so a reload or a dead battery on flaky Wi-Fi loses
 * nothing. Order is kept: they are resent oldest first. One outbox holds one person's commands
 * (its key names them, lib/realtime/client/kept.ts): a queue is only ever sent as its writer.
 */
export class Outbox {
  private items: PendingCommand[];
  private forgotten = false;

  constructor(
    private readonly store: KeyValueStore | null,
    private readonly key: string,
  ) {
    this.items = this.load();
  }

  private load(): PendingCommand[] {
    try {
      const raw = this.store?.getItem(this.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed)
        ? parsed.filter((c): c is PendingCommand => typeof c?.id === "string" && typeof c?.name === "string")
        : [];
    } catch {
      return [];
    }
  }

  private save() {
    if (this.forgotten) return;
    try {
      this.store?.setItem(this.key, JSON.stringify(this.items));
    } catch {
      // storage full or blocked (private mode): the in-memory copy still works this visit
    }
  }

  list(): readonly PendingCommand[] {
    return this.items;
  }

  /** Waiting to be sent (not refused). */
  unsent(): PendingCommand[] {
    return this.items.filter((c) => !c.error);
  }

  add(command: PendingCommand) {
    if (this.forgotten || this.items.some((c) => c.id === command.id)) return;
    this.items = [...this.items, command];
    this.save();
  }

  remove(id: string) {
    this.items = this.items.filter((c) => c.id !== id);
    this.save();
  }

  /** Written under another contract version: to be checked against this one before sending. */
  stale(version: number): PendingCommand[] {
    return this.items.filter((c) => !c.error && (c.version ?? 1) !== version);
  }

  /** Marks a command as checked against this contract version (it parses): it is sent as it is. */
  adopt(id: string, version: number) {
    this.items = this.items.map((c) => (c.id === id ? { ...c, version } : c));
    this.save();
  }

  /** The server said "not yet": it stays queued, with the server's words for why. */
  wait(id: string, reason: string) {
    this.items = this.items.map((c) => (c.id === id ? { ...c, waiting: reason } : c));
    this.save();
  }

  /** Its person left: nothing of theirs is sent or kept on this device any more, not even by a late ack. */
  forget() {
    this.forgotten = true;
    this.items = [];
  }

  /** Refused for good: kept with why, for the person to see and copy, unless its screen said why at once. */
  fail(id: string, error: CommandError) {
    if (this.items.some((c) => c.id === id && c.dropIfRefused)) return this.remove(id);
    this.items = this.items.map((c) => (c.id === id ? { ...c, error } : c));
    this.save();
  }
}
