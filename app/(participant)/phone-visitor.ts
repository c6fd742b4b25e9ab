import type { Actor } from "@/lib/auth/actor";
import { type HeldOut, heldOutBy } from "@/lib/auth/held-out";
import { personTag } from "@/lib/auth/pseudonym";
import { actorForEvent, heldOutOfEvent } from "@/lib/auth/web-session";
import { sendToJoin } from "./send-to-join";

type Event = { id: string; status: string; joinCode: string };

/**
 * Who is looking at one of this event's phone pages: someone in it now (`actor`: a participant,
 * or staff trying the phone view), or someone still in it who is kept out for now (`heldOut`: it
 * was taken back to draft, or the weekend is over), whose page says so (<HeldOutPage>). Anyone
 * else is sent to join it, or finds nothing when it takes nobody new (sendToJoin): a stranger
 * learns nothing of a draft. `person`: who the page is for either way (what the device keeps
 * for them is filed under it, lib/realtime/client/kept.ts).
 */
export async function phoneVisitor(
  event: Event,
): Promise<{ actor: Actor; heldOut: null; person: string } | { actor: null; heldOut: HeldOut; person: string }> {
  const actor = await actorForEvent(event.id);
  if (actor) {
    // A finished event's pages are over for its participants; its staff still see them.
    const finished = actor.kind === "participant" ? heldOutBy(event.status) : null;
    const person = personTag(actor);
    return finished ? { actor: null, heldOut: finished, person } : { actor, heldOut: null, person };
  }
  const held = await heldOutOfEvent(event.id);
  if (held) return { actor: null, heldOut: held.why, person: personTag(held.actor) };
  sendToJoin(event);
}
