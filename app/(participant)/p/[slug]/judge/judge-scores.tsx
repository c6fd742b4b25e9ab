"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { afterScoreAck, createScoreTaps } from "@/lib/presentations/my-scores";
import { fallbackCriterionKey } from "@/lib/presentations/rules";
import { usePresentations } from "@/lib/realtime/client/use-presentations";

const scale = [1, 2, 3, 4, 5] as const;

/** A judge scores each team, 1 to 5 against each criterion; a tap saves, tapping again takes it back. */
export function JudgeScores({ slug, eventName }: { slug: string; eventName: string }) {
  const t = useTranslations("presentations.judge");
  const fallback = useTranslations("presentations.fallbackCriteria");
  const criterionLabel = (criterion: string) => {
    const key = fallbackCriterionKey(criterion);
    return key ? fallback(key) : criterion;
  };
  const p = usePresentations();
  // An older score's answer, arriving after a newer tap, must not take that tap back.
  const [taps] = useState(createScoreTaps);
  const s = p.state;
  if (!s) return <p className="text-ink-soft">{t("opening")}</p>;
  const back = (
    <Link href={`/p/${slug}/presentations`} className="link inline-block">
      ← {t("back", { event: eventName })}
    </Link>
  );
  if (!s.me.judge) {
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-3xl font-extrabold tracking-tight">{t("eyebrow")}</h1>
        <p className="card p-4">{t("notJudge")}</p>
      </div>
    );
  }
  // My scores live in the room's state, so a criterion reworded by the facilitator carries them with it.
  const scores = s.me.scores;
  const setTeamScores = (teamId: string, change: (team: Record<string, number>) => Record<string, number>) =>
    p.patch((st) => ({ ...st, me: { ...st.me, scores: { ...st.me.scores, [teamId]: change(st.me.scores[teamId] ?? {}) } } }));
  const score = async (teamId: string, criterion: string, value: number | null) => {
    const tap = taps.sent(teamId);
    setTeamScores(teamId, (team) => ({ ...team, [criterion]: value ?? 0 }));
    const ack = await p.send("judge:score", { teamId, criterion, score: value });
    if (!ack || !taps.isLatest(teamId, tap)) return;
    // Refused: what this screen shows is read again from the server rather than left as tapped.
    if (!ack.ok) p.reload();
    else p.patch((st) => afterScoreAck(st, teamId, ack));
  };
  const order = s.run.order.map((id) => s.teams.find((t) => t.id === id)).filter((t) => t !== undefined);
  return (
    <div className="space-y-6 pb-10">
      {back}
      <div className="space-y-1">
        <p className="eyebrow">{t("eyebrow")}</p>
        <h1 className="text-3xl font-extrabold tracking-tight">{t("title")}</h1>
        <p className="text-ink-soft">{t("intro")}</p>
      </div>
      {p.message ? (
        <p role="alert" className="rounded-xl bg-red-50 p-3 font-semibold text-danger">
          {p.message}
        </p>
      ) : null}
      {order.map((team) => {
        const criteria = s.criteria[team.id] ?? [];
        const teamScores = scores[team.id] ?? {};
        const done = criteria.filter((c) => (teamScores[c] ?? 0) > 0).length;
        const title = s.showcases[team.id]?.title;
        return (
          <section
            key={team.id}
            aria-labelledby={`judge-${team.id}`}
            className="card space-y-4 p-4"
            data-testid={`judge-team-${team.name}`}
          >
            <div>
              <h2 id={`judge-${team.id}`} className="text-xl font-bold">
                {title || team.name}
                {s.run.currentTeamId === team.id ? (
                  <span className="ms-2 rounded-full bg-sun px-2 py-0.5 text-sm">{t("onNow")}</span>
                ) : null}
              </h2>
              <p className="text-sm text-ink-soft">{t("progress", { team: team.name, done, total: criteria.length })}</p>
            </div>
            {criteria.map((criterion) => {
              const value = teamScores[criterion] ?? 0;
              return (
                <fieldset key={criterion}>
                  <legend className="mb-2 font-semibold">{criterionLabel(criterion)}</legend>
                  <div className="grid grid-cols-5 gap-2">
                    {scale.map((n) => (
                      <button
                        key={n}
                        type="button"
                        aria-pressed={value === n}
                        aria-label={t("scoreLabel", { score: n })}
                        className={`btn px-0 ${value === n ? "btn-primary" : "btn-secondary"}`}
                        onClick={() => void score(team.id, criterion, value === n ? null : n)}
                        data-testid={`score-${team.name}-${criterion}-${n}`}
                      >
                        {n}
                      </button>
                    ))}
                  </div>
                </fieldset>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}
