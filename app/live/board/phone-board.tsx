"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { NoteCard } from "@/app/live/note-card";
import { isMapBoard, type Pin } from "@/lib/boards/pins";
import { undoShownMs } from "@/lib/notes/undo-rules";
import { useOutboxText } from "@/lib/realtime/client/outbox-text";
import { useConnectionStatus } from "@/lib/realtime/client/react";
import { useMyTeamMoved } from "@/lib/realtime/client/teams";
import { useBoard } from "@/lib/realtime/client/use-board";
import { useVotes, useVotingStore } from "@/lib/realtime/client/use-voting";
import type { NoteColour, WireNote } from "@/lib/realtime/contract";
import { AddNoteForm } from "./add-note-form";
import { BoardBadges } from "./board-badges";
import { BoardColumns } from "./board-columns";
import { useGroupLabels } from "./group-label";
import { KeptNoteDraft } from "./kept-note-draft";
import { MapCanvas, numberedPins } from "./map-canvas";
import { DotsSpentProvider, TargetTally, TargetVotes } from "./target-votes";
import { VoteBanner } from "./vote-banner";

/** A group's notes listed on a phone during a vote on groups; the rest are counted. */
const shownPerGroup = 4;
const noGroups = {};

/** A board on a phone: add a note with one thumb, read the board as a list by column. */
export function PhoneBoard({
  boardId,
  isStaff = false,
  headingLevel = 2,
}: {
  boardId: string;
  isStaff?: boolean;
  headingLevel?: 1 | 2;
}) {
  const t = useTranslations("board");
  const outboxText = useOutboxText();
  const board = useBoard(boardId);
  // Read a slice at a time: a dot cast redraws its note and the banner, not this board.
  const votes = useVotingStore(boardId);
  const round = useVotes(votes, (s) => s?.round ?? null);
  const status = useConnectionStatus();
  const [restore, setRestore] = useState<{ text: string; nonce: number } | null>(null);
  const [spot, setSpot] = useState<Pin | null>(null);
  const { state, columns, pendingNotes } = board;
  const labelOfGroup = useGroupLabels(state?.groups ?? noGroups, columns);
  // Each group's notes in board order, walked once per change of the board, not per tap.
  const groupMembers = useMemo(() => {
    const members = new Map<string, WireNote[]>();
    for (const c of columns) {
      for (const n of c.notes) {
        if (!n.groupId) continue;
        const list = members.get(n.groupId);
        if (list) list.push(n);
        else members.set(n.groupId, [n]);
      }
    }
    return members;
  }, [columns]);
  const onEdit = useCallback((note: WireNote, text: string) => board.editNote(note, { text }), [board.editNote]);
  const [deleted, setDeleted] = useState<{ noteId: string; text: string } | null>(null);
  const [undoProblem, setUndoProblem] = useState<string | null>(null);
  const notesRef = useRef(board.state?.notes);
  notesRef.current = board.state?.notes;
  const onDelete = useCallback(
    (id: string) => {
      const text = notesRef.current?.[id]?.text ?? "";
      void board.deleteNote(id)?.then((ack) => {
        if (ack.ok) {
          setUndoProblem(null);
          setDeleted({ noteId: id, text });
        }
      });
    },
    [board.deleteNote],
  );
  useEffect(() => {
    // "Undo" is offered for a few seconds; the server keeps the note a little longer (lib/notes/undo-rules.ts).
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted((d) => (d === deleted ? null : d)), undoShownMs);
    return () => clearTimeout(timer);
  }, [deleted]);
  const undo = async () => {
    if (!deleted) return;
    const ack = await board.restoreNote(deleted.noteId);
    setDeleted(null);
    if (ack && !ack.ok) setUndoProblem(ack.error.message);
  };
  // Notes a facilitator hid from the room are gone from it, not waiting for the reveal.
  const notes = state?.notes;
  const hiddenCount = useMemo(() => (notes ? Object.values(notes).filter((n) => n.hidden && !n.withheld).length : 0), [notes]);
  const onMap = state ? isMapBoard(state.board) : false;
  const pins = useMemo(() => (onMap ? numberedPins(board.mapNotes) : []), [onMap, board.mapNotes]);
  const pinNumber = useMemo(() => new Map(pins.map((p) => [p.note.id, p.number])), [pins]);

  // Whether I may add to a team's board is the server's rule and follows my team: when I move
  // (by my own tap elsewhere, or a facilitator's), the board is read again.
  useMyTeamMoved(!isStaff && state?.board.teamId != null, board.reload);

  if (!state) {
    return <p className="text-ink-soft">{board.error ?? (status === "online" ? t("opening") : t("waitingToOpen"))}</p>;
  }
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const votingOpen = round?.status === "open";
  const groupVoting = votingOpen && round?.targets !== "notes";
  // Notes can still be added while a vote is open (they can take dots too): the phone says so rather than hiding the box.
  const canAdd = state.canWrite && (!onMap || state.board.mapUrl !== null);

  return (
    <DotsSpentProvider votes={votes}>
      <section aria-labelledby={`board-${boardId}`} className="space-y-5">
        <div className="space-y-2">
          <Heading
            id={`board-${boardId}`}
            className={headingLevel === 1 ? "text-3xl font-extrabold tracking-tight" : "text-xl font-bold"}
          >
            {state.board.title}
          </Heading>
          <BoardBadges board={state.board} />
        </div>

        <VoteBanner votes={votes} />

        {deleted || undoProblem ? (
          <div
            role="status"
            className="sticky top-2 z-20 flex items-center justify-between gap-3 rounded-xl bg-ink px-4 py-2 text-white shadow-lg"
            data-testid="note-deleted"
          >
            <p className="min-w-0 flex-1 font-semibold">{undoProblem ?? t("noteDeleted")}</p>
            {deleted ? (
              <button type="button" className="btn min-h-11 bg-white px-4 py-2 text-ink" onClick={() => void undo()}>
                {t.rich("undo", { text: deleted.text, sr: (c) => <span className="sr-only">{c}</span> })}
              </button>
            ) : (
              <button
                type="button"
                className="min-h-11 px-2 text-sm font-semibold underline"
                onClick={() => setUndoProblem(null)}
              >
                {t("ok")}
              </button>
            )}
          </div>
        ) : null}

        {votingOpen ? (
          <p className="rounded-xl bg-white p-4 text-sm ring-1 ring-line" data-testid="vote-can-do">
            {t.rich("whileOpen", {
              targets: round?.targets === "groups" || round?.targets === "both" ? round.targets : "notes",
              columns: round?.columns ? "some" : "all",
              strong: (c) => <strong>{c}</strong>,
            })}{" "}
            {canAdd
              ? t(round?.targets === "groups" ? "canStillAddGroups" : "canStillAddNotes")
              : state.board.locked
                ? t("lockedNoNew")
                : state.canWrite
                  ? t("addOnceMapUp")
                  : t("otherTeamNoAdd")}
          </p>
        ) : null}

        {onMap ? (
          state.board.mapUrl ? (
            <MapCanvas
              mapUrl={state.board.mapUrl}
              pins={pins}
              size="phone"
              draft={canAdd ? spot : null}
              onChooseSpot={canAdd ? setSpot : undefined}
            />
          ) : (
            <p className="rounded-xl bg-white p-4 ring-1 ring-line">{t("mapMissing")}</p>
          )
        ) : null}

        {canAdd ? (
          <AddNoteForm
            boardId={boardId}
            columns={state.board.columns}
            restore={restore}
            pin={onMap ? spot : null}
            needsPin={onMap}
            onAdd={(column, text, colour, photoId, pin) => {
              void board.addNote({ column, text, colour, ...(photoId ? { photoId } : {}), ...(pin ? { pin } : {}) });
              setSpot(null);
            }}
          />
        ) : votingOpen || (onMap && state.canWrite) ? null : (
          <p className="rounded-xl bg-white p-4 ring-1 ring-line">
            {state.board.locked ? t("readOnlyLocked") : t("readOnlyOtherTeam")}
          </p>
        )}
        {canAdd ? null : <KeptNoteDraft boardId={boardId} />}

        {pendingNotes.length > 0 ? (
          <ul className="space-y-3" aria-label={t("pendingLabel")}>
            {pendingNotes.map((p) => {
              const payload = p.payload as { text: string; colour?: NoteColour };
              return (
                <li key={p.id} data-testid="pending-note">
                  <NoteCard
                    note={{ text: payload.text, colour: payload.colour ?? "yellow" }}
                    badge={
                      p.error ? (
                        <span className="font-semibold text-danger">
                          {t("notAdded", { reason: outboxText(p.error.message) })}{" "}
                          <button
                            type="button"
                            className="underline"
                            onClick={() => {
                              setRestore({ text: payload.text, nonce: Date.now() });
                              board.dismiss(p.id);
                            }}
                          >
                            {t("editAndRetry")}
                          </button>
                        </span>
                      ) : (
                        <span className="rounded-full bg-white/70 px-2 py-0.5 font-semibold">
                          {status !== "online" ? t("waitingForConnection") : (p.waiting ?? t("sending"))}
                        </span>
                      )
                    }
                  />
                </li>
              );
            })}
          </ul>
        ) : null}

        {hiddenCount > 0 ? (
          <p className="rounded-xl bg-white p-4 ring-1 ring-line" data-testid="hidden-count">
            {t("hiddenCount", { count: hiddenCount })}
          </p>
        ) : null}

        {groupVoting && Object.keys(state.groups).length > 0 ? (
          <section aria-labelledby={`groups-${boardId}`} className="space-y-3">
            <h3 id={`groups-${boardId}`} className="text-lg font-bold">
              {t("groups")}
            </h3>
            <ul className="space-y-3">
              {Object.values(state.groups).map((g) => {
                const members = groupMembers.get(g.id) ?? [];
                const readable = members.filter((n) => !n.hidden && n.text.trim());
                const label = labelOfGroup(g.id);
                return (
                  <li key={g.id} className="card p-4" data-testid="vote-group">
                    <div className="flex flex-wrap items-center gap-2">
                      <p className="font-semibold">{label}</p>
                      <TargetTally votes={votes} targetId={g.id} kind="group" />
                    </div>
                    <p className="text-sm text-ink-soft">{t("noteCount", { count: members.length })}</p>
                    {/* What the group holds, so a voter knows what their dots back. */}
                    {readable.length > 0 ? (
                      <ul className="mt-1 list-disc space-y-0.5 ps-5 text-sm" data-testid="group-notes">
                        {readable.slice(0, shownPerGroup).map((n) => (
                          <li key={n.id}>
                            <span className="line-clamp-2">{n.text}</span>
                          </li>
                        ))}
                        {readable.length > shownPerGroup ? (
                          <li className="list-none text-ink-soft">
                            {t("groupMore", { count: readable.length - shownPerGroup })}
                          </li>
                        ) : null}
                      </ul>
                    ) : null}
                    <TargetVotes votes={votes} targetId={g.id} label={label} maxPerTarget={round?.maxPerTarget ?? 0} />
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}

        <BoardColumns
          columns={columns}
          state={state}
          round={round}
          votes={votes}
          onMap={onMap}
          pinNumber={pinNumber}
          isStaff={isStaff}
          onEdit={onEdit}
          onDelete={onDelete}
        />
      </section>
    </DotsSpentProvider>
  );
}
