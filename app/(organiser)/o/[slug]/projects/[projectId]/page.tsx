import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CheckInHistory } from "@/app/ui/check-in-history";
import { FollowUpBadge } from "@/app/ui/follow-up-badge";
import { sharedDatabase } from "@/db";
import { basisOf } from "@/lib/forms/edit-basis";
import { localShortDate } from "@/lib/i18n/dates";
import { findProject } from "@/lib/projects/find-projects";
import { milestoneViews, riskFields } from "@/lib/projects/follow-up-merge";
import { followUpVersion } from "@/lib/projects/follow-up-version";
import { VersionFollower } from "@/lib/realtime/client/version-follower";
import { organisersOnlyText, requireAccount, staffAccess } from "../../../../access";
import { PageForm } from "../../../../page-form";
import { PageShell } from "../../../../page-shell";
import { saveProjectPage } from "../actions";
import { CheckInPart } from "./check-in-part";
import { MilestonesForm, OwnerEmailForm, OwnerLinkForm, PublicForm, RisksForm } from "./detail-forms";
import { projectParts } from "./parts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("projects.detail");
  return { title: t("metaTitle") };
}

export default async function ProjectPage({ params }: { params: Promise<{ slug: string; projectId: string }> }) {
  const { slug, projectId } = await params;
  const t = await getTranslations("projects.detail");
  const locale = await getLocale();
  const account = await requireAccount(`/o/${slug}/projects/${projectId}`);
  const { event, role } = await staffAccess(slug, account.id);
  if (!event) notFound();
  if (role !== "organiser")
    return (
      <PageShell width="narrow">
        <p className="card p-6">{await organisersOnlyText()}</p>
      </PageShell>
    );
  const project = await findProject((await sharedDatabase()).read, event.id, projectId, { organiser: account.id });
  if (!project) notFound();
  const risks = Object.fromEntries(project.risks.map((r) => [r.item, r]));
  const milestones = milestoneViews(project.milestones);

  const version = await followUpVersion((await sharedDatabase()).read, event.id, {
    projectId: project.id,
    organiser: account.id,
  });
  return (
    <PageShell>
      <VersionFollower url={`/o/${event.slug}/projects/version?project=${project.id}`} version={version} />
      <nav aria-label={t("breadcrumbLabel")} className="mb-4 text-sm">
        <Link href={`/o/${event.slug}`} className="link">
          {event.name}
        </Link>
        <span aria-hidden className="mx-2 text-ink-soft">
          /
        </span>
        <Link href={`/o/${event.slug}/projects`} className="link">
          {t("breadcrumbProjects")}
        </Link>
      </nav>
      <header className="mb-8 space-y-2">
        <p className="eyebrow">{project.teamName ? t("eyebrowFrom", { team: project.teamName }) : t("eyebrow")}</p>
        <h1 className="text-3xl font-extrabold tracking-tight break-words sm:text-4xl">{project.title}</h1>
        <p className="text-lg">
          {t.rich("owner", {
            name: project.ownerName,
            hasRole: project.ownerRole ? "yes" : "no",
            role: project.ownerRole,
            strong: (chunks) => <span className="font-semibold">{chunks}</span>,
          })}
        </p>
        {project.coOwners.length > 0 ? (
          <p className="text-ink-soft">
            {t("with", { people: project.coOwners.map((c) => [c.name, c.role].filter(Boolean).join(", ")).join("; ") })}
          </p>
        ) : null}
        {project.summary ? <p className="max-w-3xl whitespace-pre-line">{project.summary}</p> : null}
        <p className="flex flex-wrap items-center gap-2">
          <FollowUpBadge state={project.state} />{" "}
          <span className="text-sm text-ink-soft">{t("started", { date: localShortDate(locale, project.startedAt) })}</span>
        </p>
      </header>

      <PageForm
        action={saveProjectPage.bind(null, event.slug, project.id)}
        parts={projectParts}
        className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]"
      >
        <section aria-labelledby="owner-heading" className="card space-y-4 p-6">
          <h2 id="owner-heading" className="text-xl font-bold tracking-tight">
            {t("ownerLinkHeading")}
          </h2>
          <p className="text-ink-soft">{t("ownerLinkIntro")}</p>
          <OwnerLinkForm hasLink={project.ownerTokenHash !== null} stopped={project.ownerLinkStoppedAt !== null} />
          {project.ownerLinkStoppedAt !== null && project.ownerTokenHash === null ? (
            <p className="text-sm text-ink-soft">
              {t("linkStopped", { date: localShortDate(locale, project.ownerLinkStoppedAt) })}
            </p>
          ) : null}
          <OwnerEmailForm ownerEmail={project.ownerEmail} />
          {project.remindersStoppedAt !== null ? (
            <p className="text-sm text-ink-soft">
              {t("remindersStopped", { date: localShortDate(locale, project.remindersStoppedAt) })}
            </p>
          ) : null}
        </section>

        <section aria-labelledby="public-heading" className="card space-y-4 p-6">
          <h2 id="public-heading" className="text-xl font-bold tracking-tight">
            {t("publicHeading")}
          </h2>
          <p className="text-ink-soft">{project.isPublic ? t("isPublic") : t("isPrivate")}</p>
          <PublicForm isPublic={project.isPublic} />
          <Link href={`/e/${project.fromEvent.slug}/progress`} className="link">
            {t("seePublic")}
          </Link>
        </section>

        <section aria-labelledby="milestones-heading" className="card space-y-4 p-6 lg:col-span-2">
          <h2 id="milestones-heading" className="text-xl font-bold tracking-tight">
            {t("milestonesHeading")}
          </h2>
          <p className="text-ink-soft">{t("milestonesIntro")}</p>
          <MilestonesForm milestones={milestones} basis={basisOf({ milestones })} />
        </section>

        <section aria-labelledby="checkins-heading" className="card space-y-4 p-6">
          <h2 id="checkins-heading" className="text-xl font-bold tracking-tight">
            {t("checkInsHeading")}
          </h2>
          <CheckInHistory checkIns={project.checkIns} />
        </section>

        <section aria-labelledby="new-checkin-heading" className="card space-y-4 p-6">
          <h2 id="new-checkin-heading" className="text-xl font-bold tracking-tight">
            {t("recordHeading")}
          </h2>
          <p className="text-ink-soft">{t("recordIntro")}</p>
          <CheckInPart defaultAuthor={account.name} isPublic={project.isPublic} submission={randomUUID()} />
        </section>

        <section aria-labelledby="risks-heading" className="card space-y-4 p-6 lg:col-span-2">
          <h2 id="risks-heading" className="text-xl font-bold tracking-tight">
            {t("risksHeading")}
          </h2>
          <p className="text-ink-soft">{t("risksIntro")}</p>
          <RisksForm risks={risks} basis={basisOf(riskFields(project.risks))} />
        </section>
      </PageForm>
    </PageShell>
  );
}
