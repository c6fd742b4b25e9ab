import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivityLine } from "@/app/live/activity-line";
import { sharedDatabase } from "@/db";
import { findActivity } from "@/lib/activity/log-activity";
import { formatEventDates } from "@/lib/events/event-dates";
import { csvTables } from "@/lib/exports/csv-tables";
import { attendanceOf, roomBoards, teamReports } from "@/lib/exports/event-report";
import { loadEventExport } from "@/lib/exports/load-event-export";
import { participantKindLabels } from "@/lib/participants/profile-facts";
import { plural } from "@/lib/plural";
import { organisersOnly, requireAccount, staffAccess } from "../../../access";
import { PageShell } from "../../../page-shell";
import { PrintButton } from "./print-button";
import "./review.css";
import { EventBreadcrumb } from "../../../event-breadcrumb";
import { BoardReview, teamReviewSections, VoteReview } from "./team-sections";

export const metadata: Metadata = { title: "Event review" };

export default async function ReviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const account = await requireAccount(`/o/${slug}/review`);
  const { event, role } = await staffAccess(slug, account.id);
  if (!event) notFound();
  if (role !== "organiser")
    return (
      <PageShell width="narrow">
        <p className="card p-6">{organisersOnly}</p>
      </PageShell>
    );
  const db = (await sharedDatabase()).read;
  const data = await loadEventExport(db, event.id);
  if (!data) notFound();
  const activity = await findActivity(db, event.id, { order: "oldest" });
  const attendance = attendanceOf(data);
  const teams = teamReports(data);
  const room = roomBoards(data).filter(({ board }) => board.notes.length > 0);
  const base = `/o/${event.slug}/export`;

  return (
    <PageShell>
      <div className="review space-y-8">
        <EventBreadcrumb event={event} here="Review" className="review-no-print text-sm" />

        <header className="space-y-2">
          <p className="eyebrow">Event review</p>
          <h1 className="text-3xl font-extrabold tracking-tight break-words sm:text-4xl">{event.name}</h1>
          <p className="text-lg text-ink-soft">
            {formatEventDates(event.startsAt, event.endsAt)}
            {event.place ? ` · ${event.place}` : ""}
          </p>
        </header>

        <section aria-labelledby="exports-heading" className="review-no-print card space-y-4 p-6">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="exports-heading" className="text-xl font-bold tracking-tight">
              Take it with you
            </h2>
            <div className="flex flex-wrap gap-2">
              <PrintButton />
              <Link href={`/o/${event.slug}/projects`} className="btn btn-primary">
                Projects after the event
              </Link>
            </div>
          </div>
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            <Download href={`${base}/markdown`} title="Report (Markdown)" about="The whole event as a readable report." />
            <Download
              href={`${base}/json`}
              title="Everything (JSON)"
              about="Complete, to import into another Made In. Holds consented contact details: keep it safe."
            />
            <Download
              href={`${base}/archive`}
              title="Everything with the files (zip)"
              about="The JSON, the report and every table, with the photos, showcase images and project packs people uploaded."
            />
            {csvTables.map((table) => (
              <Download key={table.key} href={`${base}/csv/${table.key}`} title={`${table.title} (CSV)`} about={table.about} />
            ))}
          </ul>
        </section>

        <section aria-labelledby="attendance-heading" className="card space-y-4 p-6">
          <h2 id="attendance-heading" className="text-2xl font-bold tracking-tight">
            Who came
          </h2>
          <p className="text-lg">
            <span className="font-bold">{plural(attendance.total, "person", "people")}</span> joined; {attendance.stayed} stayed
            to the end.
          </p>
          <div className="grid gap-6 md:grid-cols-2">
            <div>
              <h3 className="mb-2 font-bold">Kinds of participant</h3>
              {attendance.kinds.length === 0 ? (
                <p className="text-ink-soft">Nobody joined.</p>
              ) : (
                <ul className="space-y-1">
                  {attendance.kinds.map((k) => (
                    <li key={k.kind ?? "none"} className="flex justify-between gap-4 border-b border-line py-1">
                      <span>{k.kind ? participantKindLabels[k.kind as keyof typeof participantKindLabels] : "Didn't say"}</span>
                      <span className="font-semibold">{k.count}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h3 className="mb-2 font-bold">Skills present</h3>
              {attendance.skills.length === 0 ? (
                <p className="text-ink-soft">Nobody listed a skill.</p>
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

        {teams.length === 0 ? <p className="card p-6 text-ink-soft">No teams were formed.</p> : null}
        {teams.map((team) => (
          <article
            key={team.id}
            aria-labelledby={`team-${team.id}`}
            className="review-team card space-y-6 p-6"
            data-testid="review-team"
          >
            <h2 id={`team-${team.id}`} className="text-2xl font-extrabold tracking-tight break-words">
              Team: {team.name}
            </h2>
            {teamReviewSections.map((section) => {
              const body = section.render(team, data);
              return body === null ? null : (
                <section key={section.key} className="space-y-3">
                  <h3 className="border-b border-line pb-1 text-xl font-bold">{section.title}</h3>
                  {body}
                </section>
              );
            })}
          </article>
        ))}

        {room.length > 0 ? (
          <article aria-labelledby="room-boards" className="review-team card space-y-6 p-6">
            <h2 id="room-boards" className="text-2xl font-extrabold tracking-tight">
              Boards for the whole room
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
            How the room was run
          </h2>
          {activity.length === 0 ? (
            <p className="text-ink-soft">Nobody has run the room from the console yet.</p>
          ) : (
            <>
              <p className="text-ink-soft">
                Every phase, timer, wall, vote, lock, reveal, announcement and moderation by the team, in order (
                {plural(activity.length, "action")}).
              </p>
              <ol className="divide-y divide-line rounded-xl ring-1 ring-line" data-testid="review-activity">
                {activity.map((e) => (
                  <ActivityLine
                    key={e.id}
                    entry={e}
                    wide
                    testId="review-activity-entry"
                    when={new Date(e.at).toLocaleString("en-GB", {
                      weekday: "short",
                      hour: "2-digit",
                      minute: "2-digit",
                      second: "2-digit",
                    })}
                  />
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
