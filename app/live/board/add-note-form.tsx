"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { noteColourClass } from "@/app/live/note-card";
import { useDraft } from "@/app/live/use-draft";
import { FilePicker, usePhotoTooBig } from "@/app/ui/file-picker";
import type { Pin } from "@/lib/boards/pins";
import { useConnectionStatus } from "@/lib/realtime/client/react";
import { boardLimits, type NoteColour, noteColours } from "@/lib/realtime/constants";
import { pinPlace } from "./pin-place";

type Props = {
  boardId: string;
  columns: { key: string; title: string }[];
  onAdd: (column: string, text: string, colour: NoteColour, photoId?: string, pin?: Pin) => void;
  /** On a map board: where the note goes (chosen by tapping the map), and that it must have one. */
  pin?: Pin | null;
  needsPin?: boolean;
  /** Text to put back in the box (a refused note the person wants to fix). */
  restore?: { text: string; nonce: number } | null;
};

/** One thumb: pick a column, type, add. The draft survives a reload. */
export function AddNoteForm({ boardId, columns, onAdd, restore, pin = null, needsPin = false }: Props) {
  const t = useTranslations("board");
  const tNotes = useTranslations("notes");
  const status = useConnectionStatus();
  const [column, setColumn] = useState(columns[0]?.key ?? "");
  const [colour, setColour] = useState<NoteColour>("yellow");
  const [kept, keep] = useDraft(`note.${boardId}`);
  const text = kept ?? "";
  const setText = (value: string) => keep(value || null);
  const [error, setError] = useState<string | null>(null);
  const textId = useId();
  const remaining = boardLimits.noteText - text.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new restore request puts text back
  useEffect(() => {
    if (restore) setText(restore.text);
  }, [restore?.nonce]);

  const [photo, setPhoto] = useState<File | null>(null);
  const photoTooBig = usePhotoTooBig();
  const [uploading, setUploading] = useState(false);
  // A new picker once the note is sent: the photo went with it.
  const [photoPicker, setPhotoPicker] = useState(0);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setError(t("add.writeFirst"));
    if (trimmed.length > boardLimits.noteText) return setError(t("add.keepShort", { max: boardLimits.noteText }));
    if (needsPin && !pin) return setError(t("add.tapMapFirst"));
    let photoId: string | undefined;
    if (photo) {
      // A photo is too big for the offline outbox: it goes up now, or the person decides. It goes
      // over HTTP, so a page whose socket is still connecting can send it.
      if (status === "offline") return setError(t("add.photoOffline"));
      const tooBig = photoTooBig(photo);
      if (tooBig) return setError(tooBig);
      setUploading(true);
      const body = new FormData();
      body.set("photo", photo);
      const response = await fetch(`/api/boards/${boardId}/photos`, { method: "POST", body }).catch(() => null);
      setUploading(false);
      const answer = (await response?.json().catch(() => null)) as { photoId?: string; error?: string } | null;
      if (!response?.ok || !answer?.photoId) return setError(answer?.error ?? t("add.photoFailed"));
      photoId = answer.photoId;
    }
    setError(null);
    onAdd(column, trimmed, colour, photoId, pin ?? undefined);
    setText("");
    setPhoto(null);
    setPhotoPicker((n) => n + 1);
  };

  return (
    <form onSubmit={submit} className="card space-y-4 p-4" noValidate>
      {columns.length > 1 ? (
        <fieldset>
          <legend className="field-label">{t("add.where")}</legend>
          <div className="flex flex-wrap gap-2">
            {columns.map((c) => (
              <label
                key={c.key}
                className="flex min-h-11 cursor-pointer items-center rounded-full px-4 text-sm font-semibold ring-2 ring-line has-checked:bg-brand has-checked:text-white has-checked:ring-brand has-focus-visible:outline-3 has-focus-visible:outline-brand"
              >
                <input
                  type="radio"
                  name={`column-${boardId}`}
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
      ) : null}
      {needsPin ? (
        <p className={`text-sm font-semibold ${pin ? "text-brand" : "text-ink-soft"}`} data-testid="pin-choice">
          {pin ? t("add.pinned", { place: t(`place.${pinPlace(pin)}`) }) : t("add.tapMap")}
        </p>
      ) : null}
      <div>
        <label htmlFor={textId} className="field-label">
          {t("add.yourNote")}
        </label>
        <textarea
          id={textId}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={3}
          aria-invalid={error || remaining < 0 ? true : undefined}
          aria-describedby={`${textId}-count${error ? ` ${textId}-error` : ""}`}
          className="field-input resize-y"
        />
        <div className="mt-1 flex justify-between gap-3 text-sm">
          <span id={`${textId}-error`} className="field-error mt-0" aria-live="polite">
            {error}
          </span>
          <span id={`${textId}-count`} className={remaining < 0 ? "font-semibold text-danger" : "text-ink-soft"}>
            {remaining < 0 ? t("add.tooLong", { count: -remaining }) : t("add.left", { count: remaining })}
          </span>
        </div>
      </div>
      <fieldset>
        <legend className="sr-only">{t("add.colour")}</legend>
        <div className="flex gap-3">
          {noteColours.map((c) => (
            <label
              key={c}
              className={`${noteColourClass[c]} grid h-11 w-11 cursor-pointer place-items-center rounded-full ring-2 ring-line has-checked:ring-4 has-checked:ring-ink has-focus-visible:outline-3 has-focus-visible:outline-brand`}
            >
              <input
                type="radio"
                name={`colour-${boardId}`}
                value={c}
                checked={colour === c}
                onChange={() => setColour(c)}
                className="sr-only"
              />
              <span className="sr-only">{tNotes(`colours.${c}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${textId}-photo`} className="field-label">
          {t.rich("add.photo", { soft: (c) => <span className="font-normal text-ink-soft">{c}</span> })}
        </label>
        <FilePicker
          key={photoPicker}
          id={`${textId}-photo`}
          kind="photo"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="btn btn-primary w-full" disabled={uploading}>
        {uploading ? t("add.addingPhoto") : status === "online" ? t("add.submit") : t("add.submitOffline")}
      </button>
    </form>
  );
}
