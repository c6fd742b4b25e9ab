import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { personTag } from "@/lib/auth/pseudonym";
import { actorForEvent } from "@/lib/auth/web-session";
import { findCsvTable } from "@/lib/exports/csv-tables";
import { localShortDate, localTime } from "@/lib/i18n/dates";
import { translator } from "@/lib/i18n/translator";
import { type AuditAction, auditActions, findAudit } from "@/lib/privacy/audit";
import { auditSubjectInWords, retentionPeriod } from "@/lib/privacy/audit-words";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { rooms } from "@/lib/realtime/rooms";
import { currentSeq } from "@/lib/realtime/sequence";
import { requireAccount, staffAccess } from "../../../access";
import { EventBreadcrumb } from "../../../event-breadcrumb";
import { PageShell } from "../../../page-shell";
import { AuditFollower } from "./audit-follower";

export async function generateMetadata() {
  const t = await getTranslations("organiser.audit");
  return { title: t("title") };
}

type Say = Awaited<ReturnType<typeof getTranslations<"organiser">>>;
type SayReview = Awaited<ReturnType<typeof getTranslations<"review">>>;

/** A CSV table's title as the review page shows it; a table it does not know keeps its English title. */
function tableTitle(review: SayReview, key: string) {
  const title = `downloads.csv.${key}.title`;
  return review.has(title) ? review(title) : (findCsvTable(key)?.title ?? key);
}

/** lib/privacy/audit's actions → their keys under organiser.audit.actions. */
const actionKeys = {
  "participants.details_viewed": "detailsViewed",
  "export.downloaded": "exportDownloaded",
  "participant.removed": "participantRemoved",
  "staff.role_granted": "roleGranted",
  "privacy.settings_changed": "settingsChanged",
  "retention.swept": "retentionSwept",
  "event.deleted": "eventDeleted",
} as const satisfies Record<AuditAction, string>;

/** The action in words; an action this page does not know stays as it is stored. */
function actionLabel(t: Say, action: string) {
  return action in auditActions ? t(`audit.actions.${actionKeys[action as AuditAction]}`) : action;
}

/** Every staff access to this event's personal data, newest first: for its organisers only. */
export default async function AuditPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const account = await requireAccount(`/o/${slug}/audit`);
  const { event, role } = await staffAccess(slug, account.id);
  if (!event) notFound();
  const t = await getTranslations("organiser");
  const review = await getTranslations("review");
  const locale = await getLocale();
  const say = translator(locale, "organiser");
  if (role !== "organiser") {
    return (
      <PageShell width="narrow">
        <div className="card space-y-4 p-6">
          <h1 className="text-2xl font-extrabold tracking-tight">{t("audit.onlyOrganisers")}</h1>
          <p className="text-ink-soft">{t("audit.onlyOrganisersBody")}</p>
          <Link href={`/o/${slug}`} className="btn btn-primary">
            {t("shell.backToEvent")}
          </Link>
        </div>
      </PageShell>
    );
  }
  const actor = await actorForEvent(event.id);
  const db = (await sharedDatabase()).read;
  // Before the log: a staff change after this number and before the read is drawn, and fetched again.
  const drawnSeq = await currentSeq(db, rooms.staff(event.id));
  const entries = await findAudit(db, event.id);

  return (
    <PageShell>
      {actor ? (
        <EventConnectionProvider eventId={event.id} person={personTag(actor)} staff worksWithoutJavaScript>
          <AuditFollower drawnSeq={drawnSeq} />
        </EventConnectionProvider>
      ) : null}
      <EventBreadcrumb event={event} here={t("audit.here")} />
      <header className="mb-8 max-w-3xl space-y-2">
        <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">{t("audit.heading")}</h1>
        <p className="text-ink-soft">{t("audit.intro", { period: retentionPeriod(say, event.retentionMonths) })}</p>
      </header>
      {entries.length === 0 ? (
        <p className="card p-6 text-ink-soft">{t("audit.empty")}</p>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="w-full min-w-[40rem] text-start">
            <caption className="sr-only">{t("audit.caption")}</caption>
            <thead className="border-b-2 border-line text-sm text-ink-soft">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t("audit.when")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("audit.who")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("audit.what")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {entries.map((e) => (
                <tr key={e.id} className="align-top" data-testid="audit-entry">
                  <td className="px-4 py-3 whitespace-nowrap">
                    {t("audit.whenValue", { date: localShortDate(locale, e.createdAt), time: localTime(locale, e.createdAt) })}
                  </td>
                  <td className="px-4 py-3">
                    {e.accountId === null ? (
                      <span className="text-ink-soft">{t("audit.sweep")}</span>
                    ) : (
                      <>
                        <span className="block font-semibold break-words">
                          {e.accountName ?? t("audit.deletedAccount")}
                          {e.accountId === account.id ? (
                            <span className="font-normal text-ink-soft"> {t("shell.you")}</span>
                          ) : null}
                        </span>
                        <span className="block font-mono text-xs break-all text-ink-soft">{e.accountId}</span>
                      </>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <span className="block font-semibold">{actionLabel(t, e.action)}</span>
                    <span className="block text-sm text-ink-soft">
                      {auditSubjectInWords(say, e.action, e.subject, (key) => tableTitle(review, key))}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PageShell>
  );
}
