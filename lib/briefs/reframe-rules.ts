import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/actor";

export const reframeTextSchema = z
  .string()
  .trim()
  .min(1, "Write the problem as your team now sees it.")
  .max(1000, "Keep it to 1,000 characters or fewer: a problem statement, not an essay.");

/**
 * Who may "tear up the brief" for a team: a member of that team, or any of the event's staff.
 * The team must be working on this brief, in the actor's event.
 */
export function canReframe(input: {
  actor: Actor;
  briefId: string;
  team: { eventId: string; briefId: string | null };
  isMember: boolean;
}): boolean {
  const { actor, team } = input;
  if (team.eventId !== actor.eventId || team.briefId !== input.briefId) return false;
  return isStaff(actor) || input.isMember;
}
