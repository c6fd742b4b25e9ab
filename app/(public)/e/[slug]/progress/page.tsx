import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AccountNav } from "@/app/(organiser)/account-nav";
import { SiteHeader } from "@/app/ui/brand";
import { CheckInHistory } from "@/app/ui/check-in-history";
import { sharedDatabase } from "@/db";
import { publicFingerprint } from "@/lib/events/public-version";
import { localEventDates, localShortDate } from "@/lib/i18n/dates";
import { findProjects } from "@/lib/projects/find-projects";
import { publicLead } from "@/lib/projects/public-lead";
import { VersionFollower } from "@/lib/realtime/client/version-follower";
import { visibleEvent as visible } from "../visible-event";

const visibleEvent = async (slug: string) => (await visible(slug))?.event ?? null;

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await visibleEvent((await params).slug);
  const t = await getTranslations("public");
  return event ? { title: t("progress.metaTitle", { event: event.name }) } : { title: t("notFound") };
}

/** The open record: what each team made and what happened next, for projects opted in. */
export default async function ProgressPage({ params }: Props) {
  const event = await visibleEvent((await params).slug);
  if (!event) notFound();
  const t = await getTranslations("public.progress");
  const locale = await getLocale();
  const shortDate = (ms: number) => localShortDate(locale, ms);
  const shown = await findProjects((await sharedDatabase()).read, event.id, { publicOnly: true });
  const version = publicFingerprint({ event, projects: shown });
  return (
    <>
      {/* Follows the owners' updates and the organisers' changes without a reload. */}
      <VersionFollower url={`/e/${event.slug}/version?page=progress`} version={version} />
      <SiteHeader>
        <AccountNav />
      </SiteHeader>
      <main id="main" className="mx-auto max-w-3xl space-y-8 px-4 pt-8 pb-20 sm:pt-12">
        <header className="space-y-2">
          <p className="eyebrow">{t("eyebrow")}</p>
          <h1 className="text-3xl font-extrabold tracking-tight wrap-anywhere sm:text-4xl">{event.name}</h1>
          <p className="text-lg text-ink-soft">
            {localEventDates(locale, event.startsAt, event.endsAt, t("datesTba"))}
            {event.place ? ` · ${event.place}` : ""}
          </p>
          <Link href={`/e/${event.slug}`} className="link">
            {t("aboutEvent")}
          </Link>
        </header>
        {shown.length === 0 ? (
          <p className="card p-6 text-ink-soft">{t("none")}</p>
        ) : (
          shown.map((p) => {
            const latest = p.checkIns[0];
            return (
              <article
                key={p.id}
                aria-labelledby={`project-${p.id}`}
                className="card space-y-4 p-6"
                data-testid="progress-project"
              >
                <header className="space-y-1">
                  <h2 id={`project-${p.id}`} className="text-2xl font-bold tracking-tight wrap-anywhere">
                    {p.title}
                  </h2>
                  <p className="text-ink-soft">
                    {p.teamName
                      ? t("bylineTeam", {
                          team: p.teamName,
                          lead: publicLead(p, t("leadUnnamed")),
                          since: shortDate(p.startedAt),
                        })
                      : t("byline", { lead: publicLead(p, t("leadUnnamed")), since: shortDate(p.startedAt) })}
                  </p>
                  {latest ? (
                    <p className="font-semibold">{t("now", { status: latest.status, updated: shortDate(latest.createdAt) })}</p>
                  ) : null}
                </header>
                {p.summary ? <p className="whitespace-pre-line wrap-anywhere">{p.summary}</p> : null}
                {p.milestones.length > 0 ? (
                  <section aria-label={t("milestones")}>
                    <h3 className="mb-1 font-bold">{t("milestones")}</h3>
                    <ul className="space-y-1">
                      {p.milestones.map((m) => (
                        <li key={m.id}>
                          <span aria-hidden>{m.doneAt ? "✓ " : "○ "}</span>
                          {t("milestone", { day: m.day, title: m.title })}{" "}
                          <span className="text-ink-soft">
                            {m.doneAt ? t("milestoneReached") : t("milestoneDue", { due: shortDate(m.dueAt) })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
                <section aria-label={t("updates")} className="space-y-2">
                  <h3 className="font-bold">{t("updates")}</h3>
                  <CheckInHistory checkIns={p.checkIns} forPublic />
                </section>
              </article>
            );
          })
        )}
      </main>
    </>
  );
}
