import type { Role } from "@/lib/realtime/contract";

/**
 * Who is acting, in which event. Resolved by the server from a cookie, never sent by a client.
 * A participant carries no name: what others see of them is derived from their profile when it
 * is shown (lib/participants/names.ts), so nothing copies a name that could change or be erased.
 */
export type Actor =
  | { kind: "participant"; eventId: string; participantId: string; role: "participant" }
  | { kind: "staff"; eventId: string; accountId: string; name: string; role: Exclude<Role, "participant"> };

/** An account's key among actors' (`actorKey`), for what an account does outside any one event's room. */
export const accountKey = (accountId: string) => `a:${accountId}`;

/** A stable key for one person, used for idempotency and for counting people (not tabs). */
export const actorKey = (actor: Actor) =>
  actor.kind === "participant" ? `p:${actor.participantId}` : accountKey(actor.accountId);

/**
 * How a member of staff signs what they do in the room ("Phase started by …"). Staff sign with
 * their account's name; a participant never reaches the room commands that call this.
 */
export const staffSignature = (actor: Actor) => (actor.kind === "staff" ? actor.name : "A participant");

/** Whether `staffSignature` is a stand-in rather than a name, for screens to say in their own language. */
export const unsignedAs = (actor: Actor) => (actor.kind === "staff" ? undefined : ("participant" as const));

export const isStaff = (actor: Actor) => actor.role === "organiser" || actor.role === "facilitator";

/** What each role may do. Pure, so the rules are tested without a server. */
export const permissions = {
  readEvent: (_actor: Actor) => true,
  writeNote: (_actor: Actor) => true,
  announce: (actor: Actor) => isStaff(actor),
  runRoom: (actor: Actor) => isStaff(actor),
  organise: (actor: Actor) => actor.role === "organiser",
  /** Add, rename, resize and split teams. */
  manageTeams: (actor: Actor) => isStaff(actor),
  /** See access needs and contact details (never shown to other participants). */
  seePrivateDetails: (actor: Actor) => isStaff(actor),
} satisfies Record<string, (actor: Actor) => boolean>;

export type Permission = keyof typeof permissions;
