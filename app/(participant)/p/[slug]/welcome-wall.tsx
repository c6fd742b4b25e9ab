"use client";

import { useEffect, useId, useState } from "react";
import { NoteCard } from "@/app/live/note-card";
import { useBoard, useConnectionStatus } from "@/lib/realtime/client/react";
import { limits } from "@/lib/realtime/contract";

type Props = { board: { id: string; title: string; columns: { key: string; title: string }[] }; myKey: string };

/** Keeps a half-written note across reloads: the phone may die or the page may be closed mid-sentence. */
function useDraft(key: string) {
  const [text, setText] = useState("");
  useEffect(() => {
    setText(localStorage.getItem(key) ?? "");
  }, [key]);
  const update = (value: string) => {
    setText(value);
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  };
  return [text, update] as const;
}

export function WelcomeWall({ board, myKey }: Props) {
  const { notes, pendingNotes, addNote, dismiss } = useBoard(board.id, myKey);
  const status = useConnectionStatus();
  const [column, setColumn] = useState(board.columns[0]?.key ?? "");
  const [text, setText] = useDraft(`madein.draft.${board.id}`);
  const [error, setError] = useState<string | null>(null);
  const textId = useId();
  const remaining = limits.noteText - text.length;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setError("Write something first.");
    if (trimmed.length > limits.noteText) return setError(`Keep it to ${limits.noteText} characters.`);
    setError(null);
    addNote({ column, text: trimmed });
    setText("");
  };

  return (
    <section aria-labelledby="wall-title" className="space-y-5">
      <h2 id="wall-title" className="text-xl font-bold">
        {board.title}
      </h2>

      <form onSubmit={submit} className="card space-y-4 p-4" noValidate>
        <fieldset>
          <legend className="field-label">Where does it go?</legend>
          <div className="flex flex-wrap gap-2">
            {board.columns.map((c) => (
              <label
                key={c.key}
                className="flex min-h-11 cursor-pointer items-center rounded-full px-4 text-sm font-semibold ring-2 ring-line has-checked:bg-brand has-checked:text-white has-checked:ring-brand has-focus-visible:outline-3 has-focus-visible:outline-brand"
              >
                <input
                  type="radio"
                  name="column"
                  value={c.key}
                  checked={column === c.key}
                  onChange={() => setColumn(c.key)}
                  className="sr-only"
                />
                {c.title}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor={textId} className="field-label">
            Your note
          </label>
          <textarea
            id={textId}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={3}
            maxLength={limits.noteText + 40}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${textId}-count${error ? ` ${textId}-error` : ""}`}
            className="field-input resize-y"
          />
          <div className="mt-1 flex justify-between text-sm">
            <span id={`${textId}-error`} className="field-error mt-0">
              {error}
            </span>
            <span id={`${textId}-count`} className={remaining < 0 ? "font-semibold text-danger" : "text-ink-soft"}>
              {remaining} characters left
            </span>
          </div>
        </div>
        <button type="submit" className="btn btn-primary w-full">
          {status === "online" ? "Add note" : "Add note (sends when you're back online)"}
        </button>
      </form>

      <ul className="space-y-3" aria-label="Notes not sent yet">
        {pendingNotes.map((p) => {
          const payload = p.payload as { text: string; column: string };
          return (
            <li key={p.id} data-testid="pending-note">
              <NoteCard
                text={payload.text}
                badge={
                  p.error ? (
                    <span className="font-semibold text-danger">
                      Not added: {p.error.message}{" "}
                      <button
                        type="button"
                        className="underline"
                        onClick={() => {
                          setText(payload.text);
                          dismiss(p.id);
                        }}
                      >
                        Edit and try again
                      </button>
                    </span>
                  ) : (
                    <span className="rounded-full bg-white/70 px-2 py-0.5 font-semibold">
                      {status === "online" ? "Sending…" : "Waiting for connection"}
                    </span>
                  )
                }
              />
            </li>
          );
        })}
      </ul>

      {board.columns.map((c) => {
        const inColumn = notes.filter((n) => n.column === c.key);
        return (
          <section key={c.key} aria-label={c.title} className="space-y-3">
            <h3 className="text-lg font-bold">
              {c.title} <span className="font-normal text-ink-soft">({inColumn.length})</span>
            </h3>
            {inColumn.length === 0 ? <p className="text-ink-soft">No notes yet. Be the first.</p> : null}
            <ul className="space-y-3">
              {inColumn.map((n) => (
                <li key={n.id} data-testid="note">
                  <NoteCard
                    text={n.text}
                    colour={n.colour}
                    author={n.authorName}
                    badge={n.mine ? <span className="rounded-full bg-white/70 px-2 py-0.5 font-semibold">You</span> : null}
                  />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
