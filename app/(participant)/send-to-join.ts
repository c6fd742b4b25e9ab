import { notFound, redirect } from "next/navigation";
import { takesNewPeople } from "@/lib/events/find-event";

/**
 * Someone who isn't in this event is sent to join it, if it takes people. A draft (or a finished
 * event) is not found instead: its page must not hand out its join code.
 */
export function sendToJoin(event: { status: string; joinCode: string }): never {
  if (!takesNewPeople(event)) notFound();
  redirect(`/j/${event.joinCode}`);
}
