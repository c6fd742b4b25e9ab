/**
 * The boards part of the real-time contract (merged into contract.ts): commands on boards,
 * notes and groups, and what they broadcast.
 */
import { z } from "zod";
import { boardTemplateKeys } from "@/lib/boards/templates";
import { boardLimits, type NoteColour, noteColours } from "./constants";

export { boardTemplateKeys };

const id = z.string().min(1).max(64);
const fraction = z
  .number({ error: "A pin must be a number" })
  .finite()
  .min(0, "A pin must be on the map")
  .max(1, "A pin must be on the map");
/** Where a note sits on a map board: fractions of the image's width and height (see lib/boards/pins.ts). */
const pin = z.object({ x: fraction, y: fraction }).strict();
const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} can't be empty`)
    .max(max, `${what} must be ${max} characters or fewer`);

export const boardCommandSchemas = {
  "board:open": z.object({ boardId: id }).strict(),
  "board:create": z
    .object({
      title: text(boardLimits.boardTitle, "A board title"),
      template: z.enum(boardTemplateKeys, { error: "Choose a template." }),
      teamId: id.nullable().default(null),
      columns: z.array(text(boardLimits.columnTitle, "A column title")).max(boardLimits.columns).default([]),
    })
    .strict()
    .refine((b) => b.template !== "blank" || b.columns.length > 0, {
      message: "A blank board needs at least one column.",
      path: ["columns"],
    }),
  "board:update": z
    .object({
      boardId: id,
      title: text(boardLimits.boardTitle, "A board title").optional(),
      locked: z.boolean().optional(),
      anonymous: z.boolean().optional(),
      hiddenUntilReveal: z.boolean().optional(),
      /** A map board's image, uploaded first to /api/boards/<board>/photos. */
      mapPhotoId: id.optional(),
    })
    .strict(),
  "board:reveal": z.object({ boardId: id }).strict(),
  /** Moderation: hide one note from the room (its author is told), or show it again. */
  "note:withhold": z.object({ noteId: id, withheld: z.boolean() }).strict(),
  /** Moderation before the reveal: the text of the notes the room can't see, for staff. */
  "board:hidden-notes": z.object({ boardId: id }).strict(),
  "note:create": z
    .object({
      boardId: id,
      column: z.string().min(1).max(40),
      text: text(boardLimits.noteText, "A note"),
      colour: z.enum(noteColours).default("yellow"),
      /** A photo uploaded first, to /api/boards/<board>/photos. */
      photoId: id.optional(),
      /** Where the note is pinned, on a map board (required there, refused elsewhere). */
      pin: pin.optional(),
    })
    .strict(),
  "note:update": z
    .object({
      noteId: id,
      /** The version the edit was made on; an older one means someone else changed it first. */
      baseVersion: z.number().int().min(1),
      text: text(boardLimits.noteText, "A note").optional(),
      colour: z.enum(noteColours).optional(),
    })
    .strict(),
  "note:delete": z.object({ noteId: id }).strict(),
  /** Undo of a delete, by whoever deleted the note, within a minute (lib/notes/undo-rules.ts). */
  "note:restore": z.object({ noteId: id }).strict(),
  "note:move": z
    .object({
      noteId: id,
      column: z.string().min(1).max(40),
      /** The note it now sits before; null for the end of the column. */
      beforeNoteId: id.nullable(),
    })
    .strict(),
  /** Moves a note's pin on a map board; like a move, the last one wins. */
  "note:pin": z.object({ noteId: id, pin }).strict(),
  "note:group": z
    .object({ noteId: id, withNoteId: id })
    .strict()
    .refine((g) => g.noteId !== g.withNoteId, {
      message: "A note can't be grouped with itself.",
      path: ["withNoteId"],
    }),
  "note:ungroup": z.object({ noteId: id }).strict(),
  "group:rename": z.object({ groupId: id, title: z.string().trim().max(boardLimits.groupTitle) }).strict(),
  "notes:copy": z
    .object({
      toBoardId: id,
      noteIds: z.array(id).max(boardLimits.copyNotes).default([]),
      groupIds: z.array(id).max(boardLimits.copyNotes).default([]),
    })
    .strict()
    .refine((c) => c.noteIds.length + c.groupIds.length > 0, { message: "Choose at least one note or group to copy." }),
} as const;

/** A note as every screen receives it: the same bytes for everyone in the room. */
export type WireNote = {
  id: string;
  boardId: string;
  column: string;
  position: number;
  /** Empty when hidden from this viewer (hidden-until-reveal). */
  text: string;
  hidden: boolean;
  /** A facilitator hid it from the room (moderation): only its author and staff read it. */
  withheld: boolean;
  colour: NoteColour;
  /** Null on anonymous boards. */
  authorName: string | null;
  /** A per-board pseudonym; a screen compares it with its own `myTag` to mark its notes. */
  authorTag: string | null;
  groupId: string | null;
  /** Where the note's photo is served, if it has one (null while hidden from this viewer). */
  photoUrl: string | null;
  /** Where it is pinned on a map board (null while hidden from this viewer, or not pinned yet). */
  pin: { x: number; y: number } | null;
  version: number;
  createdAt: number;
  source: { boardId: string; boardTitle: string } | null;
};

/** What staff read of a note the room can't see (moderation before the reveal). */
export type HiddenNoteText = { id: string; version: number; text: string; authorName: string | null; photoUrl: string | null };

export type BoardView = {
  id: string;
  eventId: string;
  teamId: string | null;
  title: string;
  /** Set while the title is its template's own name (in any language): a screen shows `templates.<titleKey>` in its reader's language. */
  titleKey?: string;
  template: string;
  /** `wordsKey`: set while the column's title is its template's own prompt; a screen shows `templates.<wordsKey>` in its reader's language. */
  columns: { key: string; title: string; wordsKey?: string }[];
  locked: boolean;
  anonymous: boolean;
  hiddenUntilReveal: boolean;
  revealed: boolean;
  /** A map board's image, where notes are pinned; null until a facilitator uploads one. */
  mapUrl: string | null;
};

/** `hidden`: on a board hidden until the reveal, a title this viewer may not read (sent empty). */
export type GroupView = { id: string; title: string; hidden?: true };

/** A board in the event's list (console, big screen): in the event snapshot, kept live by `board:changed`. */
export type BoardListing = {
  id: string;
  title: string;
  /** As BoardView's. */
  titleKey?: string;
  teamId: string | null;
  teamName: string | null;
  template: string;
  locked: boolean;
  hiddenUntilReveal: boolean;
  revealed: boolean;
};

export type BoardSnapshot = {
  seq: number;
  board: BoardView;
  notes: WireNote[];
  groups: GroupView[];
  /** This viewer's pseudonym on this board. */
  myTag: string;
  /** Whether this viewer may add, move and group notes here. */
  canWrite: boolean;
};

export type BoardCommandResults = {
  "board:open": BoardSnapshot;
  "board:create": { board: BoardView };
  "board:update": { board: BoardView };
  "board:reveal": { board: BoardView };
  "note:withhold": { note: WireNote };
  "board:hidden-notes": { notes: HiddenNoteText[]; groups: { id: string; title: string }[] };
  "note:create": { note: WireNote };
  "note:update": { note: WireNote };
  "note:delete": { noteId: string };
  "note:restore": { note: WireNote; notes: WireNote[]; group: GroupView | null };
  "note:move": { note: WireNote };
  "note:pin": { note: WireNote };
  "note:group": { group: GroupView; notes: WireNote[] };
  "note:ungroup": { notes: WireNote[]; removedGroupId: string | null };
  "group:rename": { group: GroupView };
  "notes:copy": { notes: WireNote[] };
};

/** Sequenced in the board's room. */
export type BoardEvents = {
  "note:created": { note: WireNote };
  "note:changed": { notes: WireNote[] };
  "note:deleted": { noteId: string };
  "group:changed": { group: GroupView };
  "group:removed": { groupId: string };
  "board:changed": { board: BoardView };
};
