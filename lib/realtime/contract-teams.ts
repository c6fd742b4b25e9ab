/**
 * The teams and participants part of the real-time contract (merged into contract.ts): joining
 * and moving team (by your own tap, or a facilitator's), running teams, what a participant
 * shares about themselves, and leaving.
 * Team events go to the room `teams:<eventId>`, which a screen joins by reading
 * `teams:snapshot`, so they carry their own gap-free sequence.
 */
import { z } from "zod";
import {
  type AgeBand,
  ageBands,
  displayNameSchema,
  type ParticipantKind,
  participantKinds,
  profileLimits,
} from "@/lib/participants/profile";

const teamLimits = { name: 60, capacity: 200 };

const id = z.string().min(1).max(64);
const teamName = z
  .string({ error: "A team name must be text" })
  .trim()
  .min(1, "A team name can't be empty")
  .max(teamLimits.name, `A team name must be ${teamLimits.name} characters or fewer`);
const capacity = z
  .number({ error: "Capacity must be a number of people" })
  .int("Capacity must be a whole number of people")
  .min(1, "A team needs room for at least 1 person")
  .max(teamLimits.capacity, `Capacity can be at most ${teamLimits.capacity} people`);

/** Said when consent to contact comes with no contact to use. */
export const contactMissing = "Add an email address or phone number, or untick the box";

/** Only the answers given change: one left out keeps what is stored (a form sends what was changed on it). */
const profileSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    skills: z
      .array(
        z
          .string({ error: "A skill must be text" })
          .trim()
          .min(1, "A skill can't be empty")
          .max(profileLimits.skill, `Keep each skill to ${profileLimits.skill} characters or fewer`),
        { error: "Skills must be a list" },
      )
      .max(profileLimits.skills, `Choose up to ${profileLimits.skills} things you're good at`)
      .optional(),
    kind: z.enum(participantKinds, { error: "Choose one of the kinds of participant, or leave it blank" }).nullable().optional(),
    ageBand: z.enum(ageBands, { error: "Choose an age band, or leave it blank" }).nullable().optional(),
    accessNeeds: z
      .string({ error: "Access needs must be text" })
      .trim()
      .max(profileLimits.accessNeeds, `Keep access needs to ${profileLimits.accessNeeds} characters or fewer`)
      .optional(),
    contactConsent: z.boolean({ error: "Say yes or no to being contacted" }).optional(),
    contact: z
      .string({ error: "Contact details must be text" })
      .trim()
      .max(profileLimits.contact, `Keep contact details to ${profileLimits.contact} characters or fewer`)
      .optional(),
  })
  .strict()
  // Consent given with a contact left out keeps the stored one (the handler checks there is one).
  .refine((p) => p.contactConsent !== true || p.contact === undefined || p.contact.length > 0, {
    message: contactMissing,
    path: ["contact"],
  })
  .refine((p) => !/[<>]/.test(p.contact ?? ""), { message: "Contact details can't contain < or >", path: ["contact"] });

export const teamCommandSchemas = {
  /** The room's teams and people; subscribes the socket to the teams room. */
  "teams:snapshot": z.object({}).strict(),
  "team:join": z.object({ teamId: id }).strict(),
  "team:leave": z.object({}).strict(),
  "team:create": z
    .object({ name: teamName, briefId: id.nullable().default(null), capacity: capacity.nullable().default(null) })
    .strict(),
  "team:update": z
    .object({ teamId: id, name: teamName.optional(), capacity: capacity.nullable().optional() })
    .strict()
    .refine((u) => u.name !== undefined || u.capacity !== undefined, { message: "Nothing to change." }),
  /** Turns one team into two on the same brief, e.g. when too many people chose it. */
  "team:split": z.object({ teamId: id }).strict(),
  "profile:update": profileSchema,
  /** Staff only: access needs and contact details, which other participants never see. */
  "participants:details": z.object({}).strict(),
  "event:leave": z.object({ deleteNotes: z.boolean({ error: "Say whether to delete your notes" }).default(false) }).strict(),
  /** Staff only: takes a person out of the event, exactly as if they had left. */
  "participant:remove": z
    .object({ participantId: id, deleteNotes: z.boolean({ error: "Say whether to delete their notes" }).default(false) })
    .strict(),
  /** Staff only: deletes every note one person wrote (e.g. a flood of them). */
  "participant:notes-delete": z.object({ participantId: id }).strict(),
  /**
   * Staff only: puts a person in a team, moves them to another, or (teamId null) takes them out
   * of theirs. A full team refuses unless `beyondCapacity` says the facilitator means it.
   */
  "participant:move": z
    .object({
      participantId: id,
      teamId: id.nullable(),
      beyondCapacity: z.boolean({ error: "Say whether to go beyond the team's capacity" }).default(false),
    })
    .strict(),
} as const;

export type TeamView = {
  id: string;
  name: string;
  briefId: string | null;
  briefTitle: string | null;
  /** Null: no limit. */
  capacity: number | null;
  position: number;
};

/** A person as everyone in the room sees them: public name, what they said they're good at. */
export type PersonView = {
  id: string;
  name: string;
  kind: ParticipantKind | null;
  skills: string[];
  teamId: string | null;
  /** Their place in the order people joined the event (1: the first; lib/participants/join-number.ts), which two people shown by one name are numbered in (lib/participants/distinct-names.ts). Never the time. */
  joinNumber: number;
};

/** What only the person and the event's staff see. */
export type PrivateDetails = {
  participantId: string;
  displayName: string;
  ageBand: AgeBand | null;
  accessNeeds: string;
  contactConsent: boolean;
  contact: string;
};

export type TeamsSnapshot = {
  seq: number;
  teams: TeamView[];
  /** Everyone still in the event, in or out of a team. */
  people: PersonView[];
  /** The viewer's participant id; null for staff. */
  me: string | null;
};

export type TeamCommandResults = {
  "teams:snapshot": TeamsSnapshot;
  /** votesWithdrawn: people's-choice dots this person had on the team they joined, now taken back. */
  "team:join": { person: PersonView; fromTeamId: string | null; votesWithdrawn?: number };
  "team:leave": { person: PersonView; fromTeamId: string | null };
  "team:create": { team: TeamView };
  "team:update": { team: TeamView };
  "team:split": { teams: [TeamView, TeamView] };
  /** The public part only: results are kept in the command log, which holds no private details. */
  "profile:update": { person: PersonView };
  /**
   * With how many notes each person has written where the room sees their name, so staff can
   * see a flood and clear it; and whether the event holds any unsigned notes (anonymous boards'),
   * which nobody's count shows.
   */
  "participants:details": { people: (PrivateDetails & { notes: number })[]; unsignedNotes: boolean };
  "event:leave": { notesDeleted: number };
  "participant:remove": { notesDeleted: number };
  "participant:notes-delete": { notesDeleted: number };
  /** As a join: the person as the room now sees them, where they came from, dots taken back. */
  "participant:move": { person: PersonView; fromTeamId: string | null; votesWithdrawn?: number };
};

export type TeamEvents = {
  "team:membership-changed": { person: PersonView; fromTeamId: string | null };
  "team:created": { team: TeamView };
  "team:updated": { team: TeamView };
  "participant:joined": { person: PersonView };
  "participant:profile-updated": { person: PersonView };
  "participant:left": { participantId: string; fromTeamId: string | null };
};
