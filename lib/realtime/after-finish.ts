import type { Actor } from "@/lib/auth/actor";
import type { Revoked } from "@/lib/auth/revalidate";
import type { CommandName } from "./contract";

/**
 * What a participant may still do once their event has finished (archived): only what is theirs
 * by right over their own personal data. Leaving erases their details (with the choice to delete
 * their notes too), which is how someone exercises their right to erasure without asking anyone.
 * Leaving also takes their contact details and consent with it, so withdrawing consent needs no
 * command of its own here (and every email's "stop" link withdraws it without signing in).
 * Everything else (notes, votes, teams, their profile) stays refused: the weekend is over.
 * Pure, so the exception is tested on its own, and kept narrow on purpose.
 */
export const ownCommandsOnceFinished: ReadonlySet<CommandName> = new Set<CommandName>(["event:leave"]);

/**
 * Whether an identity that no longer holds (`why`) may still send this command: a participant of
 * a finished event, sending one of their own-data commands. Every other reason (left, signed out,
 * a draft event, staff) refuses as before.
 */
export const allowedOnceFinished = (why: Revoked, actor: Actor, name: CommandName) =>
  why === "finished" && actor.kind === "participant" && ownCommandsOnceFinished.has(name);
