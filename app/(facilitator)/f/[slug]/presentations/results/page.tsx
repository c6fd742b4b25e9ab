import type { Metadata } from "next";
import Link from "next/link";
import { Wordmark } from "@/app/ui/brand";
import { Refused } from "@/app/ui/refused";
import { sharedDatabase } from "@/db";
import { loadResults } from "@/lib/presentations/results";
import { EventConnectionProvider } from "@/lib/realtime/client/react";
import { staffPage } from "@/lib/server/staff-page";
import { ResultsLive } from "./results-live";

export const metadata: Metadata = { title: "Presentation results" };
export const dynamic = "force-dynamic";

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, ""));

/** Judges' scores and the people's choice, side by side and combined; for the facilitator and organiser. */
export default async function ResultsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, refused } = await staffPage(slug, `/f/${slug}/presentations/results`);
  if (refused) {
    return (
      <Refused
        title="Results are for the people running the event"
        body="The organisers share the results with the room when they are ready."
        back={{ href: `/p/${event.slug}/presentations`, label: "Go to the presentations" }}
      />
    );
  }
  const results = await loadResults((await sharedDatabase()).read, event.id);
  const team = (id: string) => results.teams.find((t) => t.id === id);
  // The room knew each team by its showcase title on the big screen; its name when it gave none.
  const title = (id: string) => results.titles[id] || team(id)?.name || "";
  return (
    <div className="min-h-dvh">
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-[1200px] items-center justify-between gap-4 px-6 py-3">
          <Wordmark />
          <div className="flex items-center gap-4">
            <EventConnectionProvider eventId={event.id}>
              <ResultsLive />
            </EventConnectionProvider>
            <Link href={`/f/${event.slug}/presentations`} className="link">
              ← Presentations
            </Link>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-[1200px] space-y-6 px-6 py-6">
        <div>
          <p className="eyebrow">{event.name}</p>
          <h1 className="text-3xl font-extrabold tracking-tight">Results</h1>
          <p className="text-ink-soft">
            {results.judges === 1 ? "1 judge" : `${results.judges} judges`} scored ·{" "}
            {results.peoplesChoice
              ? `people's choice ${results.peoplesChoice.status === "open" ? "still open" : results.peoplesChoice.status}, ${results.peoplesChoice.voters} voted`
              : "no people's choice vote"}
            . Combined: the judges' score as a share of its maximum and the votes as a share of the most any team got, averaged;
            when only one was used, that one decides.
          </p>
        </div>
        <div className="card overflow-x-auto">
          <table className="w-full text-start" data-testid="results">
            <caption className="sr-only">Combined results, best first</caption>
            <thead className="border-b border-line text-sm text-ink-soft">
              <tr>
                <th scope="col" className="px-4 py-3">
                  Rank
                </th>
                <th scope="col" className="px-4 py-3">
                  Team
                </th>
                <th scope="col" className="px-4 py-3">
                  Judges (total / max)
                </th>
                <th scope="col" className="px-4 py-3">
                  People's choice
                </th>
                <th scope="col" className="px-4 py-3">
                  Combined
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
                      <span className="block text-sm font-normal text-ink-soft">Team {team(r.teamId)?.name}</span>
                    ) : null}
                    {team(r.teamId)?.briefTitle && team(r.teamId)?.briefTitle !== team(r.teamId)?.name ? (
                      <span className="block text-sm font-normal text-ink-soft">Brief: {team(r.teamId)?.briefTitle}</span>
                    ) : null}
                  </th>
                  <td className="px-4 py-3 tabular-nums" data-testid="result-judges">
                    {r.judging.judges > 0 ? (
                      <>
                        {fmt(r.judging.total)} / {r.judging.max}
                        <span className="block text-sm text-ink-soft">
                          {r.judgesPercent ?? 0}% · {r.judging.judges === 1 ? "1 judge" : `${r.judging.judges} judges`}
                        </span>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="px-4 py-3 tabular-nums" data-testid="result-votes">
                    {r.votes} {r.votes === 1 ? "vote" : "votes"}
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
            Judges' averages by criterion
          </h2>
          <div className="grid gap-4 md:grid-cols-2">
            {results.rows.map((r) => (
              <div key={r.teamId} className="card p-4">
                <h3 className="font-bold">{title(r.teamId)}</h3>
                <dl className="mt-2 space-y-1">
                  {(results.criteria[r.teamId] ?? []).map((c) => (
                    <div key={c} className="flex justify-between gap-4">
                      <dt>{c}</dt>
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
