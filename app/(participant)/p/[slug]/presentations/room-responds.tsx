"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useState } from "react";
import { useDraft } from "@/app/live/use-draft";
import { LengthCount, lengthCountShown } from "@/app/ui/length-count";
import { useMyTeamMoved } from "@/lib/realtime/client/teams";
import { usePresentations } from "@/lib/realtime/client/use-presentations";
import { useVotingOf, useVotingStore, type VotingStore } from "@/lib/realtime/client/use-voting";
import { presentationLimits, reactionKinds, reactionLabels } from "@/lib/realtime/constants";
import type { PresentationState } from "@/lib/realtime/contract";

/** The room's side of the presentations: cheer the team on, write to it, and vote for a favourite. */
export function RoomResponds({ slug, eventName }: { slug: string; eventName: string }) {
  const t = useTranslations("presentations.room");
  const p = usePresentations();
  const s = p.state;
  const choice = useVotingStore(s?.run.peoplesChoiceBoardId ?? "");
  // Moved to another team (by a facilitator, or by their own tap on another device): the server
  // took back their dots on it, and their team's feedback is another's; both are read again.
  const { reload } = p;
  const reloadChoice = choice.room.reload;
  const onMoved = useCallback(() => {
    reload();
    reloadChoice();
  }, [reload, reloadChoice]);
  useMyTeamMoved(s !== null && !s.me.staff, onMoved);
  if (!s) return <p className="text-ink-soft">{t("opening")}</p>;
  const current = s.run.currentTeamId ? s.teams.find((t) => t.id === s.run.currentTeamId) : null;
  const showcase = current ? s.showcases[current.id] : null;
  return (
    <div className="space-y-6 pb-10">
      <Link href={`/p/${slug}`} className="link inline-block">
        ← {eventName}
      </Link>
      <section className="space-y-1" aria-live="polite">
        <p className="eyebrow">{t("eyebrow")}</p>
        {current ? (
          <>
            <h1 className="text-3xl font-extrabold tracking-tight" data-testid="responds-current">
              {showcase?.title || current.name}
            </h1>
            <p className="text-ink-soft">
              {t("currentTeam", { team: current.name, stage: s.run.stage === "questions" ? "questions" : "presenting" })}
            </p>
            {showcase?.summary ? <p>{showcase.summary}</p> : null}
          </>
        ) : (
          <h1 className="text-3xl font-extrabold tracking-tight">
            {s.run.stage === "finished" ? t("finished") : t("notStarted")}
          </h1>
        )}
      </section>
      {s.me.judge ? (
        <Link href={`/p/${slug}/judge`} className="btn btn-primary w-full">
          {t("scoreAsJudge")}
        </Link>
      ) : null}
      {current ? <Reactions teamId={current.id} state={s} cheer={p.cheer} /> : null}
      {p.message ? (
        <p role="alert" className="rounded-xl bg-red-50 p-3 font-semibold text-danger">
          {p.message}
        </p>
      ) : null}
      {s.results ? <ProjectedResults state={s} /> : null}
      <PeoplesChoice state={s} store={choice} />
      <Feedback state={s} defaultTeam={current?.id ?? null} send={p.send} />
    </div>
  );
}

function Reactions({
  teamId,
  state,
  cheer,
}: {
  teamId: string;
  state: PresentationState;
  cheer: ReturnType<typeof usePresentations>["cheer"];
}) {
  const t = useTranslations("presentations.room");
  const counts = state.reactions[teamId] ?? {};
  return (
    <section aria-labelledby="cheer-title" className="space-y-2">
      <h2 id="cheer-title" className="text-xl font-bold">
        {t("cheerTitle")}
      </h2>
      <p className="text-sm text-ink-soft">{t("cheerHint")}</p>
      <ul className="grid grid-cols-2 gap-3">
        {reactionKinds.map((kind) => (
          <li key={kind}>
            <button
              type="button"
              className="btn btn-secondary h-20 w-full flex-col gap-0 text-base"
              onClick={() => cheer(teamId, kind)}
              data-testid={`react-${kind}`}
            >
              <span aria-hidden className="text-3xl">
                {reactionLabels[kind].emoji}
              </span>
              <span>
                {t(`reaction.${kind}`)} <span className="font-normal text-ink-soft">· {counts[kind] ?? 0}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The results while the big screen shows them, so the back of the hall can read them too. */
function ProjectedResults({ state }: { state: PresentationState }) {
  const t = useTranslations("presentations.room");
  return (
    <section aria-labelledby="results-title" className="space-y-2" aria-live="polite">
      <h2 id="results-title" className="text-xl font-bold">
        {t("resultsTitle")}
      </h2>
      <ol className="card divide-y divide-line" data-testid="phone-results">
        {(state.results ?? []).map((r) => (
          <li key={r.teamId} className="flex items-baseline gap-3 px-4 py-3" data-testid="phone-result">
            <span className="w-6 shrink-0 font-extrabold tabular-nums">{r.rank}</span>
            <span className="min-w-0 flex-1 break-words">
              <span className="block font-semibold">{r.title}</span>
              {r.title !== r.teamName ? (
                <span className="block text-sm text-ink-soft">{t("team", { team: r.teamName })}</span>
              ) : null}
            </span>
            <span className="shrink-0 text-sm">{t("votes", { count: r.votes })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function PeoplesChoice({ state, store }: { state: PresentationState; store: VotingStore }) {
  const t = useTranslations("presentations.room");
  const boardId = state.run.peoplesChoiceBoardId;
  const voting = useVotingOf(store);
  const round = boardId && voting.round?.targets === "teams" ? voting.round : null;
  if (!round) return null;
  const order = state.run.order.map((id) => state.teams.find((team) => team.id === id)).filter((team) => team !== undefined);
  if (round.status !== "open") {
    const tallies = voting.tally?.tallies;
    return (
      <section aria-labelledby="choice-title" className="space-y-2">
        <h2 id="choice-title" className="text-xl font-bold">
          {t("choiceTitle")}
        </h2>
        {round.status === "revealed" && tallies ? (
          <ol className="card divide-y divide-line" data-testid="choice-ranking">
            {[...order]
              .sort((a, b) => (tallies[b.id] ?? 0) - (tallies[a.id] ?? 0))
              .map((team) => (
                <li key={team.id} className="flex justify-between px-4 py-3">
                  <span className="font-semibold">{state.showcases[team.id]?.title || team.name}</span>
                  <span>{t("votes", { count: tallies[team.id] ?? 0 })}</span>
                </li>
              ))}
          </ol>
        ) : (
          <p className="card p-4">{t("choiceClosed")}</p>
        )}
      </section>
    );
  }
  return (
    <section aria-labelledby="choice-title" className="space-y-3">
      <h2 id="choice-title" className="text-xl font-bold">
        {t("choiceOpenTitle")}
      </h2>
      <p className="text-ink-soft" aria-live="polite" data-testid="choice-left">
        {t("votesLeft", { count: voting.dotsLeft })}
        {round.excludeOwnTeam ? ` ${t("notOwnTeam")}` : ""}
      </p>
      {voting.message ? (
        <p role="alert" className="font-semibold text-danger">
          {voting.message}
        </p>
      ) : null}
      <ul className="space-y-2">
        {order.map((team) => {
          const mine = (voting.mine[team.id] ?? 0) > 0;
          const own = round.excludeOwnTeam && state.me.teamId === team.id;
          const title = state.showcases[team.id]?.title || team.name;
          return (
            <li key={team.id} className="card flex items-center justify-between gap-3 p-3">
              <span>
                <span className="block font-semibold">{title}</span>
                <span className="block text-sm text-ink-soft">{t("team", { team: team.name })}</span>
              </span>
              {own ? (
                <span className="text-sm text-ink-soft">{t("yourTeam")}</span>
              ) : (
                <button
                  type="button"
                  aria-pressed={mine}
                  className={`btn ${mine ? "btn-primary" : "btn-secondary"} shrink-0`}
                  onClick={() => void (mine ? voting.retract(team.id) : voting.cast(team.id))}
                  disabled={!mine && voting.dotsLeft === 0}
                  data-testid={`choice-${team.name}`}
                >
                  {mine ? t("voted") : t("vote")}
                  <span className="sr-only"> {t("voteFor", { title })}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Feedback({
  state,
  defaultTeam,
  send,
}: {
  state: PresentationState;
  defaultTeam: string | null;
  send: ReturnType<typeof usePresentations>["send"];
}) {
  const t = useTranslations("presentations.room");
  const id = useId();
  const [teamId, setTeamId] = useState(defaultTeam ?? state.teams[0]?.id ?? "");
  const [kept, keep] = useDraft(`feedback.${teamId}`);
  const text = kept ?? "";
  const update = (value: string) => keep(value || null);
  const [sent, setSent] = useState<string | null>(null);
  useEffect(() => {
    if (defaultTeam) setTeamId(defaultTeam);
  }, [defaultTeam]);
  if (state.teams.length === 0) return null;
  const teamName = state.teams.find((team) => team.id === teamId)?.name ?? "";
  return (
    <form
      className="space-y-3"
      aria-labelledby={`${id}-title`}
      onSubmit={async (e) => {
        e.preventDefault();
        const ack = await send("presentation:feedback", { teamId, text });
        if (ack?.ok) {
          update("");
          setSent(t("feedbackSent", { team: teamName }));
        }
      }}
    >
      <h2 id={`${id}-title`} className="text-xl font-bold">
        {t("feedbackTitle")}
      </h2>
      <div>
        <label htmlFor={`${id}-team`} className="field-label">
          {t("feedbackTo")}
        </label>
        <select id={`${id}-team`} className="field-input" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
          {state.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-text`} className="field-label">
          {t("feedbackLabel")}
        </label>
        <span id={`${id}-hint`} className="field-hint">
          {t("feedbackHint")}
        </span>
        <textarea
          id={`${id}-text`}
          aria-describedby={`${id}-hint${lengthCountShown(text.length, presentationLimits.feedback) ? ` ${id}-count` : ""}`}
          aria-invalid={text.length > presentationLimits.feedback ? true : undefined}
          className="field-input min-h-24"
          value={text}
          onChange={(e) => {
            setSent(null);
            update(e.target.value);
          }}
          data-testid="feedback-text"
        />
        <LengthCount id={`${id}-count`} length={text.length} max={presentationLimits.feedback} />
      </div>
      <button type="submit" className="btn btn-primary w-full" disabled={!text.trim()}>
        {t("feedbackSend")}
      </button>
      {sent ? (
        <p role="status" className="font-semibold text-brand">
          {sent}
        </p>
      ) : null}
    </form>
  );
}
