/**
 * The staff room (merged into contract.ts): what the people running the room share and phones
 * never see: the activity log, who leads, whether the room controls are locked, and the staff.
 * Staff names are staff data, shown to staff only.
 */
import { z } from "zod";

const id = z.string({ error: "Choose someone" }).min(1, "Choose someone").max(64);

export const staffCommandSchemas = {
  /** The staff room's snapshot (and subscribes the socket to it). */
  "staff:snapshot": z.object({}).strict(),
  /** Hands the lead to a member of staff (or takes it, when nobody leads). */
  "lead:hand": z.object({ accountId: id }).strict(),
  /** The lead locks (or unlocks) phases, the timer and the big screen so only they change them. */
  "room:lock": z.object({ locked: z.boolean({ error: "Say whether to lock or unlock" }) }).strict(),
  /** Shows an earlier announcement again: it becomes the latest. */
  "announcement:reshow": z
    .object({ announcementId: z.string({ error: "Choose an announcement" }).min(1, "Choose an announcement").max(64) })
    .strict(),
  /**
   * Takes the showing announcement off every screen (it stays in the history). Names the one the
   * console saw, so a clear sent as a newer one arrives does not hide the newer one.
   */
  "announcement:clear": z
    .object({ announcementId: z.string({ error: "Choose an announcement" }).min(1, "Choose an announcement").max(64) })
    .strict(),
} as const;

export const activityKinds = [
  "phase",
  "timer",
  "wall",
  "vote",
  "lock",
  "reveal",
  "announcement",
  "moderation",
  "lead",
  "team",
] as const;
export type ActivityKind = (typeof activityKinds)[number];

/**
 * What someone did, as a message for each reader's language: a key of the "activity" messages
 * and its values. People's own words (a board's title, an announcement, a name) are values; a
 * value may itself be a message (the change another one replaced). Its English rendering is the
 * `text` kept beside it (lib/activity/activity-message.ts builds both).
 */
export type ActivityMessage = { key: string; values?: { [name: string]: string | number | ActivityMessage } };

/** Who signed a change when no name can: a participant, someone unknown, or a deleted staff account. */
export type Unsigned = "participant" | "someone" | "formerStaff";

/**
 * One line of the activity log: who did what, when. Never a participant's personal data.
 * `text` is the English ("started the timer (5:00)"); `message` says it in the reader's language
 * (absent on entries written before there were messages: those show `text`). `unsigned`: `by` is
 * the English stand-in for nobody's name ("Someone").
 */
export type ActivityEntry = {
  id: string;
  kind: ActivityKind;
  text: string;
  message?: ActivityMessage | null;
  by: string;
  unsigned?: Unsigned;
  at: number;
};

export type StaffMember = { accountId: string; name: string; role: "organiser" | "facilitator" };

export type LeadView = {
  /** Who leads, or null while nobody has taken the lead. */
  lead: { accountId: string; name: string } | null;
  /** Whether only the lead may change phases, the timer and the big screen. */
  controlsLocked: boolean;
};

export type StaffSnapshot = {
  seq: number;
  /** The latest entries, newest first. */
  log: ActivityEntry[];
  lead: LeadView;
  staff: StaffMember[];
  /** The viewer's account, to tell "you lead" from "Sam leads". */
  me: { accountId: string };
};

export type StaffCommandResults = {
  "staff:snapshot": StaffSnapshot;
  "lead:hand": { lead: LeadView };
  "room:lock": { lead: LeadView };
  "announcement:reshow": { announcement: import("./contract").AnnouncementView };
  "announcement:clear": { announcementId: string };
};

/** Sequenced in the staff room. */
export type StaffEvents = {
  "activity:logged": { entry: ActivityEntry };
  "lead:changed": { lead: LeadView };
  /** Someone joined or left the event's staff (an invitation accepted, a removal): who can take the lead now. */
  "staff:changed": { staff: StaffMember[]; lead: LeadView };
};
