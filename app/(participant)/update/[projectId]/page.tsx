import { randomUUID } from "node:crypto";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { CheckInForm } from "@/app/ui/check-in-form";
import { CheckInHistory } from "@/app/ui/check-in-history";
import { FollowUpBadge } from "@/app/ui/follow-up-badge";
import { sharedDatabase } from "@/db";
import { localShortDate } from "@/lib/i18n/dates";
import { findProject } from "@/lib/projects/find-projects";
import { followUpVersion } from "@/lib/projects/follow-up-version";
import { ownedProject } from "@/lib/projects/owner-session";
import { VersionFollower } from "@/lib/realtime/client/version-follower";
import { PhoneShell } from "../../phone-shell";
import { ownerCheckInAction } from "./actions";

export async function generateMetadata() {
  const t = await getTranslations("phone.update");
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function OwnerUpdatePage({ params }: { params: Promise<{ projectId: string }> }) {
  await connection();
  const { projectId } = await params;
  const locale = await getLocale();
  const t = await getTranslations("phone.update");
  const owned = projectId === "expired" ? null : await ownedProject(projectId);
  if (!owned) {
    return (
      <PhoneShell>
        <div className="card space-y-3 p-6">
          <h1 className="text-2xl font-extrabold tracking-tight">{t("expiredTitle")}</h1>
          <p className="text-ink-soft">{t("expiredBody")}</p>
        </div>
      </PhoneShell>
    );
  }
  const project = await findProject((await sharedDatabase()).read, owned.project.eventId, projectId);
  if (!project) return null;
  const next = project.milestones.filter((m) => m.doneAt === null);
  const version = await followUpVersion((await sharedDatabase()).read, owned.project.eventId, { projectId });
  return (
    <PhoneShell>
      <VersionFollower url={`/update/${projectId}/version`} version={version} />
      <div className="space-y-6">
        <header className="space-y-2">
          <p className="eyebrow">{owned.eventName}</p>
          <h1 className="text-3xl font-extrabold tracking-tight break-words">{project.title}</h1>
          <p>
            <FollowUpBadge state={project.state} />
          </p>
        </header>
        {next.length > 0 ? (
          <section aria-labelledby="milestones-heading" className="card space-y-2 p-4">
            <h2 id="milestones-heading" className="text-lg font-bold">
              {t("comingUp")}
            </h2>
            <ul className="space-y-1">
              {next.map((m) => (
                <li key={m.id}>
                  {t.rich("milestone", {
                    day: m.day,
                    date: localShortDate(locale, m.dueAt),
                    title: m.title,
                    b: (chunks) => <span className="font-semibold">{chunks}</span>,
                  })}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="update-heading" className="card space-y-4 p-4">
          <h2 id="update-heading" className="text-xl font-bold">
            {t("postHeading")}
          </h2>
          <CheckInForm
            action={ownerCheckInAction.bind(null, projectId)}
            defaultAuthor={project.ownerName}
            isPublic={project.isPublic}
            submission={randomUUID()}
          />
        </section>
        <section aria-labelledby="history-heading" className="space-y-3">
          <h2 id="history-heading" className="text-xl font-bold">
            {t("historyHeading")}
          </h2>
          <CheckInHistory checkIns={project.checkIns} />
        </section>
        <section aria-labelledby="your-data-heading" className="card space-y-2 p-4">
          <h2 id="your-data-heading" className="text-lg font-bold">
            {t("dataHeading")}
          </h2>
          <p className="text-ink-soft">{t("dataBody")}</p>
          {/* A plain link: a download works without JavaScript, and a fetch-less page stays light. */}
          <a href={`/update/${projectId}/data`} download className="btn btn-secondary w-full">
            {t("download")}
          </a>
        </section>
      </div>
    </PhoneShell>
  );
}
