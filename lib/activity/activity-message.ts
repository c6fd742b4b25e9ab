import type { ActivityMessage, Unsigned, Wall } from "@/lib/realtime/contract";
import { wallLabel } from "@/lib/room/walls";

/**
 * What staff did in the room, said twice: `text` in English, as the log has always kept it (for
 * older rows, server logs and anything that reads the database), and `message`, a key of the
 * "activity" messages with its values, which each screen says in its reader's language. People's
 * own words (a board's title, an announcement, a name) are values, never messages.
 * lib/activity/activity-message.test.ts checks that every message reads in English exactly as `text`.
 */
export type Said = { text: string; message: ActivityMessage };

const said = (text: string, key: string, values?: ActivityMessage["values"]): Said => ({
  text,
  message: values ? { key, values } : { key },
});

/** An announcement in the log: its first 57 characters and an ellipsis when it is long. */
const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** How a wall is named in `room.wallShown`, telling a board we know from one we don't. */
function wallChoice(kind: Wall["kind"], board: string | null): string {
  if (kind === "board" || kind === "votes") return board ? kind : `${kind}Unnamed`;
  return kind;
}

export const says = {
  phaseStarted: (phase: string) => said(`started ${phase}`, "room.phaseStarted", { phase }),
  timerStarted: (clock: string) => said(`started the timer (${clock})`, "room.timerStarted", { clock }),
  timerPaused: (clock: string) => said(`paused the timer at ${clock}`, "room.timerPaused", { clock }),
  /** Whole minutes as "2 min", anything else as "90 s" (kept as written, not as a grouped number). */
  timerExtended: (seconds: number) =>
    seconds % 60 === 0
      ? said(`added ${seconds / 60} min to the timer`, "room.timerExtendedMinutes", { minutes: String(seconds / 60) })
      : said(`added ${seconds} s to the timer`, "room.timerExtendedSeconds", { seconds: String(seconds) }),
  timerReset: (clock: string) => said(`reset the timer to ${clock}`, "room.timerReset", { clock }),
  wallShown: (wall: Pick<Wall, "kind">, board: string | null) =>
    said(`put ${wallLabel(wall, board)} on the big screen`, "room.wallShown", {
      wall: wallChoice(wall.kind, board),
      board: board ?? "",
    }),
  resultsShown: () => said("put the combined results on the big screen", "room.resultsShown"),
  presenterShown: () => said("put the presenter back on the big screen", "room.presenterShown"),
  /** A change made moments after someone else's change of the same thing. */
  replacing: (change: Said, other: { by: string; unsigned?: Unsigned; text: string; message?: ActivityMessage | null }) =>
    said(`${change.text}, replacing ${other.by}'s change (${other.text})`, "room.replacing", {
      change: change.message,
      by: other.unsigned ? { key: `by.${other.unsigned}` } : other.by,
      other: other.message ?? other.text,
    }),

  leadTaken: () => said("took the lead", "lead.taken"),
  leadHanded: (name: string) => said(`handed the lead to ${name}`, "lead.handed", { name }),
  controlsLocked: () => said("locked the room controls (only the lead changes phases and walls)", "lead.locked"),
  controlsUnlocked: () => said("unlocked the room controls", "lead.unlocked"),

  announced: (text: string) => said(`announced “${excerpt(text)}”`, "announcement.made", { text: excerpt(text) }),
  announcementReshown: (text: string) => said(`showed again “${excerpt(text)}”`, "announcement.reshown", { text: excerpt(text) }),
  announcementCleared: (text: string) => said(`cleared “${excerpt(text)}”`, "announcement.cleared", { text: excerpt(text) }),

  /** A vote on a board; a board gone in the meantime is "a board". */
  voteOpened: (board: string | null) => voteSaid("opened a vote", "vote.opened", board),
  voteClosed: (board: string | null) => voteSaid("closed the vote", "vote.closed", board),
  votesRevealed: (board: string | null) => voteSaid("revealed the votes", "vote.revealed", board),
  shortlistMade: (shortlist: string, board: string | null) =>
    voteSaid(`made the shortlist “${shortlist}”`, "vote.shortlisted", board, { shortlist }),

  boardLocked: (board: string) => said(`locked the board “${board}”`, "board.locked", { board }),
  boardUnlocked: (board: string) => said(`unlocked the board “${board}”`, "board.unlocked", { board }),
  notesRevealed: (board: string) => said(`revealed the notes on “${board}”`, "board.notesRevealed", { board }),

  noteHidden: (board: string) => said(`hid a note from the room on “${board}”`, "moderation.noteHidden", { board }),
  noteShownAgain: (board: string) => said(`showed a hidden note again on “${board}”`, "moderation.noteShown", { board }),
  participantRemoved: () => said("removed a participant from the event", "moderation.participantRemoved"),
  /** Whose notes is not said: the log holds no participant's personal data. */
  notesOfParticipantDeleted: (count: number) =>
    said(`deleted every note of a participant (${count} ${count === 1 ? "note" : "notes"})`, "moderation.notesDeleted", {
      count,
    }),

  /** Who was moved is not said, as for a removal: the log holds no participant's personal data. */
  participantMoved: (team: string) => said(`moved a participant to “${team}”`, "team.participantMoved", { team }),
  participantTakenOutOfTeam: () => said("took a participant out of their team", "team.participantTakenOut"),
} satisfies Record<string, (...args: never[]) => Said>;

function voteSaid(what: string, key: string, board: string | null, values: Record<string, string> = {}): Said {
  return said(`${what} on “${board ?? "a board"}”`, board ? key : `${key}Unnamed`, board ? { ...values, board } : values);
}

/** A translator of the "activity" messages: next-intl's `t`, or one made outside React. */
export type ActivityTranslate = ((key: string, values?: Record<string, string | number>) => string) & {
  has?: (key: string) => boolean;
};

function render(t: ActivityTranslate, message: ActivityMessage): string | null {
  if (t.has && !t.has(message.key)) return null;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values ?? {})) {
    if (typeof value !== "object") values[name] = value;
    else {
      const inner = render(t, value);
      if (inner === null) return null;
      values[name] = inner;
    }
  }
  return t(message.key, values);
}

/**
 * What happened, in the reader's language; an entry without a message (written before there were
 * messages, or naming one this version doesn't know) shows its English text.
 */
export function activityText(t: ActivityTranslate, entry: { text: string; message?: ActivityMessage | null }): string {
  return (entry.message && render(t, entry.message)) ?? entry.text;
}

/** Who did it: their name, or "Someone" in the reader's language. */
export function activityBy(t: ActivityTranslate, entry: { by: string; unsigned?: Unsigned }): string {
  return entry.unsigned ? t(`by.${entry.unsigned}`) : entry.by;
}
