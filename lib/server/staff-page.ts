import "server-only";
import { notFound, redirect } from "next/navigation";
import { sharedDatabase } from "@/db";
import { signInPathFor } from "@/lib/accounts/next-path";
import { type Actor, isStaff } from "@/lib/auth/actor";
import { actorForEvent, currentAccount } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";

type StaffActor = Extract<Actor, { kind: "staff" }>;

/**
 * The gate of every facilitator and big-screen page: staff of this event go in; a participant
 * is refused (the page shows why: `refused` says who is asking); nobody signed in is sent to sign in and brought back, whether
 * or not the event exists, so the answer tells a stranger nothing. A draft is its staff's alone:
 * to anyone else signed in it is as unknown as a made-up address.
 */
export async function staffPage(slug: string, path: string) {
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  const actor = event ? await actorForEvent(event.id) : null;
  if (event && actor && isStaff(actor)) return { event, actor: actor as StaffActor, refused: false as const };
  if (!actor && !(await currentAccount())) redirect(signInPathFor(path));
  if (!event || event.status === "draft") notFound();
  // A participant of the event has their own page; an account that is not (or no longer) on its
  // staff, such as a facilitator just taken off it, is told that, not sent to a page it has none of.
  return { event, actor: null, refused: actor ? ("participant" as const) : ("account" as const) };
}
