import { getLocale, getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { actorForEvent } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";
import { jsonDownload } from "@/lib/privacy/json-download";
import { participantData } from "@/lib/privacy/subject-data";

/** "Download your data": everything the event holds about the participant whose cookie this is. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const t = await getTranslations("me.data");
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  if (!event) return new Response(t("noEvent"), { status: 404 });
  const actor = await actorForEvent(event.id);
  if (actor?.kind !== "participant") {
    return new Response(t("wrongDevice"), { status: 403 });
  }
  // The words Made In wrote in the reader's language; the keys stay the format's.
  const data = await participantData(db.read, event.id, actor.participantId, await getLocale());
  if (!data) return new Response(t("gone"), { status: 404 });
  return jsonDownload(data, `${slug}-your-data.json`);
}
