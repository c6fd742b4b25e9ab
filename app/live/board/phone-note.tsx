"use client";

import { useTranslations } from "next-intl";
import { memo, useEffect, useRef, useState } from "react";
import { HiddenNoteCard, NoteCard } from "@/app/live/note-card";
import { useDraft } from "@/app/live/use-draft";
import type { VotingStore } from "@/lib/realtime/client/use-voting";
import type { Ack, WireNote } from "@/lib/realtime/contract";
import { TargetTally, TargetVotes } from "./target-votes";

export type PhoneNoteProps = {
  /** The board's votes: the note shows its tally from them, and my dots while `voting`. */
  votes?: VotingStore;
  /** A vote is open that this note takes dots in. */
  voting?: boolean;
  maxPerTarget?: number;
  note: WireNote;
  mine: boolean;
  canChange: boolean;
  /** The note's group as this screen names it, or null when it is in none. */
  groupLabel: string | null;
  onEdit: (note: WireNote, text: string) => Promise<Ack<unknown>> | null;
  onDelete: (noteId: string) => void;
  /**
   * Where the caret was in edits in progress on this board, by note id. A long board's notes are
   * drawn in runs (board-columns.tsx); a note removed above this one can move it into the next
   * run, which makes it afresh: the writer carries on at the place they were typing.
   */
  carets?: Map<string, Caret>;
};

/** Where the caret was in an edit in progress. */
export type Caret = [number, number];

const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

/** One note on a phone: read it; if it is yours, edit or delete it in place. */
export const PhoneNote = memo(function PhoneNote(props: PhoneNoteProps) {
  const { note, mine, canChange, groupLabel, onEdit, onDelete, voting, votes, carets } = props;
  const t = useTranslations("board");
  // An edit in progress is the draft kept for this note (use-draft.ts): a reload loses none of it; none kept, none in progress.
  const [draft, keepDraft] = useDraft(`edit.${note.id}`);
  const editing = draft !== null;
  const [message, setMessage] = useState<string | null>(null);
  const editBox = useRef<HTMLTextAreaElement>(null);
  const restoring = useRef(carets?.get(note.id) ?? null);
  useEffect(() => {
    // Made afresh mid-edit (see `carets`): if that took the focus away, the writer carries on in
    // the box, at the place they were typing.
    const box = editBox.current;
    const selection = restoring.current;
    restoring.current = null;
    if (selection && box && document.activeElement === document.body) {
      box.focus({ preventScroll: true });
      box.setSelectionRange(...selection);
    }
  }, []);
  useEffect(() => {
    if (!editing) carets?.delete(note.id);
  }, [carets, editing, note.id]);
  // The caret moves with the text and without it (a tap, the arrow keys): remembered either way.
  const keepCaret = (box: HTMLTextAreaElement) => carets?.set(note.id, [box.selectionStart, box.selectionEnd]);
  if (note.hidden) return <HiddenNoteCard withheld={note.withheld} />;

  const save = async () => {
    const text = (draft ?? "").trim();
    if (!text) return setMessage(t("note.cantBeEmpty"));
    setMessage(null);
    const ack = await onEdit(note, text);
    if (ack && !ack.ok) setMessage(ack.error.message);
    else keepDraft(null);
  };

  const badge = (
    <>
      {mine ? <span className="rounded-full bg-white/70 px-2 py-0.5 font-semibold">{t("note.you")}</span> : null}
      {note.withheld ? (
        <span className="rounded-full bg-ink px-2 py-0.5 font-semibold text-white">{t("note.withheld")}</span>
      ) : null}
      {groupLabel !== null ? (
        // One line, cut with "…": a long name wrapped inside a pill reads as two chips.
        <span className="min-w-0 max-w-full truncate rounded-full bg-white/70 px-2 py-0.5" title={groupLabel}>
          {groupLabel}
        </span>
      ) : null}
      {note.source ? (
        <span className="rounded-full bg-white/70 px-2 py-0.5">{t("note.from", { board: note.source.boardTitle })}</span>
      ) : null}
      {votes ? <TargetTally votes={votes} targetId={note.id} kind="note" /> : null}
    </>
  );

  return (
    <NoteCard note={editing ? { ...note, text: "" } : note} badge={badge}>
      {editing ? (
        <div className="space-y-2">
          <label className="sr-only" htmlFor={`edit-${note.id}`}>
            {t("note.editLabel")}
          </label>
          <textarea
            id={`edit-${note.id}`}
            value={draft ?? ""}
            onChange={(e) => {
              keepDraft(e.target.value);
              keepCaret(e.currentTarget);
            }}
            onSelect={(e) => keepCaret(e.currentTarget)}
            rows={3}
            className="field-input"
            ref={editBox}
          />
          {message ? (
            <p role="alert" className="field-error">
              {message}
            </p>
          ) : null}
          <div className="flex gap-2">
            <button type="button" className="btn btn-primary min-h-11 flex-1 py-2" onClick={save}>
              {t("note.save")}
            </button>
            <button
              type="button"
              className="btn btn-secondary min-h-11 flex-1 py-2"
              onClick={() => {
                keepDraft(null);
                setMessage(null);
              }}
            >
              {t("note.cancel")}
            </button>
          </div>
        </div>
      ) : canChange && !voting ? (
        <div className="mt-3 flex gap-2">
          <button
            type="button"
            className="min-h-11 rounded-lg bg-white/70 px-4 text-sm font-semibold"
            onClick={() => keepDraft(note.text)}
          >
            {t.rich("note.edit", { text: note.text, sr })}
          </button>
          <button
            type="button"
            className="min-h-11 rounded-lg bg-white/70 px-4 text-sm font-semibold"
            onClick={() => onDelete(note.id)}
          >
            {t.rich("note.delete", { text: note.text, sr })}
          </button>
        </div>
      ) : null}
      {voting && votes && !editing ? (
        <TargetVotes votes={votes} targetId={note.id} label={note.text} maxPerTarget={props.maxPerTarget ?? 0} />
      ) : null}
      {message && !editing ? (
        <p role="alert" className="field-error">
          {message}
        </p>
      ) : null}
    </NoteCard>
  );
});
