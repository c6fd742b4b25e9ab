"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { WallBoard } from "@/app/live/board/wall-board";
import { ConnectionPill } from "@/app/live/status";
import { TeamOverview } from "@/app/live/team-overview";
import { Wordmark } from "@/app/ui/brand";
import { SkipLinks } from "@/app/ui/skip-links";
import type { BoardSummary } from "@/lib/boards/find-boards";
import { useConnection, useEventRoom, useStaffRoom } from "@/lib/realtime/client/react";
import { useBoardList, useTeams } from "@/lib/realtime/client/teams";
import { limits } from "@/lib/realtime/constants";
import { BoardsPanel } from "./boards-panel";
import { RoomControls } from "./room-controls";
import { ActivityLog, LeadPanel, lockedBy } from "./team-panel";

type Props = {
  event: { name: string; slug: string; joinCode: string; joinUrl: string };
  me: { name: string; role: string; key: string };
  board: { id: string; title: string; columns: { key: string; title: string }[] } | null;
  boards: BoardSummary[];
  teams: { id: string; name: string }[];
};

function Stat({ label, value, testId }: { label: string; value: number | string; testId?: string }) {
  return (
    <div className="rounded-xl bg-paper p-4">
      <dt className="text-sm font-semibold text-ink-soft">{label}</dt>
      <dd className="text-4xl font-extrabold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function AnnouncementComposer() {
  const connection = useConnection();
  const { announcement, announcements } = useEventRoom();
  const [text, setText] = useState("");
  const [reshown, setReshown] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(null);
  // Once cleared, the latest is an earlier one too: it can be shown again.
  const earlier = announcement ? announcements.filter((a) => a.id !== announcement.id) : announcements;

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!connection) return;
    const trimmed = text.trim();
    if (!trimmed) return setFeedback({ ok: false, text: "Write the announcement first." });
    setText("");
    setFeedback({ ok: true, text: "Sending…" });
    const ack = await connection.send("announcement:send", { text: trimmed }).done;
    if (ack.ok)
      setFeedback({ ok: true, text: `Sent to every phone and the big screen. Yours: “${ack.result.announcement.text}”` });
    else {
      setText(trimmed);
      setFeedback({ ok: false, text: ack.error.message });
    }
  };

  return (
    <section aria-labelledby="announce-title" className="card space-y-4 p-5">
      <h2 id="announce-title" className="text-lg font-bold">
        Announce to the room
      </h2>
      <form onSubmit={send} className="space-y-3" noValidate>
        <label htmlFor="announcement-text" className="field-label">
          Message
        </label>
        <textarea
          id="announcement-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={2}
          maxLength={limits.announcementText}
          placeholder="e.g. Lunch is ready in the foyer"
          className="field-input"
        />
        <div className="flex items-center justify-between gap-3">
          <output
            aria-live="polite"
            className={`text-sm font-semibold ${feedback?.ok === false ? "text-danger" : "text-ink-soft"}`}
          >
            {feedback?.text}
          </output>
          <button type="submit" className="btn btn-primary">
            Send announcement
          </button>
        </div>
      </form>
      {announcement ? (
        <div
          className="flex items-start justify-between gap-3 rounded-lg bg-paper p-3 text-sm"
          data-testid="announcement-showing"
        >
          <p className="min-w-0 break-words">
            <span className="font-semibold">Showing now:</span> {announcement.text}
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
                setReshown(ack.error.message);
              }
            }}
          >
            Clear from every screen<span className="sr-only">: {announcement.text}</span>
          </button>
        </div>
      ) : announcements.length > 0 ? (
        <p className="text-sm text-ink-soft">No announcement is showing.</p>
      ) : null}
      {earlier.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-sm font-bold">Earlier announcements</h3>
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
                      setReshown(ack.error.message);
                    }
                  }}
                >
                  Show again<span className="sr-only">: {a.text}</span>
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

export function Console({ event, me, board, boards: boardsAtLoad, teams }: Props) {
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

  return (
    <div className="min-h-dvh">
      <SkipLinks
        links={[
          { href: "#agenda-title", label: "Skip to the agenda" },
          { href: "#screen-title", label: "Skip to the big screen" },
          { href: "#announce-title", label: "Skip to announcements" },
          { href: "#boards-title", label: "Skip to boards" },
          ...(board ? [{ href: `#wall-${board.id}` as const, label: "Skip to the welcome wall" }] : []),
        ]}
      />
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-[1800px] flex-wrap items-center justify-between gap-4 px-6 py-3">
          <div className="flex items-center gap-4">
            <Wordmark />
            <span className="hidden h-6 w-px bg-line sm:block" />
            <p className="font-semibold">{event.name}</p>
          </div>
          <div className="flex items-center gap-3">
            <ConnectionPill />
            <Link href={`/f/${event.slug}/presentations`} className="btn btn-secondary">
              Presentations
            </Link>
            <Link href={`/s/${event.slug}`} target="_blank" className="btn btn-secondary">
              Open big screen ↗
            </Link>
          </div>
        </div>
      </header>
      <main className="mx-auto grid max-w-[1800px] gap-6 px-6 py-6 lg:grid-cols-[380px_1fr]">
        <h1 className="sr-only">Facilitator console</h1>
        <div className="lg:col-span-2">
          <RoomControls room={room} agenda={agenda} boards={boards} slug={event.slug} lockedBy={lockedBy(staff)} />
        </div>
        <div className="space-y-6">
          <section aria-labelledby="here-title" className="card space-y-4 p-5">
            <h2 id="here-title" className="text-lg font-bold">
              Who's here now
            </h2>
            <dl className="grid grid-cols-2 gap-3">
              <Stat label="People" value={presence?.people ?? "–"} testId="console-people" />
              <Stat label="Participants" value={presence?.participants ?? "–"} testId="console-participants" />
              <Stat label="Staff" value={presence?.staff ?? "–"} />
              <Stat label="On the welcome wall" value={wallRoom ?? 0} />
            </dl>
          </section>
          <LeadPanel staff={staff} slug={event.slug} canInvite={me.role === "organiser"} />
          <AnnouncementComposer />
          <section aria-labelledby="join-title" className="card space-y-2 p-5">
            <h2 id="join-title" className="text-lg font-bold">
              How people join
            </h2>
            <p>
              Code <strong className="font-mono text-xl tracking-widest">{event.joinCode}</strong>
            </p>
            <p className="break-all text-sm text-ink-soft">{event.joinUrl}</p>
            <p className="text-sm text-ink-soft">
              Signed in as {me.name} ({me.role}).
            </p>
          </section>
        </div>
        <div className="min-w-0 space-y-6">
          <ActivityLog staff={staff} />
          <BoardsPanel slug={event.slug} boards={boards} teams={liveTeams} />
          {board ? (
            <div className="card p-5">
              <WallBoard boardId={board.id} interactive />
            </div>
          ) : null}
        </div>
        <div className="lg:col-span-2">
          <TeamOverview variant="console" />
        </div>
      </main>
    </div>
  );
}
