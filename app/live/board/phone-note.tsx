"use client";

import { useTranslations } from "next-intl";
import { memo, useEffect, useRef, useState } from "react";
import { HiddenNoteCard, NoteCard } from "@/app/live/note-card";
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
  groupTitle: string | null;
  onEdit: (note: WireNote, text: string) => Promise<Ack<unknown>> | null;
  onDelete: (noteId: string) => void;
  /**
   * Edits in progress on this board, by note id. A long board's notes are drawn in runs
   * (board-columns.tsx); a note removed above this one can move it into the next run, which
   * makes it afresh: its edit comes back from here, so nothing typed is lost.
   */
  drafts?: Map<string, Draft>;
};

/** An edit in progress: the text so far and where the caret was. */
export type Draft = { text: string; selection: [number, number] };

const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

/** One note on a phone: read it; if it is yours, edit or delete it in place. */
export const PhoneNote = memo(function PhoneNote(props: PhoneNoteProps) {
  const { note, mine, canChange, groupTitle, onEdit, onDelete, voting, votes } = props;
  const t = useTranslations("board");
  const kept = props.drafts?.get(note.id);
  const [editing, setEditing] = useState(kept !== undefined);
  const [draft, setDraft] = useState(kept?.text ?? note.text);
  const [message, setMessage] = useState<string | null>(null);
  const drafts = props.drafts;
  const editBox = useRef<HTMLTextAreaElement>(null);
  const restoring = useRef(kept?.selection ?? null);
  useEffect(() => {
    // Made afresh mid-edit (see `drafts`): if that took the focus away, the writer carries on in
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
    if (!drafts) return;
    if (!editing) drafts.delete(note.id);
    else {
      const box = editBox.current;
      const at = box?.selectionEnd ?? draft.length;
      drafts.set(note.id, { text: draft, selection: box ? [box.selectionStart, box.selectionEnd] : [at, at] });
    }
  }, [drafts, editing, draft, note.id]);
  // The caret moves without the text changing (a tap, the arrow keys): remembered too.
  const keepCaret = (box: HTMLTextAreaElement) => {
    const kept = drafts?.get(note.id);
    if (kept) kept.selection = [box.selectionStart, box.selectionEnd];
  };
  if (note.hidden) return <HiddenNoteCard withheld={note.withheld} />;

  const save = async () => {
    const text = draft.trim();
    if (!text) return setMessage(t("note.cantBeEmpty"));
    setMessage(null);
    const ack = await onEdit(note, text);
    if (ack && !ack.ok) setMessage(ack.error.message);
    else setEditing(false);
  };

  const badge = (
    <>
      {mine ? <span className="rounded-full bg-white/70 px-2 py-0.5 font-semibold">{t("note.you")}</span> : null}
      {note.withheld ? (
        <span className="rounded-full bg-ink px-2 py-0.5 font-semibold text-white">{t("note.withheld")}</span>
      ) : null}
      {groupTitle !== null ? (
        <span className="rounded-full bg-white/70 px-2 py-0.5">{t("group", { title: groupTitle || t("untitled") })}</span>
      ) : null}
      {note.source ? (
        <span className="rounded-full bg-white/70 px-2 py-0.5">{t("note.from", { board: note.source.boardTitle })}</span>
      ) : null}
      {votes ? <TargetTally votes={votes} targetId={note.id} /> : null}
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
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
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
                setEditing(false);
                setDraft(note.text);
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
            onClick={() => {
              setDraft(note.text);
              setEditing(true);
            }}
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
