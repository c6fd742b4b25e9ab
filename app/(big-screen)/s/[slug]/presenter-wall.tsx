"use client";

import { useFormatter, useTranslations } from "next-intl";
import QRCode from "qrcode";
import { type CSSProperties, useEffect, useState } from "react";
import { useFittingStep } from "@/app/live/use-fitting-step";
import { imageSrcSet } from "@/lib/files/image-sizes";
import { nextUp, nextUpTitle, stageClock } from "@/lib/presentations/rules";
import { useServerNow } from "@/lib/realtime/client/server-clock";
import type { PresentationsHandle } from "@/lib/realtime/client/use-presentations";
import { useVoting } from "@/lib/realtime/client/use-voting";
import { reactionKinds, reactionLabels } from "@/lib/realtime/constants";
import type { PresentationState, ShowcaseLink } from "@/lib/realtime/contract";
import { formatClock } from "@/lib/room/timer";

/** A link as a QR code, so the room can open it on their phones from the back of the hall. */
function LinkCode({ link }: { link: ShowcaseLink }) {
  const t = useTranslations("screen.presenter");
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(link.url, { type: "svg", margin: 1, errorCorrectionLevel: "M" })
      .then((svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [link.url]);
  return (
    <figure
      className="flex w-[calc(17*var(--screen-vh))] flex-col items-center gap-[calc(0.8*var(--screen-vh))]"
      data-testid="presenter-link"
    >
      {src ? (
        // biome-ignore lint/performance/noImgElement: a data: URL SVG needs no optimisation
        <img
          src={src}
          alt={t("linkQrAlt", { link: link.title || link.url })}
          className="aspect-square w-full rounded-xl bg-white p-2"
        />
      ) : (
        <div className="aspect-square w-full rounded-xl bg-white/10" />
      )}
      <figcaption className="w-full truncate text-center text-[calc(2.2*var(--screen-vh))] font-semibold">
        {link.title || link.url.replace(/^https?:\/\//, "")}
      </figcaption>
    </figure>
  );
}

function PresenterClock({ state }: { state: PresentationState }) {
  const t = useTranslations("screen.presenter.clock");
  const serverNow = useServerNow(250);
  const clock = stageClock(state.run, serverNow);
  if (!clock) return null;
  const seconds = Math.ceil(clock.remainingMs / 1000);
  const stage = state.run.stage === "questions" ? t("questions") : t("presentation");
  return (
    <div
      className={`flex w-[min(30vw,calc(44*var(--screen-vh)))] portrait:w-[calc(44*var(--screen-vh))] flex-col items-center rounded-3xl px-[calc(2.5*var(--screen-vh))] py-[calc(1.6*var(--screen-vh))] text-center ${
        clock.paused
          ? "bg-stage-raised ring-4 ring-paper/70"
          : clock.overtime
            ? "bg-coral text-white"
            : clock.warning
              ? "bg-sun text-ink"
              : "bg-stage-raised"
      }`}
      data-testid="presenter-clock"
      data-warning={clock.warning}
      data-overtime={clock.overtime}
      data-paused={clock.paused}
    >
      <span className="text-[calc(2.4*var(--screen-vh))] font-semibold uppercase tracking-[0.15em]">{stage}</span>
      <span
        role="timer"
        aria-live="off"
        className="text-[calc(11*var(--screen-vh))] font-extrabold leading-none tabular-nums"
        data-testid="presenter-time"
      >
        {formatClock(seconds)}
      </span>
      <span className="text-[calc(2.4*var(--screen-vh))] font-bold" aria-live="polite">
        {clock.paused ? t("paused") : clock.overtime ? t("timesUp") : clock.warning ? t("warning") : t("left")}
      </span>
    </div>
  );
}

function Reactions({ handle, teamId }: { handle: PresentationsHandle; teamId: string }) {
  const t = useTranslations("screen.presenter.reactions");
  const counts = handle.state?.reactions[teamId] ?? {};
  const bursts = handle.bursts.filter((b) => b.teamId === teamId);
  return (
    <div className="relative">
      <ul className="flex flex-wrap gap-[calc(1.5*var(--screen-vh))]" aria-label={t("label")}>
        {reactionKinds.map((k) => (
          <li
            key={k}
            className="flex items-center gap-[calc(0.8*var(--screen-vh))] whitespace-nowrap rounded-full bg-stage-raised px-[calc(2*var(--screen-vh))] py-[calc(0.8*var(--screen-vh))] text-[calc(3.2*var(--screen-vh))] font-bold"
          >
            <span aria-hidden>{reactionLabels[k].emoji}</span>
            <span className="text-[calc(2.4*var(--screen-vh))] font-semibold text-white/80">{t(k)}</span>
            <span className="tabular-nums" data-testid={`presenter-reactions-${k}`}>
              {counts[k] ?? 0}
            </span>
          </li>
        ))}
      </ul>
      <div
        aria-hidden
        className="pointer-events-none absolute bottom-full start-0 h-[calc(24*var(--screen-vh))] w-full overflow-hidden"
      >
        {bursts.map((b) => (
          <span
            key={b.id}
            className="reaction-float absolute bottom-0 text-[calc(6*var(--screen-vh))]"
            style={{ insetInlineStart: `${(b.id * 37) % 90}%` }}
            data-testid="presenter-burst"
          >
            {reactionLabels[b.kind].emoji}
          </span>
        ))}
      </div>
    </div>
  );
}

function PeoplesChoiceRanking({ state }: { state: PresentationState }) {
  const t = useTranslations("screen.presenter");
  const voting = useVoting(state.run.peoplesChoiceBoardId ?? "");
  const tallies = voting.round?.targets === "teams" && voting.round.status === "revealed" ? voting.tally?.tallies : null;
  if (!tallies) return null;
  const presenting = state.teams.filter((team) => state.run.order.includes(team.id));
  const ranked = [...presenting].sort((a, b) => (tallies[b.id] ?? 0) - (tallies[a.id] ?? 0));
  return (
    <section aria-labelledby="choice-wall-title" className="space-y-4">
      <h3 id="choice-wall-title" className="text-[calc(4*var(--screen-vh))] font-extrabold text-sun">
        {t("peoplesChoice")}
      </h3>
      <ol className="space-y-[calc(1*var(--screen-vh))]" data-testid="presenter-choice">
        {ranked.map((team, i) => (
          <li
            key={team.id}
            className="flex items-baseline gap-[calc(2*var(--screen-vh))] rounded-2xl bg-stage-raised px-[calc(2.5*var(--screen-vh))] py-[calc(1.2*var(--screen-vh))] text-[calc(3.4*var(--screen-vh))] font-bold"
          >
            <span className="w-[calc(3.5*var(--screen-vh))] tabular-nums">{i + 1}</span>
            <span className="min-w-0 flex-1 break-words">{state.showcases[team.id]?.title || team.name}</span>
            <span className="whitespace-nowrap tabular-nums">{t("votes", { count: tallies[team.id] ?? 0 })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The combined results, projected: each team by the showcase title the room saw on this screen
 * (its name when it gave none), best first. Rows shrink with the number of teams so every team
 * fits on one screen from 1024×768 up.
 */
function ResultsWall({ state }: { state: PresentationState }) {
  const t = useTranslations("screen.presenter");
  // One decimal at most, with the room's decimal sign (72,5 in French).
  const format = useFormatter();
  const fmt = (n: number) => format.number(n, { maximumFractionDigits: 1, useGrouping: false });
  const rows = state.results ?? [];
  const rowVh = Math.min(9, 68 / Math.max(rows.length, 1));
  // A screen stood on its end is narrow but has twice the height these rows take: a title may take
  // three lines, and the votes go under it, so the title has the width the scores took beside it.
  return (
    <section
      aria-labelledby="results-wall-title"
      className="flex h-full flex-col gap-[calc(2*var(--screen-vh))] overflow-hidden"
      data-testid="wall-presentations"
      data-view="results"
    >
      <h2 id="results-wall-title" className="text-[calc(6*var(--screen-vh))] font-extrabold leading-tight">
        {t("resultsTitle")}
      </h2>
      {rows.length === 0 ? (
        <p className="text-[calc(3.5*var(--screen-vh))] text-white/80">{t("noResults")}</p>
      ) : (
        <ol className="flex min-h-0 flex-col gap-[calc(1*var(--screen-vh))]" data-testid="results-wall">
          {rows.map((r) => (
            <li
              key={r.teamId}
              className={`flex items-center gap-[calc(2.5*var(--screen-vh))] rounded-2xl px-[calc(2.5*var(--screen-vh))] portrait:grid portrait:grid-cols-[2.2em_minmax(0,1fr)_minmax(3em,auto)] portrait:gap-y-0 portrait:[grid-template-areas:'rank_title_score'_'rank_votes_score'] ${r.rank === 1 ? "bg-sun text-ink" : "bg-stage-raised"}`}
              style={{ minHeight: `calc(${rowVh} * var(--screen-vh))`, fontSize: `calc(${rowVh * 0.42} * var(--screen-vh))` }}
              data-testid="results-wall-row"
              data-rank={r.rank}
            >
              <span className="w-[2.2em] shrink-0 text-center font-extrabold tabular-nums portrait:[grid-area:rank]">
                {r.rank}
              </span>
              <span className="min-w-0 flex-1 py-[calc(0.5*var(--screen-vh))] portrait:[grid-area:title]">
                <span
                  className="block truncate font-extrabold leading-tight portrait:line-clamp-3 portrait:whitespace-normal"
                  data-testid="results-wall-title"
                >
                  {r.title}
                </span>
                {r.title !== r.teamName ? (
                  <span className="block truncate text-[0.6em] font-semibold opacity-80">{t("team", { team: r.teamName })}</span>
                ) : null}
              </span>
              <span className="shrink-0 whitespace-nowrap text-[0.7em] font-semibold tabular-nums opacity-90 portrait:whitespace-normal portrait:pb-[calc(0.8*var(--screen-vh))] portrait:[grid-area:votes]">
                {r.judgesPercent !== null
                  ? t("votesAndJudges", { count: r.votes, judges: fmt(r.judgesPercent) })
                  : t("votes", { count: r.votes })}
              </span>
              <span className="w-[4.5em] shrink-0 text-end font-extrabold tabular-nums portrait:w-auto portrait:[grid-area:score]">
                {fmt(r.combined)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Sizes of what a team made, on a screen stood on its end, in hundredths of a 1080p height: the largest that fits. */
const madeSizes = [7, 6, 5, 4.2, 3.4];

/**
 * What the team made, where its pictures would be when it has none. On a screen stood on its end
 * that place is most of the height: at the projector's size the words took a third of it, over a
 * band of empty stage. There they are the biggest that fit, between the clock and the applause;
 * at the smallest, cut at six lines as on a projector.
 */
function WhatWasMade({ made }: { made: string }) {
  const { box, step } = useFittingStep<HTMLDivElement>(madeSizes.length, made);
  const smallest = step === madeSizes.length - 1;
  return (
    <div ref={box} className="flex min-h-0 overflow-hidden portrait:items-center-safe">
      {made ? (
        <p
          className={`line-clamp-6 max-w-5xl whitespace-pre-wrap text-[calc(3.4*var(--screen-vh))] leading-snug text-white/90 portrait:text-(length:--made-size) ${smallest ? "" : "portrait:line-clamp-none"}`}
          style={{ "--made-size": `calc(${madeSizes[step]} * var(--screen-vh))` } as CSSProperties}
          data-testid="presenter-made"
        >
          {made}
        </p>
      ) : null}
    </div>
  );
}

/** The team after this one: what it made, and whose it is; the team alone when its showcase has no title of its own. */
function NextTeam({ title, team }: { title: string | null; team: string }) {
  const t = useTranslations("screen.presenter");
  if (!title) return <>{t("team", { team })}</>;
  return <>{t.rich("nextTitled", { title, team, soft: (c) => <span className="text-white/70">{c}</span> })}</>;
}

/** Presenter mode: the team on now, its showcase, its clock, who is next and the room's applause; or the results. */
export function PresentationsWall({ handle }: { handle: PresentationsHandle }) {
  const t = useTranslations("screen.presenter");
  const s = handle.state;
  if (!s) return <p className="text-[calc(4*var(--screen-vh))] text-white/80">{t("opening")}</p>;
  if (s.run.projecting === "results") return <ResultsWall state={s} />;
  const teamName = (id: string | null) => s.teams.find((t) => t.id === id)?.name ?? "";
  const current = s.run.currentTeamId;
  const upNext = nextUp(s.run);
  if (!current) {
    // On a screen stood on its end the people's choice goes under the order, and titles take two
    // lines: in two columns of half its width every title was cut to its first word.
    return (
      <section
        aria-labelledby="order-title"
        className="grid h-full grid-cols-2 gap-[calc(4*var(--screen-vh))] overflow-hidden portrait:grid-cols-1 portrait:content-start"
        data-testid="wall-presentations"
        data-view="order"
        data-stage={s.run.stage}
      >
        <div className="min-w-0 space-y-[calc(2*var(--screen-vh))]">
          <h2 id="order-title" className="text-[calc(5*var(--screen-vh))] font-extrabold leading-tight">
            {s.run.stage === "finished" ? t("thankYou") : t("runningOrder")}
          </h2>
          {s.run.order.length === 0 ? (
            // An empty room's order: say what fills it, rather than leave the wall blank.
            <p
              className="max-w-[60ch] text-[calc(3.2*var(--screen-vh))] font-semibold text-white/80"
              data-testid="wall-order-empty"
            >
              {t("orderEmpty")}
            </p>
          ) : null}
          <ol className="space-y-[calc(1*var(--screen-vh))]" data-testid="wall-order">
            {s.run.order.map((id, i) => (
              <li
                key={id}
                className="flex items-baseline gap-[calc(2*var(--screen-vh))] rounded-2xl bg-stage-raised px-[calc(2.5*var(--screen-vh))] py-[calc(1.2*var(--screen-vh))]"
              >
                <span className="w-[calc(3.5*var(--screen-vh))] text-[calc(3*var(--screen-vh))] font-extrabold tabular-nums">
                  {i + 1}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-[calc(3.6*var(--screen-vh))] font-bold portrait:line-clamp-2 portrait:whitespace-normal">
                    {s.showcases[id]?.title || teamName(id)}
                  </span>
                  <span className="block truncate text-[calc(2.4*var(--screen-vh))] text-white/70">
                    {t("team", { team: teamName(id) })}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </div>
        <PeoplesChoiceRanking state={s} />
      </section>
    );
  }
  const showcase = s.showcases[current];
  const images = showcase?.images ?? [];
  const links = (showcase?.links ?? []).map((l) => ({ title: l.title.trim(), url: l.url.trim() })).filter((l) => l.url);
  const position = s.run.order.indexOf(current) + 1;
  // On a screen stood on its end the parts go one above the other (the title, the clock beside the
  // link codes, the pictures, the room's applause), the clock no longer beside a title squeezed to "Po…".
  return (
    <section
      aria-labelledby="presenter-title"
      className="grid h-full grid-cols-[minmax(0,1fr)_auto] grid-rows-[auto_minmax(0,1fr)_auto] gap-x-[calc(4*var(--screen-vh))] gap-y-[calc(2*var(--screen-vh))] overflow-hidden portrait:grid-cols-[minmax(0,1fr)] portrait:grid-rows-[auto_auto_minmax(0,1fr)_auto]"
      data-testid="wall-presentations"
      data-view="presenter"
      data-stage={s.run.stage}
      data-team={teamName(current)}
    >
      <div className="min-w-0">
        <p className="truncate text-[calc(2.4*var(--screen-vh))] font-semibold uppercase tracking-[0.15em] text-sun">
          {t("onNow", {
            team: teamName(current),
            number: position,
            total: s.run.order.length,
            stage: s.run.stage === "questions" ? "questions" : "other",
          })}
        </p>
        <h2
          id="presenter-title"
          className="line-clamp-2 text-balance text-[calc(6.5*var(--screen-vh))] portrait:line-clamp-3 font-extrabold leading-tight tracking-tight"
          data-testid="presenter-title"
        >
          {showcase?.title || teamName(current)}
        </h2>
        {showcase?.summary ? (
          <p className="mt-[calc(0.8*var(--screen-vh))] line-clamp-2 text-[calc(3.4*var(--screen-vh))] text-white/90">
            {showcase.summary}
          </p>
        ) : null}
      </div>
      <div className="row-span-2 flex min-h-0 flex-col items-end gap-[calc(2*var(--screen-vh))] overflow-hidden portrait:row-span-1 portrait:flex-row portrait:items-start portrait:justify-between">
        <PresenterClock state={s} />
        {links.length > 0 ? (
          <div className="grid grid-cols-2 gap-[calc(1.5*var(--screen-vh))]">
            {links.slice(0, 4).map((l) => (
              <LinkCode key={`${l.url}-${l.title}`} link={l} />
            ))}
          </div>
        ) : null}
      </div>
      {images.length > 0 ? (
        <div className="flex min-h-0 gap-[calc(2*var(--screen-vh))] overflow-hidden">
          {images.slice(0, 3).map((img, i) => (
            // biome-ignore lint/performance/noImgElement: served by our own route to people of the event
            <img
              key={img.id}
              src={img.url}
              srcSet={imageSrcSet(img.url)}
              sizes={`${Math.round(100 / Math.min(images.length, 3))}vw`}
              alt={t("imageAlt", { title: showcase?.title || teamName(current), number: i + 1, total: images.length })}
              className="h-full min-w-0 flex-1 rounded-3xl bg-stage-raised object-contain"
              data-testid="presenter-image"
            />
          ))}
        </div>
      ) : (
        <WhatWasMade made={showcase?.made ?? ""} />
      )}
      <div className="col-span-2 flex flex-wrap portrait:col-span-1 items-end justify-between gap-x-[calc(3*var(--screen-vh))] gap-y-[calc(1.5*var(--screen-vh))]">
        <Reactions handle={handle} teamId={current} />
        <p className="ms-auto max-w-full text-end text-[calc(3*var(--screen-vh))] font-semibold" data-testid="presenter-next">
          {upNext ? (
            <>
              <span className="block text-[calc(2*var(--screen-vh))] uppercase tracking-[0.15em] text-white/70">
                {t("nextUp")}
              </span>
              <NextTeam title={nextUpTitle(s.showcases[upNext]?.title, teamName(upNext))} team={teamName(upNext)} />
            </>
          ) : (
            <span className="text-white/70">{t("lastTeam")}</span>
          )}
        </p>
      </div>
    </section>
  );
}
