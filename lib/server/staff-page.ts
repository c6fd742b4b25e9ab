import "server-only";
import { notFound, redirect } from "next/navigation";
import { sharedDatabase } from "@/db";
import { type Actor, isStaff } from "@/lib/auth/actor";
import { actorForEvent, currentAccount } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";

type StaffActor = Extract<Actor, { kind: "staff" }>;

/**
 * The gate of every facilitator and big-screen page: staff of this event go in; a participant
 * is refused (the page shows why); nobody signed in is sent to sign in and brought back.
 */
export async function staffPage(slug: string, path: string) {
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  if (!event) notFound();
  const actor = await actorForEvent(event.id);
  if (actor && isStaff(actor)) return { event, actor: actor as StaffActor, refused: false as const };
  if (!actor && !(await currentAccount())) redirect(`/signin?next=${encodeURIComponent(path)}`);
  return { event, actor: null, refused: true as const };
}
