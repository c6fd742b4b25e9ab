import { desc, eq } from "drizzle-orm";
import type { Metadata } from "next";
import Link from "next/link";
import { FollowUpBadge } from "@/app/ui/follow-up-badge";
import { sharedDatabase } from "@/db";
import { eventStaff, events } from "@/db/schema";
import { formatShortDate } from "@/lib/events/event-dates";
import { attentionLabels } from "@/lib/projects/check-in-rules";
import { findNudges } from "@/lib/projects/find-nudges";
import { requireAccount } from "../access";
import { RoleBadge, StatusBadge } from "../badges";
import { PageShell } from "../page-shell";
import { CreateEventForm } from "./create-event-form";

export const metadata: Metadata = { title: "Your events" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const account = await requireAccount("/o");
  const deleted = (await searchParams).deleted === "1";
  const db = await sharedDatabase();
  const mine = await db.read
    .select({
      slug: events.slug,
      name: events.name,
      status: events.status,
      place: events.place,
      startsAt: events.startsAt,
      role: eventStaff.role,
    })
    .from(eventStaff)
    .innerJoin(events, eq(events.id, eventStaff.eventId))
    .where(eq(eventStaff.accountId, account.id))
    .orderBy(desc(events.startsAt), desc(events.createdAt));
  const nudges = await findNudges(db.read, account.id);

  return (
    <PageShell>
      <div className="mb-8 space-y-1">
        <p className="eyebrow">Signed in as {account.name}</p>
        <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">Your events</h1>
      </div>
      {deleted ? (
        <p role="status" className="mb-6 rounded-lg bg-brand-soft px-4 py-3 font-semibold text-brand-dark">
          The event was deleted, with everything in it and its uploaded files.
        </p>
      ) : null}
      {nudges.length > 0 ? (
        <section aria-labelledby="nudges-heading" className="card mb-8 space-y-3 p-6">
          <h2 id="nudges-heading" className="text-xl font-bold tracking-tight">
            Projects that need a nudge
          </h2>
          <ul className="divide-y divide-line rounded-xl border border-line">
            {nudges.map(({ event, project, reasons }) => (
              <li key={project.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <span className="min-w-0">
                  <Link href={`/o/${event.slug}/projects/${project.id}`} className="link break-words">
                    {project.title}
                  </Link>
                  <span className="block text-sm text-ink-soft">
                    {event.name} · owner {project.ownerName}
                  </span>
                </span>
                <span className="flex flex-wrap gap-2">
                  <FollowUpBadge state={project.state} />
                  {reasons
                    .filter((r) => r !== "due" && r !== "overdue")
                    .map((r) => (
                      <span key={r} className="rounded-full bg-red-100 px-2.5 py-0.5 text-sm font-semibold text-danger">
                        {attentionLabels[r]}
                      </span>
                    ))}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_400px]">
        <section aria-labelledby="your-events-heading">
          <h2 id="your-events-heading" className="sr-only">
            Events you help run
          </h2>
          {mine.length === 0 ? (
            <div className="card space-y-2 border-dashed p-8 text-center">
              <p className="text-lg font-semibold">You're not running any events yet.</p>
              <p className="text-ink-soft">
                Create one with the form, or ask an organiser to send you an invitation link to theirs.
              </p>
            </div>
          ) : (
            <ul className="grid gap-4">
              {mine.map((event) => (
                <li key={event.slug}>
                  <Link
                    href={`/o/${event.slug}`}
                    className="card group block p-5 transition-shadow hover:shadow-md focus-visible:shadow-md sm:p-6"
                  >
                    <div className="flex flex-wrap items-center gap-2">
                      <StatusBadge status={event.status} />
                      <RoleBadge role={event.role} />
                    </div>
                    <h3 className="mt-3 text-xl font-bold tracking-tight group-hover:underline">{event.name}</h3>
                    <p className="mt-1 text-ink-soft">
                      {[event.startsAt === null ? "Dates to be announced" : formatShortDate(event.startsAt), event.place]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="create-event-heading" className="card p-6">
          <h2 id="create-event-heading" className="mb-5 text-xl font-bold tracking-tight">
            Create an event
          </h2>
          <CreateEventForm />
          <p className="mt-4 text-sm text-ink-soft">
            Or{" "}
            <Link href="/o/import" className="link">
              import an event
            </Link>{" "}
            exported from another Made In.
          </p>
        </section>
      </div>
    </PageShell>
  );
}
