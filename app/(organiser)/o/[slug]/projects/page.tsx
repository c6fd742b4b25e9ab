import { asc, desc, eq } from "drizzle-orm";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { FollowUpBadge } from "@/app/ui/follow-up-badge";
import { sharedDatabase } from "@/db";
import { briefs, eventFollowUps, events, sentEmails, teams } from "@/db/schema";
import { sharedMailer } from "@/lib/email/mailer";
import { catchUpAudience } from "@/lib/email/participant-emails";
import { projectsNeedingNudge } from "@/lib/projects/find-nudges";
import { findProjects, followedBy } from "@/lib/projects/find-projects";
import { followUpVersion } from "@/lib/projects/follow-up-version";
import { VersionFollower } from "@/lib/realtime/client/version-follower";
import { phoneBaseUrl } from "@/lib/server/phone-url";
import { organisersOnlyText, requireAccount, staffAccess } from "../../../access";
import { EventBreadcrumb } from "../../../event-breadcrumb";
import { PageShell } from "../../../page-shell";
import { CopyField } from "../copy-field";
import { createCatchUpAction, createProjectAction, inviteToCatchUpAction, sendReminderAction } from "./actions";
import { mediumDateTime, numericDate } from "./local-dates";
import { CatchUpForm, CreateProjectForm } from "./project-forms";
import { CatchUpInviteForm, ReminderForm } from "./reminder-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("projects.list");
  return { title: t("metaTitle") };
}

export default async function ProjectsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const t = await getTranslations("projects.list");
  const locale = await getLocale();
  const account = await requireAccount(`/o/${slug}/projects`);
  const { event, role } = await staffAccess(slug, account.id);
  if (!event) notFound();
  if (role !== "organiser")
    return (
      <PageShell width="narrow">
        <p className="card p-6">{await organisersOnlyText()}</p>
      </PageShell>
    );
  const db = await sharedDatabase();
  const [all, teamRows, [follows], sent] = await Promise.all([
    findProjects(db.read, event.id, { organiser: account.id }),
    db.read
      .select({ id: teams.id, name: teams.name, briefTitle: briefs.title })
      .from(teams)
      .leftJoin(briefs, eq(briefs.id, teams.briefId))
      .where(eq(teams.eventId, event.id))
      .orderBy(asc(teams.position)),
    db.read
      .select({ id: events.id, name: events.name, slug: events.slug })
      .from(eventFollowUps)
      .innerJoin(events, eq(events.id, eventFollowUps.followsEventId))
      .where(eq(eventFollowUps.eventId, event.id)),
    db.read.select().from(sentEmails).where(eq(sentEmails.eventId, event.id)).orderBy(desc(sentEmails.sentAt)).limit(50),
  ]);
  const nudges = projectsNeedingNudge(all);
  // The weekend's projects and people are its organisers' (lib/projects/find-projects.ts, followedBy).
  const followsMine = follows ? (await followedBy(db.read, event.id, [follows.id], account.id)).length > 0 : false;
  const audience = follows && followsMine ? await catchUpAudience(db, event.id) : null;
  // Sent on to the catch-up's people: the address their phones can open, as on the event page.
  const joinLink = `${(await phoneBaseUrl()).base}/j/${event.joinCode}`;
  const emailOn = sharedMailer() !== null;

  const version = await followUpVersion(db.read, event.id, { organiser: account.id });
  return (
    <PageShell>
      <VersionFollower url={`/o/${event.slug}/projects/version`} version={version} />
      <EventBreadcrumb event={event} here={t("breadcrumb")} />
      <header className="mb-8 space-y-2">
        <p className="eyebrow">{t("eyebrow")}</p>
        <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">{t("heading")}</h1>
        <p className="max-w-3xl text-lg text-ink-soft">{t("intro")}</p>
        {follows && !followsMine ? <p>{t("followsNotYours", { event: follows.name })}</p> : null}
        {follows && followsMine ? (
          <p>
            {t.rich("follows", {
              event: follows.name,
              link: (chunks) => (
                <Link href={`/o/${follows.slug}/projects`} className="link">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Link href={`/o/${event.slug}/review`} className="btn btn-secondary">
            {t("eventReview")}
          </Link>
          <Link href={`/e/${event.slug}/progress`} className="btn btn-secondary">
            {t("publicProgress")}
          </Link>
        </div>
      </header>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-labelledby="nudges-heading" className="card space-y-4 p-6 lg:col-span-2">
          <h2 id="nudges-heading" className="text-xl font-bold tracking-tight">
            {t("nudgesHeading")}
          </h2>
          {nudges.length === 0 ? (
            <p className="text-ink-soft">{t("nudgesNone")}</p>
          ) : (
            <ul className="divide-y divide-line rounded-xl border border-line" data-testid="nudges">
              {nudges.map(({ project: p, reasons }) => (
                <li key={p.id} className="flex flex-wrap items-start justify-between gap-3 p-3">
                  <span className="min-w-0 space-y-1">
                    <Link href={`/o/${event.slug}/projects/${p.id}`} className="link text-lg break-words">
                      {p.title}
                    </Link>
                    <span className="block text-sm text-ink-soft">
                      {t.rich("ownerLine", {
                        owner: p.ownerName,
                        hasEmail: p.ownerEmail ? "yes" : "no",
                        email: p.ownerEmail,
                        updated: p.checkIns[0] ? "yes" : "no",
                        date: p.checkIns[0] ? numericDate(locale, p.checkIns[0].createdAt) : "",
                        mail: (chunks) => (
                          <a href={`mailto:${p.ownerEmail}`} className="link">
                            {chunks}
                          </a>
                        ),
                      })}
                    </span>
                    {p.checkIns[0]?.helpNeeded ? (
                      <span className="block text-sm break-words">{t("asksForHelp", { help: p.checkIns[0].helpNeeded })}</span>
                    ) : null}
                    {emailOn && p.ownerEmail ? <ReminderForm action={sendReminderAction.bind(null, event.slug, p.id)} /> : null}
                  </span>
                  <span className="flex flex-wrap gap-2">
                    <FollowUpBadge state={p.state} />
                    {reasons
                      .filter((r) => r !== "due" && r !== "overdue")
                      .map((r) => (
                        <span key={r} className="rounded-full bg-red-100 px-2.5 py-0.5 text-sm font-semibold text-danger">
                          {t("attention", { reason: r })}
                        </span>
                      ))}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {!emailOn ? <p className="text-sm text-ink-soft">{t("noEmailSending")}</p> : null}
        </section>

        <section aria-labelledby="projects-heading" className="card space-y-4 p-6 lg:col-span-2">
          <h2 id="projects-heading" className="text-xl font-bold tracking-tight">
            {t("allHeading")}
          </h2>
          {all.length === 0 ? (
            <p className="text-ink-soft">{t("none")}</p>
          ) : (
            <ul className="grid gap-3 md:grid-cols-2">
              {all.map((p) => (
                <li key={p.id} className="rounded-xl border border-line p-4">
                  <Link href={`/o/${event.slug}/projects/${p.id}`} className="link text-lg break-words">
                    {p.title}
                  </Link>
                  <p className="text-sm text-ink-soft">
                    {t("projectLine", {
                      hasTeam: p.teamName ? "yes" : "no",
                      team: p.teamName ?? "",
                      owner: p.ownerName,
                      carried: p.fromEvent.carried ? "yes" : "no",
                      from: p.fromEvent.name,
                    })}
                  </p>
                  <p className="mt-2 flex flex-wrap gap-2">
                    <FollowUpBadge state={p.state} />
                    {p.checkIns[0] ? (
                      <span className="rounded-full bg-line px-2.5 py-0.5 text-sm font-semibold">
                        {t("checkInStatus", { status: p.checkIns[0].status })}
                      </span>
                    ) : null}
                    {p.isPublic ? (
                      <span className="rounded-full bg-brand-soft px-2.5 py-0.5 text-sm font-semibold text-brand-dark">
                        {t("public")}
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
              {t("inviteHeading")}
            </h2>
            <p>
              {t("inviteEmailable", { count: audience.emailable, event: follows.name })}{" "}
              {audience.byLinkOnly > 0 ? t("inviteByLink", { count: audience.byLinkOnly }) : null}
            </p>
            {emailOn ? <CatchUpInviteForm action={inviteToCatchUpAction.bind(null, event.slug)} /> : null}
            <CopyField id="catch-up-link" label={t("joinLinkLabel")} value={joinLink} />
          </section>
        ) : null}

        {sent.length > 0 ? (
          <section aria-labelledby="sent-heading" className="card space-y-4 p-6 lg:col-span-2">
            <h2 id="sent-heading" className="text-xl font-bold tracking-tight">
              {t("sentHeading")}
            </h2>
            <table className="w-full text-start text-sm">
              <thead>
                <tr className="border-b border-line">
                  <th className="py-2 pe-3">{t("sentWhen")}</th>
                  <th className="py-2 pe-3">{t("sentTo")}</th>
                  <th className="py-2 pe-3">{t("sentWhat")}</th>
                </tr>
              </thead>
              <tbody>
                {sent.map((m) => (
                  <tr key={m.id} className="border-b border-line align-top">
                    <td className="py-2 pe-3 whitespace-nowrap">{mediumDateTime(locale, m.sentAt)}</td>
                    <td className="py-2 pe-3 break-all">{m.recipient}</td>
                    <td className="py-2 pe-3 break-words">
                      {m.subject}
                      {m.outcome === "failed" ? <strong className="text-danger"> {t("notDelivered")}</strong> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}

        <section aria-labelledby="new-project-heading" className="card space-y-4 p-6">
          <h2 id="new-project-heading" className="text-xl font-bold tracking-tight">
            {t("newProjectHeading")}
          </h2>
          <CreateProjectForm
            action={createProjectAction.bind(null, event.slug)}
            teams={teamRows.map((t) => ({ id: t.id, name: t.name, suggestedTitle: t.briefTitle ?? t.name }))}
          />
        </section>

        <section aria-labelledby="catch-up-heading" className="card space-y-4 p-6">
          <h2 id="catch-up-heading" className="text-xl font-bold tracking-tight">
            {t("catchUpHeading")}
          </h2>
          <p className="text-ink-soft">{t("catchUpIntro")}</p>
          <CatchUpForm action={createCatchUpAction.bind(null, event.slug)} />
        </section>
      </div>
    </PageShell>
  );
}
