import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Wordmark } from "@/app/ui/brand";
import { NotOnStaff, Refused } from "@/app/ui/refused";
import { sharedDatabase } from "@/db";
import { personTag } from "@/lib/auth/pseudonym";
import { loadResults } from "@/lib/presentations/results";
import { fallbackCriterionKey } from "@/lib/presentations/rules";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { staffPage } from "@/lib/server/staff-page";
import { ResultsLive } from "./results-live";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("presentations-console.results");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

/** Judges' scores and the people's choice, side by side and combined; for the facilitator and organiser. */
export default async function ResultsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, actor, refused } = await staffPage(slug, `/f/${slug}/presentations/results`);
  const fallback = await getTranslations("presentations.fallbackCriteria");
  const criterionLabel = (criterion: string) => {
    const key = fallbackCriterionKey(criterion);
    return key ? fallback(key) : criterion;
  };
  const t = await getTranslations("presentations-console.results");
  if (refused) {
    if (refused === "account") return <NotOnStaff />;
    return (
      <Refused
        title={t("refusedTitle")}
        body={t("refusedBody")}
        back={{ href: `/p/${event.slug}/presentations`, label: t("refusedBack") }}
      />
    );
  }
  const results = await loadResults((await sharedDatabase()).read, event.id);
  const format = await getFormatter();
  // Up to two decimals, in the reader's own decimal sign: 3, 3.5, 3.25.
  const fmt = (n: number) => format.number(n, { maximumFractionDigits: 2, useGrouping: false });
  const team = (id: string) => results.teams.find((t) => t.id === id);
  // The room knew each team by its showcase title on the big screen; its name when it gave none.
  const title = (id: string) => results.titles[id] || team(id)?.name || "";
  return (
    <div className="min-h-dvh">
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-[1200px] flex-wrap items-center justify-between gap-4 px-6 py-3">
          <Wordmark />
          <div className="flex flex-wrap items-center gap-4">
            <EventConnectionProvider eventId={event.id} person={personTag(actor)} staff>
              <ResultsLive />
            </EventConnectionProvider>
            <Link href={`/f/${event.slug}/presentations`} className="link">
              {t("back")}
            </Link>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-[1200px] space-y-6 px-6 py-6">
        <div>
          <p className="eyebrow">{event.name}</p>
          <h1 className="text-3xl font-extrabold tracking-tight">{t("title")}</h1>
          <p className="text-ink-soft">
            {t("summary", {
              judges: results.judges,
              choice: results.peoplesChoice?.status ?? "none",
              voters: results.peoplesChoice?.voters ?? 0,
            })}
          </p>
        </div>
        <div className="card overflow-x-auto">
          <table className="w-full text-start" data-testid="results">
            <caption className="sr-only">{t("caption")}</caption>
            <thead className="border-b border-line text-sm text-ink-soft">
              <tr>
                <th scope="col" className="px-4 py-3">
                  {t("rank")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("team")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("judges")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("peoplesChoice")}
                </th>
                <th scope="col" className="px-4 py-3">
                  {t("combined")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {results.rows.map((r) => (
                <tr key={r.teamId} data-testid="result-row" data-team={team(r.teamId)?.name} data-title={title(r.teamId)}>
                  <td className="px-4 py-3 text-2xl font-extrabold tabular-nums" data-testid="result-rank">
                    {r.rank}
                  </td>
                  <th scope="row" className="px-4 py-3">
                    <span className="block font-bold">{title(r.teamId)}</span>
                    {title(r.teamId) !== team(r.teamId)?.name ? (
                      <span className="block text-sm font-normal text-ink-soft">
                        {t("teamName", { team: team(r.teamId)?.name ?? "" })}
                      </span>
                    ) : null}
                    {team(r.teamId)?.briefTitle && team(r.teamId)?.briefTitle !== team(r.teamId)?.name ? (
                      <span className="block text-sm font-normal text-ink-soft">
                        {t("brief", { brief: team(r.teamId)?.briefTitle ?? "" })}
                      </span>
                    ) : null}
                  </th>
                  <td className="px-4 py-3 tabular-nums" data-testid="result-judges">
                    {r.judging.judges > 0 ? (
                      <>
                        {fmt(r.judging.total)} / {r.judging.max}
                        <span className="block text-sm text-ink-soft">
                          {t("judgesLine", { percent: fmt(r.judgesPercent ?? 0), count: r.judging.judges })}
                        </span>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="px-4 py-3 tabular-nums" data-testid="result-votes">
                    {t("votes", { count: r.votes })}
                    {r.votesRank ? <span className="block text-sm text-ink-soft">#{r.votesRank}</span> : null}
                  </td>
                  <td className="px-4 py-3 text-xl font-bold tabular-nums" data-testid="result-combined">
                    {fmt(r.combined)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <section aria-labelledby="by-criterion" className="space-y-3">
          <h2 id="by-criterion" className="text-xl font-bold">
            {t("byCriterion")}
          </h2>
          <div className="grid gap-4 md:grid-cols-2">
            {results.rows.map((r) => (
              <div key={r.teamId} className="card p-4">
                <h3 className="font-bold">{title(r.teamId)}</h3>
                <dl className="mt-2 space-y-1">
                  {(results.criteria[r.teamId] ?? []).map((c) => (
                    <div key={c} className="flex justify-between gap-4">
                      <dt>{criterionLabel(c)}</dt>
                      <dd className="font-semibold tabular-nums">
                        {r.judging.averages[c] !== undefined ? fmt(r.judging.averages[c]) : "—"}
                      </dd>
                    </div>
                  ))}
                </dl>
              </div>
            ))}
          </div>
        </section>
      </main>
    </div>
  );
}
