import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AccountNav } from "@/app/(organiser)/account-nav";
import { SiteHeader } from "@/app/ui/brand";
import { BriefBody, OwnerLine, PackView, packIsEmpty } from "@/app/ui/brief-view";
import { sharedDatabase } from "@/db";
import { findBriefsWithPacks } from "@/lib/briefs/find-briefs";
import { findAgenda } from "@/lib/events/find-agenda";
import { formatJoinCode } from "@/lib/events/join-code";
import { publicFingerprint } from "@/lib/events/public-version";
import { localDayTime, localEventDates, localTime } from "@/lib/i18n/dates";
import { findProjects } from "@/lib/projects/find-projects";
import { VersionFollower } from "@/lib/realtime/client/version-follower";
import { phoneBaseUrl } from "@/lib/server/phone-url";
import { visibleEvent } from "./visible-event";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await visibleEvent((await params).slug);
  const t = await getTranslations("public");
  if (!found) return { title: t("notFound") };
  const { event } = found;
  const dates = localEventDates(await getLocale(), event.startsAt, event.endsAt, t("datesTba"));
  // What a link shared in a message or on social media shows: the event, when and where.
  const description = event.description || [dates, event.place].filter(Boolean).join(" · ");
  return {
    title: event.name,
    description,
    openGraph: {
      title: event.name,
      description,
      type: "website",
      // Shared on to other people's devices: an address they can open, as the join link is.
      url: `${(await phoneBaseUrl()).base}/e/${event.slug}`,
      siteName: "Made In",
    },
    // A draft is only ever seen by its staff; keep it out of search engines all the same.
    robots: event.status === "draft" ? { index: false, follow: false } : undefined,
  };
}

export default async function PublicEventPage({ params }: Props) {
  const found = await visibleEvent((await params).slug);
  if (!found) notFound();
  const { event, role } = found;
  const t = await getTranslations("public.event");
  const locale = await getLocale();
  const db = await sharedDatabase();
  const [published, agenda, publicProjects] = await Promise.all([
    findBriefsWithPacks(db.read, event.id, { publishedOnly: true }),
    findAgenda(db.read, event.id),
    findProjects(db.read, event.id, { publicOnly: true }),
  ]);
  const version = publicFingerprint({ event, projects: publicProjects, briefs: published, agenda });
  const practical = [
    { term: t("access"), text: event.accessInfo },
    { term: t("childcare"), text: event.childcare },
    { term: t("food"), text: event.food },
    { term: t("whatToBring"), text: event.whatToBring },
  ].filter((p) => p.text);

  return (
    <>
      {/* Follows the organisers' changes (details, agenda, briefs, projects) without a reload. */}
      <VersionFollower url={`/e/${event.slug}/version`} version={version} />
      <SiteHeader>
        <AccountNav />
      </SiteHeader>
      {role ? (
        <div className={`border-b border-line ${event.status === "draft" ? "bg-note-yellow" : "bg-brand-soft"}`}>
          <p className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 text-sm">
            <span className="font-semibold">{event.status === "draft" ? t("draftBanner") : t("staffBanner")}</span>
            <Link href={`/o/${event.slug}`} className="link">
              {t("manage")}
            </Link>
          </p>
        </div>
      ) : null}

      <main id="main">
        <section className="bg-brand text-white">
          <div className="mx-auto max-w-5xl px-4 py-12 sm:py-16">
            <p className="text-sm font-bold tracking-widest text-sun uppercase">{t("eyebrow")}</p>
            <h1 className="mt-3 text-4xl font-extrabold tracking-tight break-words sm:text-5xl">{event.name}</h1>
            <dl className="mt-6 grid grid-cols-[minmax(0,1fr)] gap-3 text-lg sm:grid-cols-2">
              <div>
                <dt className="text-sm font-semibold text-brand-soft">{t("when")}</dt>
                <dd className="font-semibold">{localEventDates(locale, event.startsAt, event.endsAt, t("datesTba"))}</dd>
              </div>
              {event.place ? (
                <div>
                  <dt className="text-sm font-semibold text-brand-soft">{t("where")}</dt>
                  <dd className="font-semibold [overflow-wrap:anywhere]">{event.place}</dd>
                </div>
              ) : null}
            </dl>
            {event.description ? (
              <p className="mt-6 max-w-3xl text-lg whitespace-pre-line text-white/90">{event.description}</p>
            ) : null}
            <div className="mt-8 flex flex-col gap-4 sm:flex-row sm:items-center">
              {event.status === "archived" ? (
                <p className="rounded-xl bg-white/10 px-5 py-4 font-semibold">{t("archived")}</p>
              ) : (
                <>
                  <Link
                    href={`/j/${event.joinCode}`}
                    className="btn bg-sun px-8 py-4 text-lg text-ink shadow-lg hover:bg-note-yellow focus-visible:outline-white"
                  >
                    {t("join")}
                  </Link>
                  <p className="text-white/90">
                    {t.rich("joinCode", {
                      code: formatJoinCode(event.joinCode),
                      mono: (chunks) => <span className="font-mono font-bold tracking-wider text-white">{chunks}</span>,
                    })}
                  </p>
                </>
              )}
            </div>
            {publicProjects.length > 0 ? (
              <p className="mt-6 text-lg">
                <Link href={`/e/${event.slug}/progress`} className="font-semibold text-white underline underline-offset-4">
                  {t("progressLink", { count: publicProjects.length })}
                </Link>
              </p>
            ) : null}
            {event.startsAt !== null ? (
              <p className="mt-6">
                <a
                  href={`/e/${event.slug}/calendar.ics`}
                  download={`${event.slug}.ics`}
                  className="inline-flex min-h-11 items-center font-semibold text-white underline underline-offset-4 hover:text-sun"
                >
                  {t("calendar")}
                </a>
              </p>
            ) : null}
          </div>
        </section>

        {event.goals.length || agenda.length || practical.length ? (
          // minmax(0, 1fr): a long link in the details wraps instead of widening a column past a phone.
          <div className="mx-auto grid max-w-5xl grid-cols-[minmax(0,1fr)] items-start gap-6 px-4 pt-12 md:grid-cols-2">
            {event.goals.length ? (
              <section aria-labelledby="goals-heading" className="card p-6 md:col-span-2">
                <h2 id="goals-heading" className="text-2xl font-extrabold tracking-tight">
                  {t("goals")}
                </h2>
                <ul className="mt-4 flex flex-wrap gap-3">
                  {event.goals.map((goal, i) => (
                    <li
                      // biome-ignore lint/suspicious/noArrayIndexKey: goals are plain strings that may repeat; the list never reorders in place
                      key={`${i}-${goal}`}
                      className={`min-w-0 max-w-full rounded-lg px-4 py-3 text-lg font-bold shadow-sm [overflow-wrap:anywhere] ${["bg-note-yellow", "bg-note-pink", "bg-note-blue", "bg-note-green"][i % 4]} ${i % 2 ? "rotate-1" : "-rotate-1"}`}
                    >
                      {goal}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            {agenda.length ? (
              <section aria-labelledby="agenda-heading" className="card p-6">
                <h2 id="agenda-heading" className="text-2xl font-extrabold tracking-tight">
                  {t("agenda")}
                </h2>
                <ol className="mt-4 space-y-4">
                  {agenda.map((phase) => (
                    <li key={phase.id} className="border-s-4 border-brand ps-4">
                      <span className="block text-lg font-bold break-words">{phase.name}</span>
                      <span className="block text-ink-soft">
                        {phase.endsAt
                          ? t("phaseRange", { start: localDayTime(locale, phase.startsAt), end: localTime(locale, phase.endsAt) })
                          : localDayTime(locale, phase.startsAt)}
                      </span>
                    </li>
                  ))}
                </ol>
              </section>
            ) : null}
            {practical.length ? (
              <section aria-labelledby="practical-heading" className="card p-6">
                <h2 id="practical-heading" className="text-2xl font-extrabold tracking-tight">
                  {t("practical")}
                </h2>
                <dl className="mt-4 space-y-4">
                  {practical.map((p) => (
                    <div key={p.term}>
                      <dt className="font-bold">{p.term}</dt>
                      <dd className="whitespace-pre-line break-words text-ink-soft">{p.text}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ) : null}
          </div>
        ) : null}

        <section aria-labelledby="briefs-heading" className="mx-auto max-w-5xl px-4 py-12">
          <div className="mb-6 max-w-3xl space-y-2">
            <h2 id="briefs-heading" className="text-3xl font-extrabold tracking-tight">
              {t("briefsTitle")}
            </h2>
            <p className="text-ink-soft">{t("briefsIntro")}</p>
          </div>
          {published.length === 0 ? (
            <p className="card p-6 text-ink-soft">{t("noBriefs")}</p>
          ) : (
            <ol className="grid gap-6">
              {published.map((brief, index) => (
                <li key={brief.id} className="min-w-0">
                  <article aria-labelledby={`brief-${brief.id}`} className="card overflow-hidden">
                    <div className="border-b border-line bg-white p-6 sm:p-8">
                      <p className="eyebrow">{t("briefNumber", { n: index + 1 })}</p>
                      <h3 id={`brief-${brief.id}`} className="mt-1 text-2xl font-bold tracking-tight break-words">
                        {brief.title}
                      </h3>
                      <OwnerLine brief={brief} />
                    </div>
                    <div className="space-y-6 p-6 sm:p-8">
                      <BriefBody brief={brief} level={3} />
                      {packIsEmpty(brief) ? null : (
                        <details className="group rounded-xl border border-line bg-paper/50">
                          <summary className="flex min-h-12 cursor-pointer items-center justify-between gap-3 px-5 py-3 font-bold">
                            <span>{t("pack")}</span>
                            <span aria-hidden className="text-ink-soft transition group-open:rotate-180">
                              ▾
                            </span>
                          </summary>
                          <div className="border-t border-line p-5">
                            <PackView brief={brief} level={3} />
                          </div>
                        </details>
                      )}
                    </div>
                  </article>
                </li>
              ))}
            </ol>
          )}
        </section>
      </main>
    </>
  );
}
