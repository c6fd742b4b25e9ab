"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { NoteCard } from "@/app/live/note-card";
import { describePin, isMapBoard, type Pin } from "@/lib/boards/pins";
import { undoShownMs } from "@/lib/notes/undo-rules";
import { useConnectionStatus } from "@/lib/realtime/client/react";
import { useBoard } from "@/lib/realtime/client/use-board";
import { useVoting } from "@/lib/realtime/client/use-voting";
import type { NoteColour, WireNote } from "@/lib/realtime/contract";
import { AddNoteForm } from "./add-note-form";
import { BoardBadges } from "./board-badges";
import { MapCanvas, numberedPins } from "./map-canvas";
import { PhoneNote } from "./phone-note";
import { VoteBanner } from "./vote-banner";
import { VoteControls } from "./vote-controls";

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
  const board = useBoard(boardId);
  const voting = useVoting(boardId);
  const status = useConnectionStatus();
  const [restore, setRestore] = useState<{ text: string; nonce: number } | null>(null);
  const [spot, setSpot] = useState<Pin | null>(null);
  const { state, columns, pendingNotes } = board;
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
    const t = setTimeout(() => setDeleted((d) => (d === deleted ? null : d)), undoShownMs);
    return () => clearTimeout(t);
  }, [deleted]);
  const undo = async () => {
    if (!deleted) return;
    const ack = await board.restoreNote(deleted.noteId);
    setDeleted(null);
    if (ack && !ack.ok) setUndoProblem(ack.error.message);
  };
  const { cast, retract } = voting;
  const castRef = useRef(cast);
  const retractRef = useRef(retract);
  castRef.current = cast;
  retractRef.current = retract;
  // Stable across renders, so a dot on one note does not redraw the other 499.
  const onAddDot = useCallback((id: string) => void castRef.current(id), []);
  const onRemoveDot = useCallback((id: string) => void retractRef.current(id), []);

  if (!state) {
    return (
      <p className="text-ink-soft">
        {board.error ?? (status === "online" ? "Opening the board…" : "Waiting for the connection to open the board…")}
      </p>
    );
  }
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const round = voting.round;
  const votingOpen = round?.status === "open";
  const groupVoting = votingOpen && round?.targets !== "notes";
  const votable = (column: string) =>
    votingOpen && round?.targets !== "groups" && (!round?.columns || round.columns.includes(column));
  const tallies = voting.tally?.tallies ?? null;
  // Notes a facilitator hid from the room are gone from it, not waiting for the reveal.
  const hiddenCount = Object.values(state.notes).filter((n) => n.hidden && !n.withheld).length;
  const onMap = isMapBoard(state.board);
  const pins = onMap ? numberedPins(board.mapNotes) : [];
  const pinNumber = new Map(pins.map((p) => [p.note.id, p.number]));
  // Notes can still be added while a vote is open (they can take dots too): the phone says so rather than hiding the box.
  const canAdd = state.canWrite && (!onMap || state.board.mapUrl !== null);

  return (
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

      <VoteBanner voting={voting} />

      {deleted || undoProblem ? (
        <div
          role="status"
          className="sticky top-2 z-20 flex items-center justify-between gap-3 rounded-xl bg-ink px-4 py-2 text-white shadow-lg"
          data-testid="note-deleted"
        >
          <p className="min-w-0 flex-1 font-semibold">{undoProblem ?? "Note deleted"}</p>
          {deleted ? (
            <button type="button" className="btn min-h-11 bg-white px-4 py-2 text-ink" onClick={() => void undo()}>
              Undo<span className="sr-only"> deleting the note: {deleted.text}</span>
            </button>
          ) : (
            <button type="button" className="min-h-11 px-2 text-sm font-semibold underline" onClick={() => setUndoProblem(null)}>
              OK
            </button>
          )}
        </div>
      ) : null}

      {votingOpen ? (
        <p className="rounded-xl bg-white p-4 text-sm ring-1 ring-line" data-testid="vote-can-do">
          <strong>While the vote is open:</strong>{" "}
          {round?.targets === "groups" ? "give your dots to the groups" : "give your dots to the notes you like most"}
          {round?.columns ? " in the columns being voted on" : ""}.{" "}
          {canAdd
            ? `You can still add a note below: everyone sees it${round?.targets === "groups" ? "" : ", and it can get dots too"}.`
            : state.board.locked
              ? "The board is locked, so no new notes can be added."
              : state.canWrite
                ? "New notes can be added once the map is up."
                : "This is another team's board, so you can't add notes to it."}
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
          <p className="rounded-xl bg-white p-4 ring-1 ring-line">
            The facilitator hasn't added the map yet. Notes can be pinned once it's up.
          </p>
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
          {state.board.locked
            ? "The facilitator has locked this board: you can read it but not add to it."
            : "This is another team's board: you can read it."}
        </p>
      )}

      {pendingNotes.length > 0 ? (
        <ul className="space-y-3" aria-label="Notes not sent yet">
          {pendingNotes.map((p) => {
            const payload = p.payload as { text: string; colour?: NoteColour };
            return (
              <li key={p.id} data-testid="pending-note">
                <NoteCard
                  note={{ text: payload.text, colour: payload.colour ?? "yellow" }}
                  badge={
                    p.error ? (
                      <span className="font-semibold text-danger">
                        Not added: {p.error.message}{" "}
                        <button
                          type="button"
                          className="underline"
                          onClick={() => {
                            setRestore({ text: payload.text, nonce: Date.now() });
                            board.dismiss(p.id);
                          }}
                        >
                          Edit and try again
                        </button>
                      </span>
                    ) : (
                      <span className="rounded-full bg-white/70 px-2 py-0.5 font-semibold">
                        {status !== "online" ? "Waiting for connection" : (p.waiting ?? "Sending…")}
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
          {hiddenCount === 1 ? "1 note from someone else is" : `${hiddenCount} notes from others are`} hidden until the
          facilitator reveals the board. Write yours without being swayed.
        </p>
      ) : null}

      {groupVoting && Object.keys(state.groups).length > 0 ? (
        <section aria-labelledby={`groups-${boardId}`} className="space-y-3">
          <h3 id={`groups-${boardId}`} className="text-lg font-bold">
            Groups
          </h3>
          <ul className="space-y-3">
            {Object.values(state.groups).map((g) => {
              const count = Object.values(state.notes).filter((n) => n.groupId === g.id).length;
              const label = `Group: ${g.title || "untitled"}`;
              return (
                <li key={g.id} className="card p-4" data-testid="vote-group">
                  <p className="font-semibold">{label}</p>
                  <p className="text-sm text-ink-soft">{count === 1 ? "1 note" : `${count} notes`}</p>
                  <VoteControls
                    label={label}
                    mine={voting.mine[g.id] ?? 0}
                    canAdd={voting.dotsLeft > 0 && (voting.mine[g.id] ?? 0) < (round?.maxPerTarget ?? 0)}
                    onAdd={() => onAddDot(g.id)}
                    onRemove={() => onRemoveDot(g.id)}
                  />
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {columns.map((c) => {
        const visible = c.notes.filter((n) => !n.hidden);
        return (
          <section key={c.key} aria-label={c.title} className="space-y-3">
            <h3 className="text-lg font-bold">
              {c.title} <span className="font-normal text-ink-soft">({c.notes.length})</span>
            </h3>
            {visible.length === 0 ? <p className="text-ink-soft">No notes yet.</p> : null}
            <ul className="space-y-3">
              {visible.map((n) => {
                const mine = n.authorTag === state.myTag;
                const number = pinNumber.get(n.id);
                return (
                  <li key={n.id} data-testid="note" className="[content-visibility:auto] [contain-intrinsic-size:auto_120px]">
                    {onMap ? (
                      <p className="mb-1 flex items-center gap-2 text-sm font-semibold text-ink-soft">
                        {number && n.pin ? (
                          <>
                            <span className="grid h-6 w-6 place-items-center rounded-full bg-ink text-xs font-extrabold text-white">
                              {number}
                            </span>
                            Pin {number}, {describePin(n.pin)}
                          </>
                        ) : (
                          "Not on the map yet"
                        )}
                      </p>
                    ) : null}
                    <PhoneNote
                      note={n}
                      mine={mine}
                      canChange={(mine && !state.board.locked) || isStaff}
                      groupTitle={n.groupId ? (state.groups[n.groupId]?.title ?? "") : null}
                      onEdit={onEdit}
                      onDelete={onDelete}
                      voting={votable(c.key)}
                      myDots={voting.mine[n.id] ?? 0}
                      canAddDot={voting.dotsLeft > 0 && (voting.mine[n.id] ?? 0) < (round?.maxPerTarget ?? 0)}
                      onAddDot={onAddDot}
                      onRemoveDot={onRemoveDot}
                      tally={tallies ? (tallies[n.id] ?? 0) : null}
                    />
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
