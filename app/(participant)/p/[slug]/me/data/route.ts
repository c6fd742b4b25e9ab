import { sharedDatabase } from "@/db";
import { actorForEvent } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";
import { jsonDownload } from "@/lib/privacy/json-download";
import { participantData } from "@/lib/privacy/subject-data";

/** "Download your data": everything the event holds about the participant whose cookie this is. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  if (!event) return new Response("There is no such event.", { status: 404 });
  const actor = await actorForEvent(event.id);
  if (actor?.kind !== "participant") {
    return new Response("Open this on the phone you joined with: it downloads that person's data.", { status: 403 });
  }
  const data = await participantData(db.read, event.id, actor.participantId);
  if (!data) return new Response("You're no longer in this event.", { status: 404 });
  return jsonDownload(data, `${slug}-your-data.json`);
}
