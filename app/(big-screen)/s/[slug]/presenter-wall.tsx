"use client";

import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { imageSrcSet } from "@/lib/files/image-sizes";
import { plural } from "@/lib/plural";
import { nextUp, stageClock } from "@/lib/presentations/rules";
import { useServerNow } from "@/lib/realtime/client/server-clock";
import type { PresentationsHandle } from "@/lib/realtime/client/use-presentations";
import { useVoting } from "@/lib/realtime/client/use-voting";
import { reactionKinds, reactionLabels } from "@/lib/realtime/constants";
import type { PresentationState, ShowcaseLink } from "@/lib/realtime/contract";
import { formatClock } from "@/lib/room/timer";

/** A link as a QR code, so the room can open it on their phones from the back of the hall. */
function LinkCode({ link }: { link: ShowcaseLink }) {
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
    <figure className="flex w-48 flex-col items-center gap-2" data-testid="presenter-link">
      {src ? (
        // biome-ignore lint/performance/noImgElement: a data: URL SVG needs no optimisation
        <img src={src} alt={`QR code for ${link.title || link.url}`} className="aspect-square w-full rounded-xl bg-white p-2" />
      ) : (
        <div className="aspect-square w-full rounded-xl bg-white/10" />
      )}
      <figcaption className="w-full truncate text-center text-xl font-semibold">
        {link.title || link.url.replace(/^https?:\/\//, "")}
      </figcaption>
    </figure>
  );
}

function PresenterClock({ state }: { state: PresentationState }) {
  const serverNow = useServerNow(250);
  const clock = stageClock(state.run, serverNow);
  if (!clock) return null;
  const seconds = Math.ceil(clock.remainingMs / 1000);
  const stage = state.run.stage === "questions" ? "Questions" : "Presentation";
  return (
    <div
      className={`flex w-[26rem] flex-col items-center rounded-3xl px-8 py-5 text-center ${
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
      <span className="text-2xl font-semibold uppercase tracking-[0.15em]">{stage}</span>
      <span
        role="timer"
        aria-live="off"
        className="text-[8rem] font-extrabold leading-none tabular-nums"
        data-testid="presenter-time"
      >
        {formatClock(seconds)}
      </span>
      <span className="text-2xl font-bold" aria-live="polite">
        {clock.paused ? "Clock paused" : clock.overtime ? "Time's up" : clock.warning ? "Nearly time: start wrapping up" : "left"}
      </span>
    </div>
  );
}

function Reactions({ handle, teamId }: { handle: PresentationsHandle; teamId: string }) {
  const counts = handle.state?.reactions[teamId] ?? {};
  const bursts = handle.bursts.filter((b) => b.teamId === teamId);
  return (
    <div className="relative">
      <ul className="flex gap-6" aria-label="Reactions from the room">
        {reactionKinds.map((k) => (
          <li key={k} className="flex items-center gap-2 rounded-full bg-stage-raised px-5 py-2 text-3xl font-bold">
            <span aria-hidden>{reactionLabels[k].emoji}</span>
            <span className="text-2xl font-semibold text-white/80">{reactionLabels[k].label}</span>
            <span className="tabular-nums" data-testid={`presenter-reactions-${k}`}>
              {counts[k] ?? 0}
            </span>
          </li>
        ))}
      </ul>
      <div aria-hidden className="pointer-events-none absolute bottom-full left-0 h-64 w-full overflow-hidden">
        {bursts.map((b) => (
          <span
            key={b.id}
            className="reaction-float absolute bottom-0 text-6xl"
            style={{ left: `${(b.id * 37) % 90}%` }}
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
  const voting = useVoting(state.run.peoplesChoiceBoardId ?? "");
  const tallies = voting.round?.targets === "teams" && voting.round.status === "revealed" ? voting.tally?.tallies : null;
  if (!tallies) return null;
  const ranked = [...state.teams].sort((a, b) => (tallies[b.id] ?? 0) - (tallies[a.id] ?? 0));
  return (
    <section aria-labelledby="choice-wall-title" className="space-y-4">
      <h3 id="choice-wall-title" className="text-4xl font-extrabold text-sun">
        People's choice
      </h3>
      <ol className="space-y-3" data-testid="presenter-choice">
        {ranked.map((t, i) => (
          <li key={t.id} className="flex items-baseline gap-6 rounded-2xl bg-stage-raised px-8 py-4 text-4xl font-bold">
            <span className="w-10 tabular-nums">{i + 1}</span>
            <span className="flex-1">{state.showcases[t.id]?.title || t.name}</span>
            <span className="tabular-nums">{plural(tallies[t.id] ?? 0, "vote")}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Presenter mode: the team on now, its showcase, its clock, who is next and the room's applause. */
export function PresentationsWall({ handle }: { handle: PresentationsHandle }) {
  const s = handle.state;
  if (!s) return <p className="text-4xl text-white/80">Opening the presentations…</p>;
  const teamName = (id: string | null) => s.teams.find((t) => t.id === id)?.name ?? "";
  const current = s.run.currentTeamId;
  const upNext = nextUp(s.run);
  if (!current) {
    return (
      <section
        aria-labelledby="order-title"
        className="grid h-full grid-cols-2 gap-12 overflow-hidden"
        data-testid="wall-presentations"
      >
        <div className="space-y-6">
          <h2 id="order-title" className="text-5xl font-extrabold">
            {s.run.stage === "finished" ? "Thank you, every team" : "Presentations: the running order"}
          </h2>
          <ol className="space-y-3">
            {s.run.order.map((id, i) => (
              <li key={id} className="flex items-baseline gap-6 rounded-2xl bg-stage-raised px-8 py-4">
                <span className="w-10 text-3xl font-extrabold tabular-nums">{i + 1}</span>
                <span className="text-4xl font-bold">{s.showcases[id]?.title || teamName(id)}</span>
                <span className="text-2xl text-white/70">Team {teamName(id)}</span>
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
  return (
    <section
      aria-labelledby="presenter-title"
      className="grid h-full grid-cols-[minmax(0,1fr)_auto] grid-rows-[auto_minmax(0,1fr)_auto] gap-x-12 gap-y-6 overflow-hidden"
      data-testid="wall-presentations"
      data-team={teamName(current)}
    >
      <div className="min-w-0">
        <p className="text-2xl font-semibold uppercase tracking-[0.15em] text-sun">
          Team {teamName(current)} · {position} of {s.run.order.length}
        </p>
        <h2 id="presenter-title" className="text-7xl font-extrabold leading-tight tracking-tight" data-testid="presenter-title">
          {showcase?.title || teamName(current)}
        </h2>
        {showcase?.summary ? <p className="mt-2 text-4xl text-white/90">{showcase.summary}</p> : null}
      </div>
      <div className="row-span-2 flex flex-col items-end gap-6">
        <PresenterClock state={s} />
        {links.length > 0 ? (
          <div className="grid grid-cols-2 gap-4">
            {links.slice(0, 4).map((l) => (
              <LinkCode key={`${l.url}-${l.title}`} link={l} />
            ))}
          </div>
        ) : null}
      </div>
      <div className="flex min-h-0 gap-6 overflow-hidden">
        {images.length > 0 ? (
          images.slice(0, 3).map((img, i) => (
            // biome-ignore lint/performance/noImgElement: served by our own route to people of the event
            <img
              key={img.id}
              src={img.url}
              srcSet={imageSrcSet(img.url)}
              sizes={`${Math.round(100 / Math.min(images.length, 3))}vw`}
              alt={`${showcase?.title || teamName(current)}, ${i + 1} of ${images.length}`}
              className="h-full min-w-0 flex-1 rounded-3xl bg-stage-raised object-contain"
              data-testid="presenter-image"
            />
          ))
        ) : showcase?.made ? (
          <p className="line-clamp-6 max-w-5xl whitespace-pre-wrap text-4xl leading-snug text-white/90">{showcase.made}</p>
        ) : null}
      </div>
      <div className="col-span-2 flex items-end justify-between gap-8">
        <Reactions handle={handle} teamId={current} />
        <p className="text-right text-3xl font-semibold" data-testid="presenter-next">
          {upNext ? (
            <>
              <span className="block text-xl uppercase tracking-[0.15em] text-white/70">Next up</span>
              {s.showcases[upNext]?.title || teamName(upNext)}
              <span className="text-white/70"> · Team {teamName(upNext)}</span>
            </>
          ) : (
            <span className="text-white/70">Last team</span>
          )}
        </p>
      </div>
    </section>
  );
}
