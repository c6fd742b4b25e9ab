import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { staffRole } from "@/lib/auth/identity";
import { currentAccount } from "@/lib/auth/web-session";
import { findAgenda } from "@/lib/events/find-agenda";
import { findEventBySlug } from "@/lib/events/find-event";
import { eventToIcs } from "@/lib/events/ics";
import { contentDisposition } from "@/lib/files/content-disposition";
import { localDayTime } from "@/lib/i18n/dates";
import { phoneBaseUrl } from "@/lib/server/phone-url";

/** "Add to your calendar": the event as an .ics file, for anyone who may see its page. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const db = await sharedDatabase();
  const t = await getTranslations("public.calendar");
  const locale = await getLocale();
  const event = await findEventBySlug(db.read, slug);
  const notFound = () => new Response(t("notFound"), { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (!event || event.startsAt === null) return notFound();
  if (event.status === "draft") {
    const account = await currentAccount();
    if (!account || !(await staffRole(db.read, event.id, account.id))) return notFound();
  }
  // The entry is read on a phone's calendar as often as on this computer: an address it can open.
  const base = (await phoneBaseUrl()).base;
  const agenda = await findAgenda(db.read, event.id);
  const url = `${base}/e/${event.slug}`;
  const description = [
    event.description,
    agenda.length
      ? `${t("agenda")}\n${agenda.map((p) => t("agendaItem", { when: localDayTime(locale, p.startsAt), phase: p.name })).join("\n")}`
      : "",
    t("details", { url }),
  ]
    .filter(Boolean)
    .join("\n\n");
  const body = eventToIcs({
    uid: `${event.id}@made-in`,
    name: event.name,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    place: event.place,
    description,
    url,
    now: Date.now(),
  });
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": contentDisposition("attachment", `${event.slug}.ics`),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
