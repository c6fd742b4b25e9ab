import { asc, desc, eq } from "drizzle-orm";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FollowUpBadge } from "@/app/ui/follow-up-badge";
import { sharedDatabase } from "@/db";
import { briefs, eventFollowUps, events, sentEmails, teams } from "@/db/schema";
import { sharedMailer } from "@/lib/email/mailer";
import { catchUpAudience } from "@/lib/email/participant-emails";
import { attentionLabels, checkInStatusLabels } from "@/lib/projects/check-in-rules";
import { projectsNeedingNudge } from "@/lib/projects/find-nudges";
import { findProjects } from "@/lib/projects/find-projects";
import { publicBaseUrl } from "@/lib/server/public-url";
import { organisersOnly, requireAccount, staffAccess } from "../../../access";
import { EventBreadcrumb } from "../../../event-breadcrumb";
import { PageShell } from "../../../page-shell";
import { CopyField } from "../copy-field";
import { createCatchUpAction, createProjectAction, inviteToCatchUpAction, sendReminderAction } from "./actions";
import { CatchUpForm, CreateProjectForm } from "./project-forms";
import { CatchUpInviteForm, ReminderForm } from "./reminder-form";

export const metadata: Metadata = { title: "Projects after the event" };

export default async function ProjectsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const account = await requireAccount(`/o/${slug}/projects`);
  const { event, role } = await staffAccess(slug, account.id);
  if (!event) notFound();
  if (role !== "organiser")
    return (
      <PageShell width="narrow">
        <p className="card p-6">{organisersOnly}</p>
      </PageShell>
    );
  const db = await sharedDatabase();
  const [all, teamRows, [follows], sent] = await Promise.all([
    findProjects(db.read, event.id),
    db.read
      .select({ id: teams.id, name: teams.name, briefTitle: briefs.title })
      .from(teams)
      .leftJoin(briefs, eq(briefs.id, teams.briefId))
      .where(eq(teams.eventId, event.id))
      .orderBy(asc(teams.position)),
    db.read
      .select({ name: events.name, slug: events.slug })
      .from(eventFollowUps)
      .innerJoin(events, eq(events.id, eventFollowUps.followsEventId))
      .where(eq(eventFollowUps.eventId, event.id)),
    db.read.select().from(sentEmails).where(eq(sentEmails.eventId, event.id)).orderBy(desc(sentEmails.sentAt)).limit(50),
  ]);
  const nudges = projectsNeedingNudge(all);
  const audience = follows ? await catchUpAudience(db, event.id) : null;
  const joinLink = `${await publicBaseUrl()}/j/${event.joinCode}`;
  const emailOn = sharedMailer() !== null;

  return (
    <PageShell>
      <EventBreadcrumb event={event} here="Projects" />
      <header className="mb-8 space-y-2">
        <p className="eyebrow">After the event</p>
        <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">Projects</h1>
        <p className="max-w-3xl text-lg text-ink-soft">
          What the teams made, carried forward by their owners, with check-ins at 30, 60 and 90 days. Nobody is left with "good
          luck, goodbye".
        </p>
        {follows ? (
          <p>
            This catch-up follows{" "}
            <Link href={`/o/${follows.slug}/projects`} className="link">
              {follows.name}
            </Link>
            : its projects are followed up here too.
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Link href={`/o/${event.slug}/review`} className="btn btn-secondary">
            Event review
          </Link>
          <Link href={`/e/${event.slug}/progress`} className="btn btn-secondary">
            Public progress page
          </Link>
        </div>
      </header>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-labelledby="nudges-heading" className="card space-y-4 p-6 lg:col-span-2">
          <h2 id="nudges-heading" className="text-xl font-bold tracking-tight">
            Needs a nudge
          </h2>
          {nudges.length === 0 ? (
            <p className="text-ink-soft">
              Every project is on track and up to date: none is due a check-in in the next week, overdue, at risk, stuck or asking
              for help.
            </p>
          ) : (
            <ul className="divide-y divide-line rounded-xl border border-line" data-testid="nudges">
              {nudges.map(({ project: p, reasons }) => (
                <li key={p.id} className="flex flex-wrap items-start justify-between gap-3 p-3">
                  <span className="min-w-0 space-y-1">
                    <Link href={`/o/${event.slug}/projects/${p.id}`} className="link text-lg break-words">
                      {p.title}
                    </Link>
                    <span className="block text-sm text-ink-soft">
                      Owner: {p.ownerName}
                      {p.ownerEmail ? (
                        <>
                          {" · "}
                          <a href={`mailto:${p.ownerEmail}`} className="link">
                            {p.ownerEmail}
                          </a>
                        </>
                      ) : (
                        " · no email address"
                      )}
                      {p.checkIns[0]
                        ? ` · last update ${new Date(p.checkIns[0].createdAt).toLocaleDateString("en-GB", { timeZone: "Europe/London" })}`
                        : " · no update yet"}
                    </span>
                    {p.checkIns[0]?.helpNeeded ? (
                      <span className="block text-sm break-words">Asks for help: {p.checkIns[0].helpNeeded}</span>
                    ) : null}
                    {emailOn && p.ownerEmail ? <ReminderForm action={sendReminderAction.bind(null, event.slug, p.id)} /> : null}
                  </span>
                  <span className="flex flex-wrap gap-2">
                    <FollowUpBadge state={p.state} />
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
          )}
          {!emailOn ? (
            <p className="text-sm text-ink-soft">
              This Made In doesn't send email, so reminders are up to you: copy the owner's link from the project's page.
            </p>
          ) : null}
        </section>

        <section aria-labelledby="projects-heading" className="card space-y-4 p-6 lg:col-span-2">
          <h2 id="projects-heading" className="text-xl font-bold tracking-tight">
            All projects
          </h2>
          {all.length === 0 ? (
            <p className="text-ink-soft">No projects yet. Turn a team's output into one below.</p>
          ) : (
            <ul className="grid gap-3 md:grid-cols-2">
              {all.map((p) => (
                <li key={p.id} className="rounded-xl border border-line p-4">
                  <Link href={`/o/${event.slug}/projects/${p.id}`} className="link text-lg break-words">
                    {p.title}
                  </Link>
                  <p className="text-sm text-ink-soft">
                    {[p.teamName, `owner ${p.ownerName}`, p.fromEvent.carried ? `from ${p.fromEvent.name}` : null]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  <p className="mt-2 flex flex-wrap gap-2">
                    <FollowUpBadge state={p.state} />
                    {p.checkIns[0] ? (
                      <span className="rounded-full bg-line px-2.5 py-0.5 text-sm font-semibold">
                        {checkInStatusLabels[p.checkIns[0].status]}
                      </span>
                    ) : null}
                    {p.isPublic ? (
                      <span className="rounded-full bg-brand-soft px-2.5 py-0.5 text-sm font-semibold text-brand-dark">
                        Public
                      </span>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>

        {follows && audience ? (
          <section aria-labelledby="invite-heading" className="card space-y-4 p-6 lg:col-span-2">
            <h2 id="invite-heading" className="text-xl font-bold tracking-tight">
              Invite the weekend's people
            </h2>
            <p>
              {audience.emailable === 1 ? "1 team member" : `${audience.emailable} team members`} of {follows.name} agreed to be
              contacted by email.{" "}
              {audience.byLinkOnly > 0
                ? `${audience.byLinkOnly === 1 ? "1 more" : `${audience.byLinkOnly} more`} can be reached only through the link below (share it where the teams talk).`
                : null}
            </p>
            {emailOn ? <CatchUpInviteForm action={inviteToCatchUpAction.bind(null, event.slug)} /> : null}
            <CopyField id="catch-up-link" label="The catch-up's join link" value={joinLink} />
          </section>
        ) : null}

        {sent.length > 0 ? (
          <section aria-labelledby="sent-heading" className="card space-y-4 p-6 lg:col-span-2">
            <h2 id="sent-heading" className="text-xl font-bold tracking-tight">
              Emails sent
            </h2>
            <table className="w-full text-start text-sm">
              <thead>
                <tr className="border-b border-line">
                  <th className="py-2 pe-3">When</th>
                  <th className="py-2 pe-3">To</th>
                  <th className="py-2 pe-3">What</th>
                </tr>
              </thead>
              <tbody>
                {sent.map((m) => (
                  <tr key={m.id} className="border-b border-line align-top">
                    <td className="py-2 pe-3 whitespace-nowrap">
                      {new Date(m.sentAt).toLocaleString("en-GB", {
                        timeZone: "Europe/London",
                        dateStyle: "medium",
                        timeStyle: "short",
                      })}
                    </td>
                    <td className="py-2 pe-3 break-all">{m.recipient}</td>
                    <td className="py-2 pe-3 break-words">
                      {m.subject}
                      {m.outcome === "failed" ? (
                        <strong className="text-danger"> (not delivered: the email server refused it)</strong>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}

        <section aria-labelledby="new-project-heading" className="card space-y-4 p-6">
          <h2 id="new-project-heading" className="text-xl font-bold tracking-tight">
            Turn a team's output into a project
          </h2>
          <CreateProjectForm
            action={createProjectAction.bind(null, event.slug)}
            teams={teamRows.map((t) => ({ id: t.id, name: t.name, suggestedTitle: t.briefTitle ?? t.name }))}
          />
        </section>

        <section aria-labelledby="catch-up-heading" className="card space-y-4 p-6">
          <h2 id="catch-up-heading" className="text-xl font-bold tracking-tight">
            Plan a catch-up evening
          </h2>
          <p className="text-ink-soft">
            A new event that follows this one: the briefs come across, the weekend's team members are invited (by email where they
            agreed, by link otherwise), and the projects are followed up there too. It starts as a draft.
          </p>
          <CatchUpForm action={createCatchUpAction.bind(null, event.slug)} />
        </section>
      </div>
    </PageShell>
  );
}
