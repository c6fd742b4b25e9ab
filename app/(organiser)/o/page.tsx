import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FollowUpBadge } from "@/app/ui/follow-up-badge";
import { sharedDatabase } from "@/db";
import { signsInWithPassword } from "@/lib/accounts/change-password";
import { dashboardVersion, findDashboard } from "@/lib/accounts/dashboard";
import { sharedMailer } from "@/lib/email/mailer";
import { mayImportEvents } from "@/lib/exports/may-import";
import { newSubmission } from "@/lib/forms/form-submission";
import { localShortDate } from "@/lib/i18n/dates";
import { VersionFollower } from "@/lib/realtime/client/version-follower";
import { passwordsEnabled } from "@/lib/sso/settings";
import { requireAccount } from "../access";
import { RoleBadge, StatusBadge } from "../badges";
import { PageShell } from "../page-shell";
import { signOutEverywhere } from "../signin/actions";
import { chooseDigestAction } from "./actions";
import { ChangePasswordForm } from "./change-password-form";
import { CreateEventForm } from "./create-event-form";

export async function generateMetadata() {
  const t = await getTranslations("organiser.events");
  return { title: t("title") };
}

/** lib/projects/check-in-rules' reasons → their keys under organiser.events.attention. */
const attentionKeys = { overdue: "overdue", due: "due", at_risk: "atRisk", stuck: "stuck", help: "help" } as const;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const account = await requireAccount("/o");
  const deleted = (await searchParams).deleted === "1";
  const db = await sharedDatabase();
  const dashboard = await findDashboard(db.read, account.id);
  // An account made by single sign-on has no password here; with passwords off, nobody uses one.
  const hasPassword = passwordsEnabled() && (await signsInWithPassword(db.read, account.id));
  const mayImport = await mayImportEvents(db.read, account.id);
  const { mine, nudges, digestStoppedAt } = dashboard;
  // The digest goes to organisers, by email: nothing to choose for anyone else, or without a relay.
  const digestChoice = sharedMailer() !== null && mine.some((e) => e.role === "organiser");
  const t = await getTranslations("organiser.events");
  const tAccount = await getTranslations("account.change");
  const locale = await getLocale();

  return (
    <PageShell>
      <VersionFollower url="/o/version" version={dashboardVersion(dashboard)} />
      <div className="mb-8 space-y-1">
        <p className="eyebrow">{t("signedInAs", { name: account.name })}</p>
        <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">{t("heading")}</h1>
      </div>
      {deleted ? (
        <p role="status" className="mb-6 rounded-lg bg-brand-soft px-4 py-3 font-semibold text-brand-dark">
          {t("deleted")}
        </p>
      ) : null}
      {nudges.length > 0 ? (
        <section aria-labelledby="nudges-heading" className="card mb-8 space-y-3 p-6">
          <h2 id="nudges-heading" className="text-xl font-bold tracking-tight">
            {t("nudgesHeading")}
          </h2>
          <ul className="divide-y divide-line rounded-xl border border-line">
            {nudges.map(({ event, project, reasons }) => (
              <li key={project.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <span className="min-w-0">
                  <Link href={`/o/${event.slug}/projects/${project.id}`} className="link break-words">
                    {project.title}
                  </Link>
                  <span className="block text-sm text-ink-soft">
                    {t("nudgeOwner", { event: event.name, owner: project.ownerName })}
                  </span>
                </span>
                <span className="flex flex-wrap gap-2">
                  <FollowUpBadge state={project.state} />
                  {reasons
                    .filter((r) => r !== "due" && r !== "overdue")
                    .map((r) => (
                      <span key={r} className="rounded-full bg-red-100 px-2.5 py-0.5 text-sm font-semibold text-danger">
                        {t(`attention.${attentionKeys[r]}`)}
                      </span>
                    ))}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {/* minmax(0, 1fr): a place typed as one long link wraps instead of widening the column past a phone. */}
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-8 lg:grid-cols-[minmax(0,1fr)_400px]">
        <section aria-labelledby="your-events-heading">
          <h2 id="your-events-heading" className="sr-only">
            {t("listHeading")}
          </h2>
          {mine.length === 0 ? (
            <div className="card space-y-2 border-dashed p-8 text-center">
              <p className="text-lg font-semibold">{t("emptyHeading")}</p>
              <p className="text-ink-soft">{t("emptyBody")}</p>
            </div>
          ) : (
            <ul className="grid grid-cols-[minmax(0,1fr)] gap-4">
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
                      {[event.startsAt === null ? t("datesTba") : localShortDate(locale, event.startsAt), event.place]
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
            {t("createHeading")}
          </h2>
          <CreateEventForm submission={newSubmission()} />
          {mayImport ? (
            <p className="mt-4 text-sm text-ink-soft">
              {t.rich("importLine", {
                link: (chunks) => (
                  <Link href="/o/import" className="link">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          ) : null}
        </section>
      </div>
      {digestChoice ? (
        <section aria-labelledby="digest-heading" className="card mt-8 max-w-3xl space-y-3 p-6" data-testid="digest-choice">
          <h2 id="digest-heading" className="text-xl font-bold tracking-tight">
            {t("digest.heading")}
          </h2>
          <p className="text-ink-soft">
            {digestStoppedAt === null ? t("digest.on") : t("digest.off", { date: localShortDate(locale, digestStoppedAt) })}
          </p>
          <form action={chooseDigestAction}>
            <input type="hidden" name="digest" value={digestStoppedAt === null ? "off" : "on"} />
            <button type="submit" className={digestStoppedAt === null ? "btn btn-secondary" : "btn btn-primary"}>
              {digestStoppedAt === null ? t("digest.stop") : t("digest.start")}
            </button>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="password-heading" className="card mt-8 max-w-3xl space-y-3 p-6">
        <h2 id="password-heading" className="text-xl font-bold tracking-tight">
          {tAccount("heading")}
        </h2>
        {hasPassword ? (
          <>
            <p className="text-ink-soft">{tAccount("intro")}</p>
            <ChangePasswordForm />
          </>
        ) : (
          <p className="text-ink-soft">{tAccount("managedElsewhere")}</p>
        )}
      </section>
      <section aria-labelledby="everywhere-heading" className="card mt-8 max-w-3xl space-y-3 p-6">
        <h2 id="everywhere-heading" className="text-xl font-bold tracking-tight">
          {t("everywhere.heading")}
        </h2>
        <p className="text-ink-soft">{t("everywhere.body")}</p>
        <form action={signOutEverywhere}>
          <button type="submit" className="btn btn-secondary">
            {t("everywhere.button")}
          </button>
        </form>
      </section>
    </PageShell>
  );
}
