"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useMemo, useRef, useState } from "react";
import type { FormAction } from "@/app/(organiser)/use-kept-form";
import { WallBoard } from "@/app/live/board/wall-board";
import { ConnectionPill } from "@/app/live/status";
import { TeamOverview } from "@/app/live/team-overview";
import { useDraft } from "@/app/live/use-draft";
import { Wordmark } from "@/app/ui/brand";
import { LanguagePicker } from "@/app/ui/language-picker";
import { LengthCount } from "@/app/ui/length-count";
import { SkipLinks } from "@/app/ui/skip-links";
import { SubmissionField } from "@/app/ui/submission-field";
import type { BoardSummary } from "@/lib/boards/find-boards";
import { useOutboxText } from "@/lib/realtime/client/outbox-text";
import { useConnection, useEventRoom, useStaffRoom } from "@/lib/realtime/client/react";
import { useBoardList, useTeams } from "@/lib/realtime/client/teams";
import { limits } from "@/lib/realtime/constants";
import type { ConsoleFormState } from "./actions";
import { BoardsPanel } from "./boards-panel";
import { AgendaPanel, RoomNotices, ScreenPanel, TimerPanel } from "./room-controls";
import { ActivityLog, LeadPanel, lockedBy } from "./team-panel";

type Props = {
  event: {
    name: string;
    slug: string;
    joinCode: string;
    joinUrl: string;
    reachableByPhones: boolean;
    /** Taken back to draft: phones are kept out until it is published (drawn again when that changes). */
    draft: boolean;
  };
  me: { name: string; role: string };
  board: { id: string; title: string; columns: { key: string; title: string }[] } | null;
  boards: BoardSummary[];
  teams: { id: string; name: string }[];
  /** Server actions for the forms drawn before the console is live, bound by the page (use-kept-form.ts says why). */
  actions: { announce: FormAction<ConsoleFormState>; createBoard: FormAction<ConsoleFormState> };
  /** The announcement form's id as the page was drawn (lib/forms/form-submission.ts): sent twice, it is shown once. */
  announcementSubmission: string;
};

function Stat({ label, value, testId }: { label: string; value: number | string; testId?: string }) {
  return (
    <div className="rounded-xl bg-paper px-3 py-2">
      <dt className="text-sm font-semibold text-ink-soft">{label}</dt>
      <dd className="text-3xl font-extrabold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

function AnnouncementComposer({ action, submission }: { action: FormAction<ConsoleFormState>; submission: string }) {
  const t = useTranslations("console.announce");
  const connection = useConnection();
  const { announcement, announcements } = useEventRoom();
  // Kept for this facilitator, in this event (use-draft.ts).
  const [kept, keep] = useDraft("announcement");
  // Posted before the console was live and refused: the page comes back with what was typed.
  const [posted, formAction] = useActionState(action, {});
  const text = kept ?? posted.values?.text ?? "";
  const setText = (value: string) => keep(value || null);
  // What the box holds when an answer comes: words typed while it was on its way stay.
  const typed = useRef(text);
  typed.current = text;
  const [sending, setSending] = useState(false);
  const say = useOutboxText();
  const [reshown, setReshown] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(
    posted.saved ? { ok: true, text: posted.saved } : posted.message ? { ok: false, text: posted.message } : null,
  );
  // Once cleared, the latest is an earlier one too: it can be shown again.
  const earlier = announcement ? announcements.filter((a) => a.id !== announcement.id) : announcements;

  const send = async (e: React.FormEvent) => {
    // Not live yet: the form goes to its server action, which sends the same command.
    if (!connection) return;
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setFeedback({ ok: false, text: t("writeFirst") });
    if (sending) return;
    // The text stays in the box until the room has it: a refusal (offline, say) loses none of it.
    setSending(true);
    setFeedback({ ok: true, text: t("sending") });
    const ack = await connection.send("announcement:send", { text: trimmed }).done;
    setSending(false);
    if (ack.ok) {
      if (typed.current.trim() === trimmed) setText("");
      setFeedback({ ok: true, text: t("sent", { text: ack.result.announcement.text }) });
    } else setFeedback({ ok: false, text: say(ack.error.message) });
  };

  return (
    <section id="announce" aria-labelledby="announce-title" className="card scroll-mt-20 space-y-3 p-4">
      <h2 id="announce-title" className="text-lg font-bold">
        {t("title")}
      </h2>
      <form action={formAction} onSubmit={send} className="space-y-3" noValidate>
        <SubmissionField id={posted.submission ?? submission} />
        <label htmlFor="announcement-text" className="field-label">
          {t("message")}
        </label>
        <textarea
          id="announcement-text"
          name="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={2}
          placeholder={t("placeholder")}
          className="field-input"
          // How long it may be, and what the last sending came to ("Sent", or why not), are read with the box.
          aria-describedby={`announcement-count${feedback ? " announcement-feedback" : ""}`}
          aria-invalid={feedback?.ok === false || text.length > limits.announcementText ? true : undefined}
        />
        <LengthCount id="announcement-count" length={text.length} max={limits.announcementText} always />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <output
            id="announcement-feedback"
            htmlFor="announcement-text"
            aria-live="polite"
            className={`text-sm font-semibold ${feedback?.ok === false ? "text-danger" : "text-ink-soft"}`}
          >
            {feedback?.text}
          </output>
          <button type="submit" className="btn btn-primary">
            {t("send")}
          </button>
        </div>
      </form>
      {announcement ? (
        <div
          className="flex flex-wrap items-start justify-between gap-3 rounded-lg bg-paper p-3 text-sm"
          data-testid="announcement-showing"
        >
          {/* The button goes under the text when a language's words leave the text no room. */}
          <p className="min-w-40 flex-1 break-words">
            {t.rich("showingNow", {
              text: announcement.text,
              label: (chunks) => <span className="font-semibold">{chunks}</span>,
            })}
          </p>
          <button
            type="button"
            className="btn btn-secondary min-h-10 shrink-0 px-3 py-1 text-sm"
            onClick={async () => {
              if (!connection) return;
              const sent = connection.send("announcement:clear", { announcementId: announcement.id });
              const ack = await sent.done;
              if (ack.ok) setReshown(null);
              else {
                connection.dismiss(sent.id);
                setReshown(say(ack.error.message));
              }
            }}
          >
            {t.rich("clear", { text: announcement.text, sr })}
          </button>
        </div>
      ) : announcements.length > 0 ? (
        <p className="text-sm text-ink-soft">{t("noneShowing")}</p>
      ) : null}
      {earlier.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-sm font-bold">{t("earlier")}</h3>
          <ol
            className="max-h-60 divide-y divide-line overflow-y-auto rounded-xl ring-1 ring-line"
            data-testid="announcement-history"
          >
            {earlier.map((a) => (
              <li
                key={a.id}
                className="flex items-start justify-between gap-3 px-3 py-2 text-sm"
                data-testid="announcement-earlier"
              >
                <span className="min-w-0 break-words">{a.text}</span>
                <button
                  type="button"
                  className="btn btn-secondary min-h-10 shrink-0 px-3 py-1 text-sm"
                  onClick={async () => {
                    if (!connection) return;
                    const sent = connection.send("announcement:reshow", { announcementId: a.id });
                    const ack = await sent.done;
                    if (ack.ok) setReshown(null);
                    else {
                      connection.dismiss(sent.id);
                      setReshown(say(ack.error.message));
                    }
                  }}
                >
                  {t.rich("showAgain", { text: a.text, sr })}
                </button>
              </li>
            ))}
          </ol>
          {reshown ? (
            <p role="alert" className="field-error">
              {reshown}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/**
 * The console's sections, in page order: the nav at the top links to each, so nothing is more
 * than one click away however long the lists grow. The ids are stable: other pages and help
 * text may link to them (`/f/<slug>#boards`).
 */
const sections = [
  "agenda",
  "timer",
  "screen",
  "boards",
  "teams",
  "help",
  "presentations",
  "activity",
  "room",
  "announce",
] as const;

export function Console({ event, me, board, boards: boardsAtLoad, teams, actions, announcementSubmission }: Props) {
  const t = useTranslations("console.console");
  const { presence, room, agenda, noteCounts } = useEventRoom();
  const liveBoards = useBoardList();
  // Teams made since the page loaded can have boards too.
  const liveTeams = useTeams().state?.teams ?? teams;
  // The live list (boards made since, locks, reveals), with the note counts as last read.
  const boards = useMemo(
    () =>
      (liveBoards ?? boardsAtLoad).map((b) => ({
        ...b,
        notes: noteCounts[b.id] ?? boardsAtLoad.find((s) => s.id === b.id)?.notes ?? 0,
      })),
    [liveBoards, boardsAtLoad, noteCounts],
  );
  const wallRoom = board ? presence?.rooms[`board:${board.id}`] : undefined;
  const { staff } = useStaffRoom();
  const locked = lockedBy(staff);
  const [nudge, setNudge] = useState(true);

  return (
    <div className="min-h-dvh">
      <SkipLinks
        links={[
          { href: "#agenda-title", label: t("skip.agenda") },
          { href: "#screen-title", label: t("skip.screen") },
          { href: "#announce-title", label: t("skip.announce") },
          { href: "#boards-title", label: t("skip.boards") },
          ...(board ? [{ href: `#wall-${board.id}` as const, label: t("skip.welcome") }] : []),
        ]}
      />
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-[1800px] flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2 sm:px-6">
          <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-1">
            <Wordmark />
            <span className="hidden h-6 w-px bg-line sm:block" />
            <p className="min-w-0 break-words font-semibold">{event.name}</p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <LanguagePicker variant="menu" />
            <ConnectionPill />
            <Link href={`/f/${event.slug}/presentations`} className="btn btn-secondary min-h-10 py-1">
              {t("presentations")}
            </Link>
            <Link href={`/s/${event.slug}`} target="_blank" className="btn btn-secondary min-h-10 py-1">
              {t("openScreen")}
            </Link>
          </div>
        </div>
      </header>
      {/* Sticky, and scrolls sideways within itself when the text is large: it never wraps into a wall. */}
      <nav aria-label={t("navLabel")} className="sticky top-0 z-20 border-b border-line bg-white/95 backdrop-blur">
        <ul className="mx-auto flex max-w-[1800px] gap-1 overflow-x-auto px-4 py-1.5 sm:px-6" data-testid="console-nav">
          {sections.map((id) => (
            <li key={id} className="shrink-0">
              <a
                href={`#${id}`}
                className="inline-flex min-h-10 items-center rounded-lg px-3 text-sm font-semibold text-ink hover:bg-paper focus-visible:bg-paper"
              >
                {t(`sections.${id}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="mx-auto grid max-w-[1800px] items-start gap-4 px-4 py-4 sm:px-6 lg:grid-cols-[minmax(17rem,22rem)_minmax(0,1fr)] lg:grid-rows-[auto_1fr] 2xl:grid-cols-[minmax(20rem,24rem)_minmax(0,1fr)_minmax(20rem,26rem)]">
        <h1 className="sr-only">{t("heading")}</h1>
        {/* The side column: what runs the clock of the room. */}
        <div className="min-w-0 space-y-4">
          {room ? (
            <>
              <RoomNotices room={room} lockedBy={locked} />
              <AgendaPanel
                room={room}
                agenda={agenda}
                slug={event.slug}
                locked={locked !== null}
                canEdit={me.role === "organiser"}
              />
              <TimerPanel room={room} locked={locked !== null} />
            </>
          ) : (
            <>
              <p id="agenda" className="card scroll-mt-20 p-4 text-ink-soft">
                {t("connecting")}
              </p>
              <span id="timer" className="sr-only" />
            </>
          )}
        </div>
        {/* The main column: the screen, the boards, the teams. It spans both rows of the side column. */}
        <div className="min-w-0 space-y-4 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          {room ? (
            <ScreenPanel room={room} boards={boards} locked={locked !== null} nudge={nudge} onNudge={setNudge} />
          ) : (
            <span id="screen" />
          )}
          <BoardsPanel
            slug={event.slug}
            action={actions.createBoard}
            boards={boards}
            teams={liveTeams}
            room={room}
            roomLocked={locked !== null}
            nudge={nudge}
          />
          <div id="teams" className="scroll-mt-20">
            <TeamOverview />
          </div>
          <section id="presentations" aria-labelledby="presentations-title" className="card scroll-mt-20 space-y-2 p-4">
            <h2 id="presentations-title" className="text-lg font-bold">
              {t("presentationsPanel.title")}
            </h2>
            <p className="text-sm text-ink-soft">{t("presentationsPanel.hint")}</p>
            <p className="flex flex-wrap gap-2">
              <Link href={`/f/${event.slug}/presentations`} className="btn btn-secondary min-h-10 py-1">
                {t("presentationsPanel.run")}
              </Link>
              <Link href={`/f/${event.slug}/presentations/results`} className="btn btn-secondary min-h-10 py-1">
                {t("presentationsPanel.results")}
              </Link>
            </p>
          </section>
          {board ? (
            <details className="card p-4">
              <summary className="cursor-pointer font-bold">{t("welcomeWall", { title: board.title })}</summary>
              <div className="mt-3">
                <WallBoard boardId={board.id} interactive />
              </div>
            </details>
          ) : null}
        </div>
        {/* The people running the room, and what they did: under the agenda and timer, or a third column on wide screens. */}
        <div className="min-w-0 space-y-4 lg:col-start-1 lg:row-start-2 2xl:col-start-3 2xl:row-span-2 2xl:row-start-1">
          <ActivityLog staff={staff} />
          <div className="space-y-4">
            <WhoIsHere presence={presence} wallRoom={wallRoom} />
            <AnnouncementComposer action={actions.announce} submission={announcementSubmission} />
            <LeadPanel staff={staff} slug={event.slug} canInvite={me.role === "organiser"} />
            <section aria-labelledby="join-title" className="card space-y-2 p-4">
              <h2 id="join-title" className="text-lg font-bold">
                {t("join.title")}
              </h2>
              <p>
                {t.rich("join.code", {
                  code: event.joinCode,
                  strong: (chunks) => <strong className="font-mono text-xl tracking-widest">{chunks}</strong>,
                })}
              </p>
              <p className="break-all text-sm" data-testid="console-join-url">
                {event.joinUrl}
              </p>
              {event.reachableByPhones ? null : <p className="text-sm font-semibold text-danger">{t("join.unreachable")}</p>}
              {event.draft ? (
                <p role="note" className="rounded-lg bg-sun px-3 py-2 text-sm font-semibold text-ink" data-testid="console-draft">
                  {t("join.draft")}
                </p>
              ) : null}
              <p className="text-sm text-ink-soft">{t("join.signedIn", { name: me.name, role: me.role })}</p>
            </section>
          </div>
        </div>
      </main>
    </div>
  );
}

/** Who is connected now: the room's headcount, live. */
function WhoIsHere({
  presence,
  wallRoom,
}: {
  presence: ReturnType<typeof useEventRoom>["presence"];
  wallRoom: number | undefined;
}) {
  const t = useTranslations("console.console.here");
  return (
    <section id="room" aria-labelledby="here-title" className="card scroll-mt-20 space-y-3 p-4">
      <h2 id="here-title" className="text-lg font-bold">
        {t("title")}
      </h2>
      <dl className="grid grid-cols-[repeat(auto-fit,minmax(8rem,1fr))] gap-2">
        <Stat label={t("people")} value={presence?.people ?? "–"} testId="console-people" />
        <Stat label={t("participants")} value={presence?.participants ?? "–"} testId="console-participants" />
        <Stat label={t("staff")} value={presence?.staff ?? "–"} />
        <Stat label={t("onWelcomeWall")} value={wallRoom ?? 0} />
      </dl>
    </section>
  );
}
