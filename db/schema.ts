import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

const now = sql`(unixepoch('subsec') * 1000)`;
const createdAt = () => integer("created_at").notNull().default(now);

/** People who run events: organisers and facilitators sign in with an account. */
export const accounts = sqliteTable("accounts", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: createdAt(),
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
  description: text("description").notNull().default(""),
  startsAt: integer("starts_at"),
  endsAt: integer("ends_at"),
  createdBy: text("created_by").references(() => accounts.id, { onDelete: "set null" }),
  createdAt: createdAt(),
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
    createdAt: createdAt(),
  },
  (t) => [index("participants_event").on(t.eventId)],
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
    createdAt: createdAt(),
  },
  (t) => [index("boards_event").on(t.eventId)],
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
    createdAt: createdAt(),
  },
  (t) => [index("notes_board").on(t.boardId, t.createdAt)],
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
  },
  (t) => [index("announcements_event").on(t.eventId, t.createdAt)],
);

/**
 * Every applied command, keyed by who sent it and the id their device generated. The primary
 * key is what makes a retried command apply exactly once, even across processes.
 */
export const commandLog = sqliteTable(
  "command_log",
  {
    actorKey: text("actor_key").notNull(),
    commandId: text("command_id").notNull(),
    name: text("name").notNull(),
    result: text("result", { mode: "json" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.actorKey, t.commandId] })],
);

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
