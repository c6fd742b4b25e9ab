"use client";

import { useTranslations } from "next-intl";
import { memo, useState } from "react";
import { HiddenNoteCard, NoteCard } from "@/app/live/note-card";
import type { Ack, WireNote } from "@/lib/realtime/contract";
import { TallyBadge, VoteControls } from "./vote-controls";

type Props = {
  /** While a vote is open: my dots on this note (primitives, so unchanged notes skip redrawing). */
  voting?: boolean;
  myDots?: number;
  canAddDot?: boolean;
  onAddDot?: (noteId: string) => void;
  onRemoveDot?: (noteId: string) => void;
  tally?: number | null;
  note: WireNote;
  mine: boolean;
  canChange: boolean;
  groupTitle: string | null;
  onEdit: (note: WireNote, text: string) => Promise<Ack<unknown>> | null;
  onDelete: (noteId: string) => void;
};

const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

/** One note on a phone: read it; if it is yours, edit or delete it in place. */
export const PhoneNote = memo(function PhoneNote(props: Props) {
  const { note, mine, canChange, groupTitle, onEdit, onDelete, voting, tally } = props;
  const t = useTranslations("board");
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const [message, setMessage] = useState<string | null>(null);
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
      {typeof tally === "number" ? <TallyBadge dots={tally} /> : null}
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
            rows={3}
            className="field-input"
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
      {voting && !editing ? (
        <VoteControls
          label={note.text}
          mine={props.myDots ?? 0}
          canAdd={props.canAddDot ?? false}
          onAdd={() => props.onAddDot?.(note.id)}
          onRemove={() => props.onRemoveDot?.(note.id)}
        />
      ) : null}
      {message && !editing ? (
        <p role="alert" className="field-error">
          {message}
        </p>
      ) : null}
    </NoteCard>
  );
});
