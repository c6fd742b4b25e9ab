import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ageBands, participantKinds } from "../lib/participants/profile";

const now = sql`(unixepoch('subsec') * 1000)`;

/** A message key and its values, as lib/realtime/contract-staff.ts's `ActivityMessage`. */
type ActivityMessageJson = { key: string; values?: { [name: string]: string | number | ActivityMessageJson } };

const createdAt = () => integer("created_at").notNull().default(now);

/** People who run events: organisers and facilitators sign in with an account. */
export const accounts = sqliteTable("accounts", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: createdAt(),
  /**
   * When the email was shown to be theirs: by the identity provider (single sign-on) or by a
   * password reset link mailed to it. Null: typed into a form, never proven, so single sign-on
   * does not match it while passwords are on (lib/sso/decide.ts).
   */
  emailConfirmedAt: integer("email_confirmed_at"),
  /** Set when they followed "stop these emails" in the weekly digest. */
  digestStoppedAt: integer("digest_stopped_at"),
  /** The language they chose for the console and organiser pages (lib/i18n); null: their browser's. */
  language: text("language"),
});

/** Only a hash of the cookie's token is stored, so a leaked database does not leak sessions. */
export const accountSessions = sqliteTable(
  "account_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("account_sessions_account").on(t.accountId)],
);

export const events = sqliteTable("events", {
  id: text("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  joinCode: text("join_code").notNull().unique(),
  status: text("status", { enum: ["draft", "published", "archived"] })
    .notNull()
    .default("draft"),
  place: text("place").notNull().default(""),
  /** The event's main language: the big screen's, and anyone's whose browser asks for none we speak. */
  language: text("language").notNull().default("en-GB"),
  /** More languages the big screen's join panel says "Join on your phone" in, beside the main one. */
  joinLanguages: text("join_languages", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  description: text("description").notNull().default(""),
  startsAt: integer("starts_at"),
  endsAt: integer("ends_at"),
  createdBy: text("created_by").references(() => accounts.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  // Event editor (issue 3): mantras shown to the room, and the practical details people ask for.
  goals: text("goals", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  accessInfo: text("access_info").notNull().default(""),
  childcare: text("childcare").notNull().default(""),
  food: text("food").notNull().default(""),
  whatToBring: text("what_to_bring").notNull().default(""),
  // Privacy (issue 17): who answers for people's data, and how long it is kept (lib/privacy).
  /** The data controller named in the privacy notice, e.g. "London Borough of Lambeth". */
  dataController: text("data_controller").notNull().default(""),
  /** How to reach them about people's data: an email, a phone or a web address. */
  privacyContact: text("privacy_contact").notNull().default(""),
  /** Months after the event ends before personal data is erased (lib/privacy/retention.ts). */
  retentionMonths: integer("retention_months").notNull().default(12),
  /** Set by the retention sweep once this event's personal data is erased. */
  personalDataErasedAt: integer("personal_data_erased_at"),
});

export const staffRoles = ["organiser", "facilitator"] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Who runs which event. The creator is an organiser; others arrive by invitation link. */
export const eventStaff = sqliteTable(
  "event_staff",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    role: text("role", { enum: staffRoles }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.accountId] })],
);

export const staffInvites = sqliteTable("staff_invites", {
  tokenHash: text("token_hash").primaryKey(),
  eventId: text("event_id")
    .notNull()
    .references(() => events.id, { onDelete: "cascade" }),
  role: text("role", { enum: staffRoles }).notNull(),
  createdBy: text("created_by").references(() => accounts.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  expiresAt: integer("expires_at").notNull(),
  acceptedBy: text("accepted_by").references(() => accounts.id, { onDelete: "set null" }),
  acceptedAt: integer("accepted_at"),
});

/** A person in one event. No account: a signed cookie carries the id. */
export const participants = sqliteTable(
  "participants",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    // Hash of the personal "continue on another device" token.
    resumeTokenHash: text("resume_token_hash").notNull().unique(),
    /** When that token was made: the link expires a while after (lib/participants/personal-link-expiry). */
    resumeTokenMadeAt: integer("resume_token_made_at"),
    // What they chose to share (all optional; see lib/participants/profile.ts).
    /** Which kind of participant: resident, council officer… Null: not said. */
    kind: text("kind", { enum: participantKinds }),
    /** Skills in their own words, e.g. ["talking to people", "spreadsheets"]. */
    skills: text("skills", { mode: "json" }).$type<string[]>().notNull().default([]),
    /** Private: only the event's organisers and facilitators see it. */
    accessNeeds: text("access_needs").notNull().default(""),
    /** Consent to be contacted after the event, and how (private, like access needs). */
    contactConsent: integer("contact_consent", { mode: "boolean" }).notNull().default(false),
    contact: text("contact").notNull().default(""),
    /** Null: not said. Under-18s get no public name (see publicName). */
    ageBand: text("age_band", { enum: ageBands }),
    /** The language their screens and emails use (lib/i18n), from their phone or their own choice. */
    language: text("language"),
    /** Set when they leave; their personal fields are scrubbed at the same time. */
    leftAt: integer("left_at"),
    /**
     * When the name the room sees them by changed, within the rename limit's window only: each
     * change sets off a walk of the event's command log (lib/participants/rename-limit.ts).
     */
    recentRenames: text("recent_renames", { mode: "json" }).$type<number[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index("participants_event").on(t.eventId)],
);

/**
 * Each browser signed in as a participant (joined there, or opened a personal link there): the
 * person sees the list and can sign any one out. Cookies name their device; a deleted row
 * signs that browser out.
 */
export const participantDevices = sqliteTable(
  "participant_devices",
  {
    id: text("id").primaryKey(),
    participantId: text("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    /** What kind of browser, e.g. "Chrome on Android": no version, nothing that identifies it. */
    label: text("label").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("participant_devices_participant").on(t.participantId)],
);

export const briefStatuses = ["draft", "published", "withdrawn"] as const;

export const briefs = sqliteTable(
  "briefs",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    status: text("status", { enum: briefStatuses }).notNull().default("draft"),
    title: text("title").notNull(),
    problem: text("problem").notNull().default(""),
    whyItMatters: text("why_it_matters").notNull().default(""),
    successLooksLike: text("success_looks_like").notNull().default(""),
    budget: text("budget").notNull().default(""),
    timescale: text("timescale").notNull().default(""),
    mayNotChange: text("may_not_change").notNull().default(""),
    ownerRole: text("owner_role").notNull().default(""),
    ownerOrganisation: text("owner_organisation").notNull().default(""),
    createdAt: createdAt(),
    // Project pack (issue 3): background in Markdown; links, files and contacts in their own tables.
    background: text("background").notNull().default(""),
    updatedAt: integer("updated_at"),
  },
  (t) => [index("briefs_event").on(t.eventId, t.position)],
);

/** A group working on one brief. Moving team is normal; being in two at once is not. */
export const teams = sqliteTable(
  "teams",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    briefId: text("brief_id").references(() => briefs.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    /** Null: no limit. */
    capacity: integer("capacity"),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("teams_event").on(t.eventId, t.position)],
);

/** The primary key (event, participant) is what makes "one team at a time" a fact, not a hope. */
export const teamMembers = sqliteTable(
  "team_members",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    participantId: text("participant_id")
      .notNull()
      .references(() => participants.id, { onDelete: "cascade" }),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    joinedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.participantId] }), index("team_members_team").on(t.teamId)],
);

/** A live wall of notes for a team or for the whole room (team_id null). */
export const boards = sqliteTable(
  "boards",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    /** Null: a plenary board for the whole room. */
    teamId: text("team_id").references(() => teams.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    // JSON array of { key, title }: the columns/prompts notes are written under.
    columns: text("columns", { mode: "json" }).$type<{ key: string; title: string }[]>().notNull(),
    template: text("template").notNull().default("blank"),
    /** Locked: nobody but staff adds, edits or moves notes. */
    locked: integer("locked", { mode: "boolean" }).notNull().default(false),
    /** Notes show no author to anyone. */
    anonymous: integer("anonymous", { mode: "boolean" }).notNull().default(false),
    /** Each person sees only their own notes until a facilitator reveals the board. */
    hiddenUntilReveal: integer("hidden_until_reveal", { mode: "boolean" }).notNull().default(false),
    revealedAt: integer("revealed_at"),
    /** On a map board: the uploaded image (a note_photos row) notes are pinned on. */
    mapPhotoId: text("map_photo_id"),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("boards_event").on(t.eventId)],
);

/** A cluster of notes the room has grouped together, with an editable title. */
export const noteGroups = sqliteTable(
  "note_groups",
  {
    id: text("id").primaryKey(),
    boardId: text("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    title: text("title").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("note_groups_board").on(t.boardId)],
);

export const notes = sqliteTable(
  "notes",
  {
    id: text("id").primaryKey(),
    boardId: text("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    column: text("column_key").notNull(),
    text: text("text").notNull(),
    colour: text("colour").notNull().default("yellow"),
    authorParticipantId: text("author_participant_id").references(() => participants.id, { onDelete: "set null" }),
    authorAccountId: text("author_account_id").references(() => accounts.id, { onDelete: "set null" }),
    /** Order within its column: fractional, so a move rewrites one row. */
    position: real("position").notNull().default(0),
    groupId: text("group_id").references(() => noteGroups.id, { onDelete: "set null" }),
    /** Bumped by every change of content; an edit based on an older version is refused. */
    version: integer("version").notNull().default(1),
    /** A photo taken on a phone (e.g. from talking to people outside the room). */
    photoId: text("photo_id"),
    /** On a map board: where the note is pinned, as fractions (0..1) of the map's width and height. */
    pinX: real("pin_x"),
    pinY: real("pin_y"),
    /** Where a note copied to a plenary board came from. */
    sourceNoteId: text("source_note_id"),
    sourceBoardId: text("source_board_id"),
    /** When a facilitator hid the note from the room (moderation); its author still sees it. */
    withheldAt: integer("withheld_at"),
    /**
     * Its author left asking for their notes to go, and the room does not see whose it is (an
     * anonymous board, a young person's pin on a map, a copy of either): it goes at this time, its own random moment,
     * not with their leaving, so the room cannot tell which unsigned notes were theirs
     * (lib/notes/erase-later.ts).
     */
    eraseAt: integer("erase_at"),
    createdAt: createdAt(),
    updatedAt: integer("updated_at"),
  },
  (t) => [
    index("notes_board").on(t.boardId, t.column, t.position),
    // Partial: only the few notes waiting to go, so a note's insert writes no more than before.
    index("notes_erase_at").on(t.eraseAt).where(sql`${t.eraseAt} is not null`),
    // Who may see a photo is decided by the notes it is on (lib/notes/photo-access.ts).
    index("notes_photo").on(t.photoId),
  ],
);

/**
 * A note just deleted, kept for a short while so its author can undo (lib/notes/restore-note.ts):
 * the row as it was, and the group it was in if deleting it dissolved that group. Expired rows
 * are purged by a sweep every minute (lib/notes/delete-note.ts); the author's id is a real
 * reference, so erasing the person erases their pending undo too.
 */
export const deletedNotes = sqliteTable(
  "deleted_notes",
  {
    noteId: text("note_id").primaryKey(),
    boardId: text("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    /** Who deleted it (actorKey): only they may undo. */
    deletedBy: text("deleted_by").notNull(),
    authorParticipantId: text("author_participant_id").references(() => participants.id, { onDelete: "cascade" }),
    authorAccountId: text("author_account_id").references(() => accounts.id, { onDelete: "cascade" }),
    note: text("note", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** The group deleting the note dissolved (its id, title and the notes that were left in it). */
    dissolvedGroup: text("dissolved_group", { mode: "json" }).$type<{
      id: string;
      title: string;
      createdAt: number;
      noteIds: string[];
    }>(),
    /** Dots that deleting it gave back to their voters in rounds still open, by voter: an undo puts them back where it can. */
    keptDots: text("kept_dots", { mode: "json" }).$type<
      { roundId: string; voterKey: string; targetId: string; dots: number }[]
    >(),
    deletedAt: integer("deleted_at").notNull(),
  },
  (t) => [index("deleted_notes_time").on(t.deletedAt)],
);

export const announcements = sqliteTable(
  "announcements",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    createdBy: text("created_by").references(() => accounts.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    /**
     * Its place in the event's history: one more than the event's highest, taken in the sending
     * transaction, so two sent in the same millisecond still have an order every screen agrees on.
     * Showing an earlier one again gives it the next place.
     */
    position: integer("position").notNull().default(0),
    /**
     * When staff took it off every screen (null while it shows or could show): it stays in the
     * console's history, and showing it again clears this.
     */
    clearedAt: integer("cleared_at"),
    /**
     * When it was last put on every screen: sent, or shown again. A phone's "now" card ages it from
     * this, so one shown again is news again. Null on those sent before it was kept: `createdAt`.
     */
    shownAt: integer("shown_at"),
  },
  (t) => [index("announcements_event").on(t.eventId, t.createdAt), index("announcements_position").on(t.eventId, t.position)],
);

/**
 * Every applied command, keyed by who sent it and the id their device generated. The primary
 * key is what makes a retried command apply exactly once, even across processes. Only what a
 * retry needs is kept (never the payload), and only for a window: see lib/realtime/command-log.ts.
 */
export const commandLog = sqliteTable(
  "command_log",
  {
    actorKey: text("actor_key").notNull(),
    commandId: text("command_id").notNull(),
    name: text("name").notNull(),
    result: text("result", { mode: "json" }),
    /**
     * What the command broadcast (sequenced) and set off. A retry re-sends them: the process that
     * ran it may have died between commit and publish, and clients drop what they already have.
     * Cleared once a retry no longer re-sends it (a minute on), and when it names someone erased.
     */
    fanout: text("fanout", { mode: "json" }).$type<{ broadcasts: unknown[]; signals: unknown[] }>(),
    /**
     * The event the sender acted in: what names someone or their notes is looked for among their
     * event's records only (lib/realtime/command-log-scrub.ts). Null for a form's record (it
     * holds no result) and for records older than the column.
     */
    eventId: text("event_id"),
    createdAt: createdAt(),
  },
  // created_at: rows are pruned after a window, and their broadcasts cleared after a shorter one
  // (lib/realtime/command-log.ts); only the few rows still holding broadcasts are in the second index.
  // event_id: a scrub walks one event's records in rowid order, a chunk at a time (an index on
  // the event alone keeps its entries in rowid order, so each chunk starts where the last ended).
  (t) => [
    primaryKey({ columns: [t.actorKey, t.commandId] }),
    index("command_log_created").on(t.createdAt),
    index("command_log_fanout_kept").on(t.createdAt).where(sql`${t.fanout} is not null`),
    index("command_log_event").on(t.eventId),
  ],
);

/**
 * Command records still to scrub (lib/realtime/command-log-scrub.ts): written in the transaction
 * that erased someone, renamed them or deleted notes for good, and done after it by a worker, a
 * chunk at a time, so that transaction never walks the log. Ids only: never a name or words.
 */
export const commandLogScrubs = sqliteTable("command_log_scrubs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  eventId: text("event_id").notNull(),
  /** Records whose result or broadcasts hold one of these ids (a person, their notes, a board…). */
  mentioning: text("mentioning", { mode: "json" }).$type<string[]>().notNull(),
  /** Records these actor keys sent. */
  sentBy: text("sent_by", { mode: "json" }).$type<string[]>().notNull(),
  /**
   * Where the event's walk (commandLogScrubWalks) was when it first read a chunk with this scrub:
   * done once the walk has gone once round from there. Null: not joined yet.
   */
  joinedLap: integer("joined_lap"),
  joinedAt: integer("joined_at"),
  /**
   * Unused since the walks: kept for one release, because processes of the release before still
   * insert them during a rolling deploy (a column dropped under them fails every leave and
   * rename). Drop them in a later migration.
   */
  doneTo: integer("done_to").notNull().default(0),
  doneToWithoutEvent: integer("done_to_without_event").notNull().default(0),
  createdAt: createdAt(),
});

/**
 * Where the worker's walk through an event's command records is (lib/realtime/command-log-scrub-worker.ts).
 * One per event, shared by all its scrubs: one that comes while the walk is under way joins it where
 * it is, rather than starting another from the first record. Gone once no scrub of the event waits.
 */
export const commandLogScrubWalks = sqliteTable("command_log_scrub_walks", {
  eventId: text("event_id").primaryKey(),
  /** How many times the walk has passed the event's last record and started again from its first. */
  lap: integer("lap").notNull().default(0),
  /** The rowid of the last record it read in this lap (0: none yet). */
  at: integer("at").notNull().default(0),
});

/** The last sequence number broadcast in each room; lets clients detect a missed message. */
export const roomSequences = sqliteTable("room_sequences", {
  room: text("room").primaryKey(),
  seq: integer("seq").notNull().default(0),
});

/**
 * Open connections. Kept in the database, not in one process's memory, so several processes
 * agree on who is here; rows of a process that died expire by `seen_at`.
 */
export const presence = sqliteTable(
  "presence",
  {
    socketId: text("socket_id").primaryKey(),
    processId: text("process_id").notNull(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    personKey: text("person_key").notNull(),
    role: text("role").notNull(),
    room: text("room"),
    seenAt: integer("seen_at").notNull(),
  },
  (t) => [index("presence_event").on(t.eventId, t.seenAt), index("presence_process").on(t.processId)],
);

/** Seeds applied to this database, so running the demo again keeps what was done in it. */
export const demoSeeds = sqliteTable("demo_seeds", {
  name: text("name").primaryKey(),
  appliedAt: createdAt(),
});

// ---------------------------------------------------------------------------------------------
// Events and briefs (issue 3): the agenda, the project pack, and teams' reframed problems.
// ---------------------------------------------------------------------------------------------

/** The weekend's agenda: kick-off evening, explore, make, presentations. Shown in time order. */
export const eventPhases = sqliteTable(
  "event_phases",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    /** Breaks ties between phases that start at the same time. */
    position: integer("position").notNull().default(0),
    name: text("name").notNull(),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at"),
    createdAt: createdAt(),
  },
  (t) => [index("event_phases_event").on(t.eventId, t.startsAt)],
);

export const briefLinkKinds = ["data", "link"] as const;

/** A link in a project pack: a data set or document ("data"), or a useful link ("link"). */
export const briefLinks = sqliteTable(
  "brief_links",
  {
    id: text("id").primaryKey(),
    briefId: text("brief_id")
      .notNull()
      .references(() => briefs.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: briefLinkKinds }).notNull(),
    title: text("title").notNull(),
    url: text("url").notNull(),
    note: text("note").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("brief_links_brief").on(t.briefId, t.position)],
);

/** Who to ask: a role (never required to be a named person) and how to reach them. */
export const briefContacts = sqliteTable(
  "brief_contacts",
  {
    id: text("id").primaryKey(),
    briefId: text("brief_id")
      .notNull()
      .references(() => briefs.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    howToReach: text("how_to_reach").notNull().default(""),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("brief_contacts_brief").on(t.briefId, t.position)],
);

/** An uploaded document in a project pack. The bytes live in file storage under `storage_key`. */
export const briefFiles = sqliteTable(
  "brief_files",
  {
    id: text("id").primaryKey(),
    briefId: text("brief_id")
      .notNull()
      .references(() => briefs.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Random; never derived from what the uploader called the file. */
    storageKey: text("storage_key").notNull().unique(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    position: integer("position").notNull().default(0),
    uploadedBy: text("uploaded_by").references(() => accounts.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("brief_files_brief").on(t.briefId, t.position)],
);

/**
 * "Tear up the brief": a team's reframed problem statement. Rows are only ever added, so the
 * history of how a team's thinking moved is kept; the newest row is the team's current framing.
 */
export const briefReframes = sqliteTable(
  "brief_reframes",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    briefId: text("brief_id")
      .notNull()
      .references(() => briefs.id, { onDelete: "cascade" }),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    authorParticipantId: text("author_participant_id").references(() => participants.id, { onDelete: "set null" }),
    authorAccountId: text("author_account_id").references(() => accounts.id, { onDelete: "set null" }),
    // No copy of the author's name: it is derived from these ids when read (lib/participants/names.ts).
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("brief_reframes_brief").on(t.briefId, t.createdAt)],
);

// ---- Dot-voting ----

/**
 * A round of dot-voting on a board. At most one round per board is open at a time (a partial
 * unique index in the migration); rounds are kept afterwards, with their tallies.
 */
export const voteRounds = sqliteTable(
  "vote_rounds",
  {
    id: text("id").primaryKey(),
    boardId: text("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["open", "closed", "revealed"] })
      .notNull()
      .default("open"),
    dotsPerPerson: integer("dots_per_person").notNull(),
    maxPerTarget: integer("max_per_target").notNull(),
    /** What can take a dot: single notes, groups (clusters), or both. */
    targets: text("targets", { enum: ["notes", "groups", "both", "teams"] })
      .notNull()
      .default("notes"),
    /** A people's-choice vote on teams: nobody puts a dot on their own team (a trigger holds it). */
    excludeOwnTeam: integer("exclude_own_team", { mode: "boolean" }).notNull().default(false),
    talliesLive: integer("tallies_live", { mode: "boolean" }).notNull().default(false),
    /** Null: any column. */
    columns: text("columns", { mode: "json" }).$type<string[] | null>(),
    shortlistSize: integer("shortlist_size").notNull().default(8),
    endsAt: integer("ends_at"),
    createdAt: createdAt(),
    closedAt: integer("closed_at"),
    revealedAt: integer("revealed_at"),
    /** The ids carried forward, once the facilitator has settled any ties. */
    shortlist: text("shortlist", { mode: "json" }).$type<string[] | null>(),
    /**
     * How many people hold a dot in the round and how many dots are down. Kept by triggers on
     * `votes` (migration 0023), like `vote_tallies`, so the tally sent every 40 ms reads two
     * numbers instead of counting every dot of the round.
     */
    voters: integer("voters").notNull().default(0),
    dotsUsed: integer("dots_used").notNull().default(0),
  },
  (t) => [index("vote_rounds_board").on(t.boardId, t.createdAt)],
);

/**
 * One dot. A person's dots fill numbered slots (0 … dots-1) and their dots on one target fill
 * numbered places (0 … max-1): the unique indexes make "too many dots" impossible in the
 * database itself, whatever races the application has; triggers refuse slots beyond the round's
 * limits and dots on a round that is not open.
 */
export const votes = sqliteTable(
  "votes",
  {
    id: text("id").primaryKey(),
    roundId: text("round_id")
      .notNull()
      .references(() => voteRounds.id, { onDelete: "cascade" }),
    voterKey: text("voter_key").notNull(),
    targetId: text("target_id").notNull(),
    slot: integer("slot").notNull(),
    placeOnTarget: integer("place_on_target").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("votes_voter_slot").on(t.roundId, t.voterKey, t.slot),
    uniqueIndex("votes_voter_target_place").on(t.roundId, t.voterKey, t.targetId, t.placeOnTarget),
    index("votes_round_target").on(t.roundId, t.targetId),
  ],
);

/**
 * Dots per target in a round: kept by triggers on `votes` (migration 0023), whichever path adds
 * or removes a dot (a command, a team move, a cascade, the importer). A target with no dot has no
 * row. Counting the round's dots instead grew with the round: at 20,000 dots it was 2–3 ms on
 * every 40 ms tally, the largest single statement on the vote path (bench/README.md, finding 26).
 */
export const voteTallies = sqliteTable(
  "vote_tallies",
  {
    roundId: text("round_id")
      .notNull()
      .references(() => voteRounds.id, { onDelete: "cascade" }),
    targetId: text("target_id").notNull(),
    dots: integer("dots").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.targetId] })],
);

// ---------------------------------------------------------------------------------------------
// Running the room (issue 7): the current phase, the shared timer and what the big screen shows.
// ---------------------------------------------------------------------------------------------

/**
 * One row per event, written only by facilitators' commands. Times are the server's clock
 * (epoch ms): screens count down from `timerEndsAt` corrected by their own offset to the server.
 */
export const roomStates = sqliteTable("room_states", {
  eventId: text("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  currentPhaseId: text("current_phase_id").references(() => eventPhases.id, { onDelete: "set null" }),
  phaseStartedAt: integer("phase_started_at"),
  timerStatus: text("timer_status", { enum: ["idle", "running", "paused"] })
    .notNull()
    .default("idle"),
  /** What "reset" goes back to. */
  timerDurationMs: integer("timer_duration_ms").notNull().default(300_000),
  /** Set while running. */
  timerEndsAt: integer("timer_ends_at"),
  /** What is left while paused or idle. */
  timerRemainingMs: integer("timer_remaining_ms").notNull().default(300_000),
  /** What the big screen shows: a `Wall` from lib/realtime/contract-room.ts. */
  wall: text("wall", { mode: "json" }).$type<{ kind: string; boardId?: string; startedAt?: number }>(),
  /** Who changed the room last, and what, so several facilitators see each other's actions. */
  lastChange: text("last_change", { mode: "json" }).$type<{
    what: string;
    text: string;
    message?: ActivityMessageJson | null;
    by: string;
    at: number;
  }>(),
  /**
   * The last change of each kind (phase, timer, wall), shaped like `lastChange`: a change replaces
   * the last one of its own kind, whatever was changed in between, and a refused "next phase" names
   * who moved the phase on. Null before it was kept; `lastChange` then stands for its own kind.
   */
  changes: text("changes", { mode: "json" }).$type<
    Partial<Record<"phase" | "timer" | "wall", { what: string; text: string; by: string; at: number }>>
  >(),
  /** The latest invitation to phones (a `NudgeView`), so a phone that connects later still gets it. */
  nudge: text("nudge", { mode: "json" }).$type<{
    id: string;
    kind: "phase" | "board" | "votes";
    title: string;
    boardId: string | null;
    boardTitle: string | null;
    by: string;
    at: number;
  }>(),
  /** The lead facilitator, handed over in one action; null until someone takes the lead. */
  leadAccountId: text("lead_account_id").references(() => accounts.id, { onDelete: "set null" }),
  /** Set by the lead: only they change phases, the timer and the big screen. */
  controlsLocked: integer("controls_locked", { mode: "boolean" }).notNull().default(false),
  updatedAt: integer("updated_at").notNull().default(now),
});

/**
 * What the people running the room did, and when: phases, timer, walls, votes, locks, reveals,
 * announcements, moderation. Staff-only, kept with the event for its review. The text never
 * holds a participant's personal data ("removed a participant", not who); who acted is the
 * staff account, whose name is read when shown.
 */
export const activityLog = sqliteTable(
  "activity_log",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    accountId: text("account_id").references(() => accounts.id, { onDelete: "set null" }),
    /** phase, timer, wall, vote, lock, reveal, announcement, moderation, lead, team. */
    kind: text("kind").notNull(),
    /** What happened, in English: how older rows are shown, and what logs and exports read. */
    text: text("text").notNull(),
    /**
     * The same as a key of the "activity" messages and its values (an `ActivityMessage` from
     * lib/realtime/contract-staff.ts), said in each reader's language; null on older rows.
     */
    message: text("message", { mode: "json" }).$type<ActivityMessageJson>(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("activity_log_event").on(t.eventId, t.createdAt)],
);

/** A photo uploaded from a phone for a note on a board; served only to people in the event. */
export const notePhotos = sqliteTable(
  "note_photos",
  {
    id: text("id").primaryKey(),
    boardId: text("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    /** Who uploaded it (actor key): only they may attach it to a note. */
    uploadedBy: text("uploaded_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("note_photos_board").on(t.boardId)],
);

// ---------------------------------------------------------------------------------------------
// After the weekend (issue 9): projects carried forward, their milestones, check-ins and risks.
// ---------------------------------------------------------------------------------------------

/** A catch-up event names the weekend it follows, so teams and projects carry over. */
export const eventFollowUps = sqliteTable("event_follow_ups", {
  eventId: text("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  followsEventId: text("follows_event_id")
    .notNull()
    .references(() => events.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
});

/**
 * A team's output carried forward after the weekend. Owners are named by what they wrote (a
 * resident owner has no account); the invitation link lets the owner post check-ins.
 */
export const projects = sqliteTable(
  "projects",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    teamId: text("team_id").references(() => teams.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    ownerName: text("owner_name").notNull(),
    /** e.g. "Resident", "Project lead, Public Realm services". */
    ownerRole: text("owner_role").notNull().default(""),
    /** Where reminders and the owner's link are emailed; empty: the organisers pass links on by hand. */
    ownerEmail: text("owner_email").notNull().default(""),
    /** Set when the owner followed "stop these reminders" in an email. */
    remindersStoppedAt: integer("reminders_stopped_at"),
    coOwners: text("co_owners", { mode: "json" }).$type<{ name: string; role: string }[]>().notNull().default(sql`'[]'`),
    /** Day 0 of the 30/60/90-day timescale. */
    startedAt: integer("started_at").notNull(),
    /** Shown on the event's public progress page only when the organisers opt it in. */
    isPublic: integer("is_public", { mode: "boolean" }).notNull().default(false),
    /** Hash of the owner's invitation link; null when no link is live. */
    ownerTokenHash: text("owner_token_hash").unique(),
    /**
     * Set when an organiser stopped the owner's link: no reminder makes a new one (and none goes)
     * until an organiser makes a link again. Null: a reminder makes the first link itself.
     */
    ownerLinkStoppedAt: integer("owner_link_stopped_at"),
    /**
     * The language the owner chose on their update page (lib/i18n): their reminder emails are in it.
     * Null: never chosen, or a new owner's address since; their emails are in the event's language.
     */
    ownerLanguage: text("owner_language"),
    createdAt: createdAt(),
  },
  (t) => [index("projects_event").on(t.eventId)],
);

export const projectMilestones = sqliteTable(
  "project_milestones",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    /** 30, 60 or 90 (days after the start); other numbers are allowed for odd timescales. */
    day: integer("day").notNull(),
    title: text("title").notNull(),
    dueAt: integer("due_at").notNull(),
    doneAt: integer("done_at"),
  },
  (t) => [index("project_milestones_project").on(t.projectId, t.dueAt)],
);

export const checkInStatuses = ["on_track", "at_risk", "stuck", "done"] as const;
export type CheckInStatus = (typeof checkInStatuses)[number];

/** What the owner recorded at one point: rows are only added, so the history is the record. */
export const projectCheckIns = sqliteTable(
  "project_check_ins",
  {
    id: text("id").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    status: text("status", { enum: checkInStatuses }).notNull(),
    progress: text("progress").notNull().default(""),
    evidence: text("evidence").notNull().default(""),
    /** Evidence in numbers, e.g. { label: "people reached", value: 120 }. */
    numbers: text("numbers", { mode: "json" }).$type<{ label: string; value: number }[]>().notNull().default(sql`'[]'`),
    links: text("links", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Storage keys of photos (lib/files), served by /project-photos/[checkInId]/[n]. */
    photos: text("photos", { mode: "json" }).$type<{ storageKey: string; contentType: string }[]>().notNull().default(sql`'[]'`),
    learning: text("learning").notNull().default(""),
    helpNeeded: text("help_needed").notNull().default(""),
    authorName: text("author_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("project_check_ins_project").on(t.projectId, t.createdAt)],
);

/** One row per checked risk item of a project (see lib/projects/risks.ts for the items). */
export const projectRisks = sqliteTable(
  "project_risks",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    item: text("item").notNull(),
    checked: integer("checked", { mode: "boolean" }).notNull().default(false),
    notes: text("notes").notNull().default(""),
    checkedBy: text("checked_by").notNull().default(""),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.item] })],
);

// ---------------------------------------------------------------------------------------------
// Final presentations (issue 8): each team's showcase, the running order, and how the room responds.
// ---------------------------------------------------------------------------------------------

/** What a team made, as it presents it. One per team, edited by its members as they type. */
export const showcases = sqliteTable("showcases", {
  teamId: text("team_id")
    .primaryKey()
    .references(() => teams.id, { onDelete: "cascade" }),
  eventId: text("event_id")
    .notNull()
    .references(() => events.id, { onDelete: "cascade" }),
  title: text("title").notNull().default(""),
  summary: text("summary").notNull().default(""),
  made: text("made").notNull().default(""),
  learned: text("learned").notNull().default(""),
  links: text("links", { mode: "json" }).$type<{ title: string; url: string }[]>().notNull().default(sql`'[]'`),
  /** Ids of showcase_images, in the order the team chose. */
  imageIds: text("image_ids", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  nextSteps: text("next_steps").notNull().default(""),
  /** Who takes the work forward; empty means the brief's owner. */
  takenForwardBy: text("taken_forward_by").notNull().default(""),
  needs: text("needs").notNull().default(""),
  /** Actor key of who saved last (null: nobody yet); named when read, never stored as a name. */
  updatedByKey: text("updated_by_key"),
  updatedAt: integer("updated_at"),
});

/** An image uploaded from a phone for a team's showcase. Served only to people in the event. */
export const showcaseImages = sqliteTable(
  "showcase_images",
  {
    id: text("id").primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull(),
    contentType: text("content_type").notNull(),
    bytes: integer("bytes").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("showcase_images_team").on(t.teamId)],
);

/** The presentations of one event: running order, time each team gets, who is on now. */
export const presentationRuns = sqliteTable("presentation_runs", {
  eventId: text("event_id")
    .primaryKey()
    .references(() => events.id, { onDelete: "cascade" }),
  order: text("running_order", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  presentSeconds: integer("present_seconds").notNull().default(300),
  questionsSeconds: integer("questions_seconds").notNull().default(120),
  currentTeamId: text("current_team_id").references(() => teams.id, { onDelete: "set null" }),
  stage: text("stage", { enum: ["waiting", "presenting", "questions", "finished"] })
    .notNull()
    .default("waiting"),
  /** Server epoch ms the current stage's clock started. */
  stageStartedAt: integer("stage_started_at"),
  /** Server epoch ms the facilitator paused the clock (a projector failing, a fire alarm); null while it runs. */
  pausedAt: integer("paused_at"),
  /** The plenary board whose vote rounds are the people's choice. */
  peoplesChoiceBoardId: text("peoples_choice_board_id").references(() => boards.id, { onDelete: "set null" }),
  /** Judging criteria the organiser edited, by team; a team not here is judged on its brief's success lines. */
  criteria: text("criteria", { mode: "json" }).$type<Record<string, string[]>>().notNull().default(sql`'{}'`),
  /** Empty teams the staff added on purpose: a team nobody joined gets no slot unless it is here. */
  includedTeamIds: text("included_team_ids", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  /** What the big screen's presentations wall shows: the presenter (who is on) or the combined results. */
  projecting: text("projecting", { enum: ["presenter", "results"] })
    .notNull()
    .default("presenter"),
  updatedAt: integer("updated_at"),
});

export const reactionKinds = ["clap", "love", "wow", "idea"] as const;

/** One tap of appreciation for a team; counted, never shown one by one. */
export const presentationReactions = sqliteTable(
  "presentation_reactions",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: reactionKinds }).notNull(),
    reactorKey: text("reactor_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("presentation_reactions_team").on(t.teamId, t.kind),
    index("presentation_reactions_reactor").on(t.teamId, t.reactorKey),
  ],
);

/** Written feedback from someone in the room to a team; the team and staff read it. */
export const presentationFeedback = sqliteTable(
  "presentation_feedback",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    /** Actor key; the name shown is derived from it when read, never stored. */
    authorKey: text("author_key").notNull(),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("presentation_feedback_team").on(t.teamId, t.createdAt)],
);

/** People a facilitator made judges: guests who joined with the code, or staff. */
export const presentationJudges = sqliteTable(
  "presentation_judges",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    /** The person's actor key (p:… or a:…). */
    judgeKey: text("judge_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.judgeKey] })],
);

/** A judge's score of one team against one criterion (named by its text), 1 to 5. */
export const presentationScores = sqliteTable(
  "presentation_scores",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    judgeKey: text("judge_key").notNull(),
    criterion: text("criterion").notNull(),
    score: integer("score").notNull(),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.judgeKey, t.criterion] }),
    index("presentation_scores_event").on(t.eventId),
    check("presentation_scores_range", sql`${t.score} BETWEEN 1 AND 5`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Privacy (issue 17): the audit of staff access to personal data, and leases for cluster-wide jobs.
// ---------------------------------------------------------------------------------------------

/**
 * One staff access to personal data: who (an account id, null for the automatic sweep), when,
 * what (an action and ids or counts, never the data itself). No foreign key to the event: the
 * record of an event's deletion outlives the event, until `keep_until`.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    eventId: text("event_id").notNull(),
    accountId: text("account_id"),
    action: text("action").notNull(),
    /** Ids, table names or counts that say what was touched, e.g. "csv:people" or "participant:…". */
    subject: text("subject").notNull().default(""),
    createdAt: integer("created_at").notNull(),
    /**
     * The keeping date as the event's settings made it when this was recorded. Read only once the
     * event is deleted: while it exists, the sweep works the date out from its settings now.
     */
    keepUntil: integer("keep_until").notNull(),
  },
  (t) => [index("audit_log_event").on(t.eventId, t.createdAt), index("audit_log_keep_until").on(t.keepUntil)],
);

/**
 * A job that one process of the cluster runs at a time (e.g. the retention sweep). The holder
 * writes its id and an expiry; another process may take over only once it has expired, so a
 * process that died mid-job does not block the job for ever.
 */
export const jobLeases = sqliteTable("job_leases", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  expiresAt: integer("expires_at").notNull(),
  /** When the job last finished, so a scheduled job runs once per interval across the cluster. */
  lastDoneAt: integer("last_done_at"),
});
// Email (issue 20): what was sent, claims that make each scheduled message go once across
// processes, and staff password resets.
// ---------------------------------------------------------------------------------------------

export const emailKinds = [
  "staff_invite",
  "password_reset",
  "owner_link",
  "check_in_due",
  "check_in_overdue",
  "check_in_nudge",
  "organiser_digest",
  "device_link",
  "catch_up_invite",
  "progress_published",
] as const;
export type EmailKind = (typeof emailKinds)[number];

/** One row per message handed to the SMTP relay (or refused by it): the record organisers see. */
export const sentEmails = sqliteTable(
  "sent_emails",
  {
    id: text("id").primaryKey(),
    /** Null for messages about an account rather than an event (password resets). */
    eventId: text("event_id").references(() => events.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: emailKinds }).notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    /** "sent", or "failed" when the relay refused it (the error itself is logged without the address). */
    outcome: text("outcome", { enum: ["sent", "failed"] }).notNull(),
    sentAt: integer("sent_at").notNull(),
  },
  (t) => [index("sent_emails_event").on(t.eventId, t.sentAt)],
);

/**
 * A scheduled message claims its key before it is sent: the key's primary key (and the
 * conditional upsert in lib/email/claims.ts) lets exactly one process win, however many sweep.
 */
export const emailClaims = sqliteTable("email_claims", {
  key: text("key").primaryKey(),
  /** What was claimed last under this key, e.g. "due" or "overdue" for a milestone. */
  detail: text("detail").notNull().default(""),
  claimedAt: integer("claimed_at").notNull(),
  /**
   * When the claimed message went; null while it is being sent (lib/email/claims.ts: the lease).
   * 0 by default: a claim written by code from before leases (a rolling deploy) counts as sent.
   */
  sentAt: integer("sent_at").default(0),
});

/** A staff password reset link: only its hash is kept; it expires and is used at most once. */
export const passwordResets = sqliteTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("password_resets_account").on(t.accountId)],
);
