"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import type { FormAction } from "@/app/(organiser)/use-kept-form";
import { ConnectionPill } from "@/app/live/status";
import { Wordmark } from "@/app/ui/brand";
import { useShownName } from "@/app/ui/shown-name";
import {
  criteriaFromWords,
  criteriaInWords,
  moveBy,
  moveTo,
  type Step as PresentationStep,
  stageClock,
} from "@/lib/presentations/rules";
import { useStaffRoom } from "@/lib/realtime/client/react";
import { useServerNow } from "@/lib/realtime/client/server-clock";
import { useTeams } from "@/lib/realtime/client/teams";
import { type PresentationsHandle, usePresentations } from "@/lib/realtime/client/use-presentations";
import { useVoting } from "@/lib/realtime/client/use-voting";
import type { PresentationState } from "@/lib/realtime/contract";
import { formatClock } from "@/lib/room/timer";
import { lockedBy } from "../team-panel";
import type { TimesFormState } from "./actions";
import { TimesForm, type TimesFormHandle, useTimesForm } from "./times-form";

type Props = {
  event: { name: string; slug: string };
  /** Saves the times; bound to the event by the page (a Server Component). */
  saveTimes: FormAction<TimesFormState>;
  /** The times when the page was made: the form shows them before the live state arrives, or without JavaScript. */
  times: { presentSeconds: number; questionsSeconds: number };
};

const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

/** The facilitator's side of the presentations: order, clock, judges, people's choice. */
export function PresentationsConsole({ event, saveTimes, times }: Props) {
  const t = useTranslations("presentations-console");
  const p = usePresentations();
  const s = p.state;
  const timesForm = useTimesForm(saveTimes, s?.run ?? times);
  // The lead locked the room controls: what the big screen shows is theirs to change.
  const locked = lockedBy(useStaffRoom().staff);
  return (
    <div className="min-h-dvh">
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-[1500px] flex-wrap items-center justify-between gap-4 px-6 py-3">
          <div className="flex min-w-0 flex-wrap items-center gap-4">
            <Wordmark />
            <span className="hidden h-6 w-px bg-line sm:block" />
            <Link href={`/f/${event.slug}`} className="link min-w-0 break-words">
              {t("header.console", { event: event.name })}
            </Link>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <ConnectionPill />
            <Link href={`/f/${event.slug}/presentations/results`} className="btn btn-secondary">
              {t("header.results")}
            </Link>
            <Link href={`/s/${event.slug}`} target="_blank" className="btn btn-secondary">
              {t("header.openScreen")}
            </Link>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-[1500px] space-y-6 px-6 py-6">
        <h1 className="text-3xl font-extrabold tracking-tight">{t("title")}</h1>
        {p.message ? (
          <p role="alert" className="rounded-xl bg-red-50 p-3 font-semibold text-danger">
            {p.message}
          </p>
        ) : null}
        {!s ? (
          <>
            <p className="text-ink-soft">{t("opening")}</p>
            <section aria-labelledby="times-title" className="card space-y-4 p-5">
              <h2 id="times-title" className="text-lg font-bold">
                {t("timesTitle")}
              </h2>
              <TimesForm form={timesForm} />
            </section>
          </>
        ) : (
          <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
            <div className="space-y-6">
              <PresenterControls handle={p} state={s} locked={locked} />
              <RunningOrder handle={p} state={s} slug={event.slug} timesForm={timesForm} />
            </div>
            <div className="space-y-6">
              <PeoplesChoicePanel handle={p} state={s} />
              <JudgesPanel handle={p} state={s} slug={event.slug} />
              <CriteriaPanel handle={p} state={s} />
            </div>
          </div>
        )}
      </main>
    </div>
  );
}

function PresenterControls({
  handle,
  state,
  locked,
}: {
  handle: PresentationsHandle;
  state: PresentationState;
  /** Who locked the room controls, when someone else did. */
  locked: string | null;
}) {
  const t = useTranslations("presentations-console.presenter");
  const tr = useTranslations("console.room");
  const lockedId = useId();
  const serverNow = useServerNow(500);
  const { run } = state;
  const clock = stageClock(run, serverNow);
  const team = state.teams.find((t) => t.id === run.currentTeamId);
  // Each press says the stage it was pressed on: a second quick press against a stage that has
  // already moved on is refused by the server, so one press is one step.
  const step = (s: PresentationStep) =>
    handle.send("presentation:step", { step: s, from: run.currentTeamId, fromStage: run.stage });
  const paused = clock?.paused ?? false;
  const next = () => step(run.stage === "waiting" ? "start" : "next");
  // Who is on and their clock are the big screen's: under someone else's lock, the steps are theirs.
  const lockedOut = locked !== null;
  const whyLocked = lockedOut ? lockedId : undefined;
  const [confirmingReset, setConfirmingReset] = useState(false);
  const resetRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmingReset) confirmRef.current?.focus();
  }, [confirmingReset]);
  const stepRef = useRef(step);
  stepRef.current = step;

  // The facilitator advances with a key (or a clicker's Page Down) while this page has focus.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || lockedOut) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (e.key === "ArrowRight" || e.key === "PageDown") {
        e.preventDefault();
        void stepRef.current(run.stage === "waiting" ? "start" : "next");
      } else if (e.key === "ArrowLeft" || e.key === "PageUp") {
        e.preventDefault();
        void stepRef.current("previous");
      } else if (e.key === " " && target?.tagName !== "BUTTON" && target?.tagName !== "A") {
        // Space as on the big screen; on a focused button it stays that button's click.
        e.preventDefault();
        void stepRef.current(run.pausedAt === null ? "pause" : "resume");
      } else if ((e.key === "r" || e.key === "R") && run.stage !== "waiting") {
        // Asks first, on the page: a reset is never one stray key away.
        e.preventDefault();
        setConfirmingReset(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run.stage, run.pausedAt, lockedOut]);

  return (
    <section
      aria-labelledby="presenter-title"
      className="card space-y-4 p-5"
      data-testid="presenter-controls"
      data-stage={run.stage}
    >
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 id="presenter-title" className="text-lg font-bold">
            {t("title")}
          </h2>
          <p className="text-2xl font-extrabold" data-testid="console-on-now" aria-live="polite">
            {team
              ? t("onNow", { title: state.showcases[team.id]?.title || team.name, team: team.name })
              : t("stage", { stage: run.stage })}
          </p>
          {/* Before and after the run the line above already names the stage: saying it twice read as a glitch. */}
          {team ? (
            <p className="text-ink-soft">
              {t("stageOf", { stage: run.stage, position: run.order.indexOf(team.id) + 1, total: run.order.length })}
            </p>
          ) : null}
        </div>
        {clock ? (
          <p
            className={`rounded-xl px-4 py-2 text-5xl font-extrabold tabular-nums ${paused ? "bg-ink text-paper" : clock.overtime ? "bg-coral text-white" : clock.warning ? "bg-sun" : "bg-paper"}`}
            data-testid="console-clock"
            data-paused={paused}
          >
            {formatClock(Math.ceil(clock.remainingMs / 1000))}
            {paused ? <span className="block text-center text-base font-bold">{t("paused")}</span> : null}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void step("previous")}
          disabled={run.stage === "waiting" || lockedOut}
          aria-describedby={whyLocked}
          data-testid="presenter-back-button"
        >
          {t("back")}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void next()}
          disabled={run.stage === "finished" || lockedOut}
          aria-describedby={whyLocked}
          data-testid="presenter-next-button"
        >
          {run.stage === "waiting"
            ? t("start")
            : run.stage === "presenting" && run.questionsSeconds > 0
              ? t("questions")
              : t("nextTeam")}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void step(paused ? "resume" : "pause")}
          disabled={!clock || lockedOut}
          aria-describedby={whyLocked}
          aria-pressed={paused}
          data-testid="presenter-pause-button"
        >
          {paused ? t("resumeClock") : t("pauseClock")}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void step("restart-clock")}
          disabled={!clock || lockedOut}
          aria-describedby={whyLocked}
        >
          {t("restartClock")}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void step("finish")}
          disabled={run.stage === "finished" || run.stage === "waiting" || lockedOut}
          aria-describedby={whyLocked}
        >
          {t("finish")}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void handle.send("screen:show", { wall: { kind: "presentations" } })}
          disabled={lockedOut}
          aria-describedby={whyLocked}
          data-testid="show-presentations"
        >
          {t("show")}
        </button>
        <button
          type="button"
          ref={resetRef}
          className="btn btn-secondary"
          onClick={() => setConfirmingReset(true)}
          disabled={run.stage === "waiting" || confirmingReset || lockedOut}
          aria-describedby={whyLocked}
          data-testid="presenter-reset-button"
        >
          {t("reset")}
        </button>
      </div>
      {confirmingReset ? (
        <div
          role="alertdialog"
          aria-labelledby="reset-title"
          aria-describedby="reset-what"
          className="space-y-3 rounded-xl border-2 border-coral bg-paper p-4"
        >
          <p id="reset-title" className="font-bold">
            {t("resetTitle")}
          </p>
          <p id="reset-what">{t("resetWhat")}</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              ref={confirmRef}
              className="btn btn-primary"
              onClick={() => {
                setConfirmingReset(false);
                void step("reset");
                resetRef.current?.focus();
              }}
              data-testid="presenter-reset-confirm"
            >
              {t("yesReset")}
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setConfirmingReset(false);
                resetRef.current?.focus();
              }}
            >
              {t("keepGoing")}
            </button>
          </div>
        </div>
      ) : null}
      <ProjectResults handle={handle} state={state} locked={locked !== null} describedBy={lockedId} />
      {locked !== null ? (
        <p id={lockedId} role="status" className="rounded-lg bg-brand-soft px-4 py-3 font-semibold" data-testid="controls-locked">
          {tr("locked", { name: locked })}
        </p>
      ) : null}
      <p className="text-sm text-ink-soft">{t("keys")}</p>
    </section>
  );
}

/** Puts the combined results on the big screen (and every phone), or takes them down. Off while someone else has locked the room controls. */
function ProjectResults({
  handle,
  state,
  locked,
  describedBy,
}: {
  handle: PresentationsHandle;
  state: PresentationState;
  locked: boolean;
  describedBy: string;
}) {
  const t = useTranslations("presentations-console.project");
  const showing = state.run.projecting === "results";
  return (
    <p className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={`btn ${showing ? "btn-primary" : "btn-secondary"}`}
        aria-pressed={showing}
        onClick={() => void handle.send("presentation:project", { view: showing ? "presenter" : "results" })}
        disabled={locked}
        aria-describedby={locked ? describedBy : undefined}
        data-testid="project-results"
      >
        {showing ? t("back") : t("show")}
      </button>
      <span className="text-sm text-ink-soft" data-testid="projecting" aria-live="polite">
        {showing ? t("showing") : t("notShowing")}
      </span>
    </p>
  );
}

function RunningOrder({
  handle,
  state,
  slug,
  timesForm,
}: {
  handle: PresentationsHandle;
  state: PresentationState;
  slug: string;
  timesForm: TimesFormHandle;
}) {
  const t = useTranslations("presentations-console.order");
  const id = useId();
  const [dragging, setDragging] = useState<string | null>(null);
  const [announce, setAnnounce] = useState("");
  const { order } = state.run;
  const name = (teamId: string) => state.teams.find((t) => t.id === teamId)?.name ?? "";
  const save = async (next: string[], moved?: string) => {
    const ack = await handle.send("presentation:order", { order: next });
    if (ack?.ok && moved) setAnnounce(t("moved", { team: name(moved), position: next.indexOf(moved) + 1 }));
  };
  return (
    <section aria-labelledby={`${id}-title`} className="card space-y-4 p-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={`${id}-title`} className="text-lg font-bold">
          {t("title")}
        </h2>
        <button type="button" className="btn btn-secondary" onClick={() => void handle.send("presentation:shuffle", {})}>
          {t("shuffle")}
        </button>
      </div>
      <p className="text-sm text-ink-soft">{t("hint")}</p>
      <ol className="space-y-2" data-testid="running-order">
        {order.map((teamId, i) => {
          const showcase = state.showcases[teamId];
          return (
            <li
              key={teamId}
              draggable
              onDragStart={(e) => {
                setDragging(teamId);
                e.dataTransfer.effectAllowed = "move";
              }}
              onDragEnd={() => setDragging(null)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragging && dragging !== teamId) void save(moveTo(order, dragging, i), dragging);
                setDragging(null);
              }}
              className={`flex cursor-grab items-center gap-3 rounded-xl border-2 bg-white p-3 ${
                state.run.currentTeamId === teamId ? "border-brand" : "border-line"
              } ${dragging === teamId ? "opacity-50" : ""}`}
              data-testid="order-item"
              data-team={name(teamId)}
            >
              <span className="w-8 text-2xl font-extrabold tabular-nums">{i + 1}</span>
              <span className="min-w-0 flex-1">
                <span className="block font-semibold">{t("team", { team: name(teamId) })}</span>
                <span className="block truncate text-sm text-ink-soft">
                  {showcase?.title ? showcase.title : t("noShowcase")}
                  {showcase?.images.length ? ` · ${t("images", { count: showcase.images.length })}` : ""}
                </span>
              </span>
              <Link href={`/p/${slug}/showcase?team=${teamId}`} className="link text-sm">
                {t.rich("showcase", { team: name(teamId), sr })}
              </Link>
              <button
                type="button"
                className="btn btn-secondary min-h-10 px-3"
                disabled={i === 0}
                onClick={() => void save(moveBy(order, teamId, -1), teamId)}
              >
                {t.rich("up", { team: name(teamId), sr })}
              </button>
              <button
                type="button"
                className="btn btn-secondary min-h-10 px-3"
                disabled={i === order.length - 1}
                onClick={() => void save(moveBy(order, teamId, 1), teamId)}
              >
                {t.rich("down", { team: name(teamId), sr })}
              </button>
            </li>
          );
        })}
      </ol>
      {order.length === 0 ? <p className="text-ink-soft">{t("noTeams")}</p> : null}
      <LeftOutTeams handle={handle} state={state} />
      <p aria-live="polite" className="sr-only">
        {announce}
      </p>
      <TimesForm form={timesForm} />
    </section>
  );
}

/**
 * Teams nobody joined have no slot, rank or votes; staff can add one on purpose (a team presenting
 * for people not in the app), and take it out again.
 */
function LeftOutTeams({ handle, state }: { handle: PresentationsHandle; state: PresentationState }) {
  const t = useTranslations("presentations-console.leftOut");
  const name = (teamId: string) => state.teams.find((t) => t.id === teamId)?.name ?? "";
  const { leftOutTeamIds, includedTeamIds } = state.run;
  if (leftOutTeamIds.length === 0 && includedTeamIds.length === 0) return null;
  const buttons = (teamIds: string[], include: boolean, label: (name: string) => string) => (
    <ul className="flex flex-wrap gap-2">
      {teamIds.map((teamId) => (
        <li key={teamId}>
          <button
            type="button"
            className="btn btn-secondary min-h-10 px-3"
            onClick={() => void handle.send("presentation:include", { teamId, include })}
          >
            {label(name(teamId))}
          </button>
        </li>
      ))}
    </ul>
  );
  return (
    <div className="space-y-2 rounded-xl bg-paper p-3" data-testid="left-out">
      {leftOutTeamIds.length > 0 ? (
        <>
          <p className="text-sm font-semibold">{t("explain", { count: leftOutTeamIds.length })}</p>
          {buttons(leftOutTeamIds, true, (team) => t("add", { team }))}
        </>
      ) : null}
      {includedTeamIds.length > 0 ? buttons(includedTeamIds, false, (team) => t("takeOut", { team })) : null}
    </div>
  );
}

function PeoplesChoicePanel({ handle, state }: { handle: PresentationsHandle; state: PresentationState }) {
  const t = useTranslations("presentations-console.choice");
  const id = useId();
  const voting = useVoting(state.run.peoplesChoiceBoardId ?? "");
  const [dots, setDots] = useState("1");
  const [excludeOwn, setExcludeOwn] = useState(true);
  const round = voting.round?.targets === "teams" ? voting.round : null;
  const tallies = voting.tally?.tallies;
  const name = (teamId: string) => state.showcases[teamId]?.title || state.teams.find((t) => t.id === teamId)?.name || "";
  return (
    <section aria-labelledby={`${id}-title`} className="card space-y-4 p-5">
      <h2 id={`${id}-title`} className="text-lg font-bold">
        {t("title")}
      </h2>
      {voting.message ? (
        <p role="alert" className="field-error">
          {voting.message}
        </p>
      ) : null}
      {round?.status === "open" ? (
        <div className="space-y-3">
          <p data-testid="choice-progress" aria-live="polite">
            {t("progress", {
              voters: voting.tally?.voters ?? 0,
              dots: round.dotsPerPerson,
              ownTeam: round.excludeOwnTeam ? "excluded" : "allowed",
            })}
          </p>
          <button type="button" className="btn btn-primary" onClick={() => void voting.close()}>
            {t("close")}
          </button>
        </div>
      ) : round?.status === "closed" ? (
        <button type="button" className="btn btn-primary" onClick={() => void voting.reveal()}>
          {t("reveal")}
        </button>
      ) : null}
      {round?.status === "revealed" && tallies ? (
        <ol className="divide-y divide-line rounded-xl border border-line" data-testid="console-choice-ranking">
          {[...state.run.order]
            .sort((a, b) => (tallies[b] ?? 0) - (tallies[a] ?? 0))
            .map((teamId) => (
              <li key={teamId} className="flex justify-between px-4 py-2">
                <span className="font-semibold">{name(teamId)}</span>
                <span>{t("votes", { count: tallies[teamId] ?? 0 })}</span>
              </li>
            ))}
        </ol>
      ) : null}
      {round?.status !== "open" ? (
        <form
          className="flex flex-wrap items-end gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            void handle.send("peoples-choice:open", { dotsPerPerson: Number(dots), excludeOwnTeam: excludeOwn });
          }}
        >
          <div>
            <label htmlFor={`${id}-dots`} className="field-label">
              {t("dots")}
            </label>
            <input
              id={`${id}-dots`}
              type="number"
              min={1}
              max={10}
              className="field-input w-24"
              value={dots}
              onChange={(e) => setDots(e.target.value)}
            />
          </div>
          <label className="flex min-h-12 items-center gap-2 font-semibold">
            <input type="checkbox" className="h-5 w-5" checked={excludeOwn} onChange={(e) => setExcludeOwn(e.target.checked)} />
            {t("excludeOwn")}
          </label>
          <button type="submit" className="btn btn-primary" data-testid="open-choice">
            {round ? t("openNew") : t("open")}
          </button>
        </form>
      ) : null}
    </section>
  );
}

function JudgesPanel({ handle, state, slug }: { handle: PresentationsHandle; state: PresentationState; slug: string }) {
  const t = useTranslations("presentations-console.judges");
  const shownName = useShownName();
  const id = useId();
  const judges = state.judges ?? [];
  const candidates = (state.people ?? []).filter((p) => !judges.some((j) => j.key === p.key));
  const [pick, setPick] = useState("");
  const lastRead = useRef(0);
  // A judge often joins after this page was opened: re-read who is in the event as the list opens…
  const readPeople = async (force = false) => {
    const c = handle.connection;
    if (!c || (!force && Date.now() - lastRead.current < 2000)) return;
    lastRead.current = Date.now();
    const ack = await c.query("presentation:state", {});
    if (ack.ok) handle.patch((s) => ({ ...s, people: ack.result.people, judges: ack.result.judges }));
  };
  // …and whenever someone joins, leaves or renames themself (the room's people, followed live).
  const { state: room } = useTeams();
  const everyone = room ? room.people.map((p) => `${p.id}:${p.name}`).join("|") : null;
  const readNow = useRef(readPeople);
  readNow.current = readPeople;
  // Under-18s and people who have not said their age are initials here too (this list also
  // reaches the big screen's socket): their team tells two "M." apart.
  const teamOf = (key: string) => {
    const person = key.startsWith("p:") ? room?.people.find((p) => p.id === key.slice(2)) : undefined;
    return person?.teamId ? (room?.teams.find((team) => team.id === person.teamId)?.name ?? null) : null;
  };
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (everyone === null) return;
    if (seen.current !== null && seen.current !== everyone) void readNow.current(true);
    seen.current = everyone;
  }, [everyone]);
  return (
    <section aria-labelledby={`${id}-title`} className="card space-y-4 p-5">
      <h2 id={`${id}-title`} className="text-lg font-bold">
        {t("title")}
      </h2>
      <p className="text-sm text-ink-soft">
        {t.rich("hint", { slug, path: (chunks) => <span className="font-mono">{chunks}</span> })}
      </p>
      {judges.length > 0 ? (
        <ul className="divide-y divide-line rounded-xl border border-line" data-testid="judges">
          {judges.map((j) => (
            <li key={j.key} className="flex items-center justify-between gap-3 px-4 py-2">
              <span className="font-semibold">{shownName(j.name)}</span>
              <button
                type="button"
                className="btn btn-secondary min-h-10"
                onClick={() => void handle.send("judge:assign", { personKey: j.key, judge: false })}
              >
                {t.rich("remove", { name: shownName(j.name), sr })}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("none")}</p>
      )}
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (pick) void handle.send("judge:assign", { personKey: pick, judge: true }).then(() => setPick(""));
        }}
      >
        <div className="min-w-60 flex-1">
          <label htmlFor={`${id}-pick`} className="field-label">
            {t("pick")}
          </label>
          <select
            id={`${id}-pick`}
            className="field-input"
            value={pick}
            onChange={(e) => setPick(e.target.value)}
            onFocus={() => void readPeople()}
            onPointerDown={() => void readPeople()}
          >
            <option value="">{t("choose")}</option>
            {candidates.map((c) => (
              <option key={c.key} value={c.key}>
                {shownName(c.name)}
                {teamOf(c.key) ? ` · ${teamOf(c.key)}` : ""}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-secondary" disabled={!pick}>
          {t("make")}
        </button>
      </form>
    </section>
  );
}

function CriteriaPanel({ handle, state }: { handle: PresentationsHandle; state: PresentationState }) {
  const t = useTranslations("presentations-console.criteria");
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="card space-y-3 p-5">
      <h2 id={`${id}-title`} className="text-lg font-bold">
        {t("title")}
      </h2>
      <p className="text-sm text-ink-soft">{t("hint")}</p>
      {state.teams.map((team) => (
        <CriteriaEditor
          key={team.id}
          teamId={team.id}
          teamName={team.name}
          criteria={state.criteria[team.id] ?? []}
          handle={handle}
        />
      ))}
    </section>
  );
}

function CriteriaEditor({
  teamId,
  teamName,
  criteria,
  handle,
}: {
  teamId: string;
  teamName: string;
  criteria: string[];
  handle: PresentationsHandle;
}) {
  const t = useTranslations("presentations-console.criteria");
  const fallback = useTranslations("presentations.fallbackCriteria");
  const id = useId();
  const inWords = criteriaInWords(criteria, fallback).join("\n");
  const [text, setText] = useState(inWords);
  const [saved, setSaved] = useState(false);
  useEffect(() => setText(inWords), [inWords]);
  return (
    <details className="rounded-xl border border-line p-3">
      <summary className="cursor-pointer font-semibold">{t("summary", { team: teamName, count: criteria.length })}</summary>
      <form
        className="mt-3 space-y-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const ack = await handle.send("criteria:set", {
            teamId,
            criteria: criteriaFromWords(
              text
                .split("\n")
                .map((l) => l.trim())
                .filter(Boolean),
              fallback,
            ),
          });
          setSaved(Boolean(ack?.ok));
        }}
      >
        <label htmlFor={id} className="field-label">
          {t("label", { team: teamName })}
        </label>
        <textarea
          id={id}
          className="field-input min-h-28"
          value={text}
          onChange={(e) => {
            setSaved(false);
            setText(e.target.value);
          }}
        />
        <div className="flex items-center gap-3">
          <button type="submit" className="btn btn-secondary">
            {t("save")}
          </button>
          <output aria-live="polite" className="text-sm font-semibold text-brand">
            {saved ? t("saved") : ""}
          </output>
        </div>
      </form>
    </details>
  );
}
