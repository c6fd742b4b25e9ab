import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActivityLine } from "@/app/live/activity-line";
import { sharedDatabase } from "@/db";
import { findActivity } from "@/lib/activity/log-activity";
import { personTag } from "@/lib/auth/pseudonym";
import { actorForEvent } from "@/lib/auth/web-session";
import { exportInWords } from "@/lib/exports/boards-in-words";
import { csvTables } from "@/lib/exports/csv-tables";
import { attendanceOf, roomBoards, teamReports } from "@/lib/exports/event-report";
import { loadEventExport } from "@/lib/exports/load-event-export";
import { reportWords } from "@/lib/exports/markdown-report";
import { localEventDates, localWeekdayTime } from "@/lib/i18n/dates";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { rooms } from "@/lib/realtime/rooms";
import { currentSeq } from "@/lib/realtime/sequence";
import { organisersOnlyText, requireAccount, staffAccess } from "../../../access";
import { PageShell } from "../../../page-shell";
import { PrintButton } from "./print-button";
import { ReviewFollower } from "./review-follower";
import "./review.css";
import { EventBreadcrumb } from "../../../event-breadcrumb";
import { BoardReview, teamReviewSections, VoteReview } from "./team-sections";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("review.page");
  return { title: t("metaTitle") };
}

export default async function ReviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const t = await getTranslations("review");
  const locale = await getLocale();
  const account = await requireAccount(`/o/${slug}/review`);
  const { event, role } = await staffAccess(slug, account.id);
  if (!event) notFound();
  if (role !== "organiser")
    return (
      <PageShell width="narrow">
        <p className="card p-6">{await organisersOnlyText()}</p>
      </PageShell>
    );
  const actor = await actorForEvent(event.id);
  if (!actor) notFound();
  const db = (await sharedDatabase()).read;
  // Before the record: a change after this number and before the reads is drawn, and fetched again.
  const drawnSeq = await currentSeq(db, rooms.teams(event.id));
  const record = await loadEventExport(db, event.id);
  if (!record) notFound();
  // Boards still named as their template made them, in the reader's words, as on the console.
  const data = exportInWords(record, locale);
  const activity = await findActivity(db, event.id, { order: "oldest" });
  const attendance = attendanceOf(data);
  // Vote results name what the dots landed on ("Group: …", "(photo)") in the reader's words.
  const words = reportWords(locale);
  const teams = teamReports(data, words);
  const room = roomBoards(data, words).filter(({ board }) => board.notes.length > 0);
  const base = `/o/${event.slug}/export`;
  // "Sat 14:05:09" in the event's clock, never the server's.
  const activityTime = (ms: number) => localWeekdayTime(locale, ms, true);

  return (
    <PageShell>
      <EventConnectionProvider eventId={event.id} person={personTag(actor)} staff>
        <ReviewFollower drawnSeq={drawnSeq} />
      </EventConnectionProvider>
      <div className="review space-y-8">
        <EventBreadcrumb event={event} here={t("page.breadcrumb")} className="review-no-print text-sm" />

        <header className="space-y-2">
          <p className="eyebrow">{t("page.eyebrow")}</p>
          <h1 className="text-3xl font-extrabold tracking-tight break-words sm:text-4xl">{event.name}</h1>
          <p className="text-lg text-ink-soft">
            {localEventDates(locale, event.startsAt, event.endsAt, t("page.datesTba"))}
            {event.place ? ` · ${event.place}` : ""}
          </p>
        </header>

        <section aria-labelledby="exports-heading" className="review-no-print card space-y-4 p-6">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="exports-heading" className="text-xl font-bold tracking-tight">
              {t("page.exportsHeading")}
            </h2>
            <div className="flex flex-wrap gap-2">
              <PrintButton />
              <Link href={`/o/${event.slug}/projects`} className="btn btn-primary">
                {t("page.projects")}
              </Link>
            </div>
          </div>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            <Download href={`${base}/markdown`} title={t("downloads.markdown.title")} about={t("downloads.markdown.about")} />
            <Download href={`${base}/json`} title={t("downloads.json.title")} about={t("downloads.json.about")} />
            <Download href={`${base}/archive`} title={t("downloads.archive.title")} about={t("downloads.archive.about")} />
            {csvTables.map((table) => {
              const known = t.has(`downloads.csv.${table.key}.title`);
              return (
                <Download
                  key={table.key}
                  href={`${base}/csv/${table.key}`}
                  title={t("downloads.csvTitle", { table: known ? t(`downloads.csv.${table.key}.title`) : table.title })}
                  about={known ? t(`downloads.csv.${table.key}.about`) : table.about}
                />
              );
            })}
          </ul>
          <p className="text-sm text-ink-soft">{t("downloads.csvSeparator")}</p>
        </section>

        <section aria-labelledby="attendance-heading" className="card space-y-4 p-6">
          <h2 id="attendance-heading" className="text-2xl font-bold tracking-tight">
            {t("page.attendanceHeading")}
          </h2>
          <p className="text-lg">
            {t.rich("page.attendance", {
              total: attendance.total,
              stayed: attendance.stayed,
              b: (chunks) => <span className="font-bold">{chunks}</span>,
            })}
          </p>
          <div className="grid gap-6 md:grid-cols-2">
            <div>
              <h3 className="mb-2 font-bold">{t("page.kindsHeading")}</h3>
              {attendance.kinds.length === 0 ? (
                <p className="text-ink-soft">{t("page.nobodyJoined")}</p>
              ) : (
                <ul className="space-y-1">
                  {attendance.kinds.map((k) => (
                    <li key={k.kind ?? "none"} className="flex justify-between gap-4 border-b border-line py-1">
                      <span>{k.kind ? t("members.kind", { kind: k.kind }) : t("members.didntSay")}</span>
                      <span className="font-semibold">{k.count}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3 className="mb-2 font-bold">{t("page.skillsHeading")}</h3>
              {attendance.skills.length === 0 ? (
                <p className="text-ink-soft">{t("page.noSkills")}</p>
              ) : (
                <ul className="flex flex-wrap gap-2">
                  {attendance.skills.map((s) => (
                    <li key={s.skill} className="rounded-full bg-brand-soft px-3 py-1 text-brand-dark">
                      {s.skill} <span className="font-bold">×{s.count}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </section>

        {teams.length === 0 ? <p className="card p-6 text-ink-soft">{t("page.noTeams")}</p> : null}
        {teams.map((team) => (
          <article
            key={team.id}
            aria-labelledby={`team-${team.id}`}
            className="review-team card space-y-6 p-6"
            data-testid="review-team"
          >
            <h2 id={`team-${team.id}`} className="text-2xl font-extrabold tracking-tight break-words">
              {t("page.team", { name: team.name })}
            </h2>
            {teamReviewSections.map((section) => {
              const body = section.render(team, data);
              return body === null ? null : (
                <section key={section.key} className="space-y-3">
                  <h3 className="border-b border-line pb-1 text-xl font-bold">{t(`sections.${section.key}`)}</h3>
                  {body}
                </section>
              );
            })}
          </article>
        ))}

        {room.length > 0 ? (
          <article aria-labelledby="room-boards" className="review-team card space-y-6 p-6">
            <h2 id="room-boards" className="text-2xl font-extrabold tracking-tight">
              {t("page.roomBoards")}
            </h2>
            {room.map(({ board, votes }) => (
              <div key={board.id} className="space-y-4">
                <BoardReview board={board} data={data} />
                {votes.map((v) => (
                  <VoteReview key={v.roundId} round={v} />
                ))}
              </div>
            ))}
          </article>
        ) : null}

        <section aria-labelledby="activity-heading" className="review-team card space-y-4 p-6">
          <h2 id="activity-heading" className="text-2xl font-extrabold tracking-tight">
            {t("page.activityHeading")}
          </h2>
          {activity.length === 0 ? (
            <p className="text-ink-soft">{t("page.noActivity")}</p>
          ) : (
            <>
              <p className="text-ink-soft">{t("page.activityIntro", { count: activity.length })}</p>
              <ol className="divide-y divide-line rounded-xl ring-1 ring-line" data-testid="review-activity">
                {activity.map((e) => (
                  <ActivityLine key={e.id} entry={e} wide testId="review-activity-entry" when={activityTime(e.at)} />
                ))}
              </ol>
            </>
          )}
        </section>
      </div>
    </PageShell>
  );
}

function Download({ href, title, about }: { href: string; title: string; about: string }) {
  return (
    <li className="rounded-xl border border-line p-4">
      {/* A plain link: the browser downloads the file (Content-Disposition), no client code. */}
      <a href={href} className="link" download>
        {title}
      </a>
      <p className="mt-1 text-sm text-ink-soft">{about}</p>
    </li>
  );
}
