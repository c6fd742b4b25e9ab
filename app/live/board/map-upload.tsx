"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { FilePicker, usePhotoTooBig } from "@/app/ui/file-picker";
import type { BoardHandle } from "@/lib/realtime/client/use-board";

/**
 * A map board's image: the facilitator uploads it (checked by content on the server, like a
 * note's photo), then points the board at it; every screen shows the new map at once.
 */
export function MapUpload({ boardId, board, hasMap }: { boardId: string; board: BoardHandle; hasMap: boolean }) {
  const t = useTranslations("board");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // A new picker once the map is up: nothing is waiting to be uploaded.
  const [picker, setPicker] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const photoTooBig = usePhotoTooBig();

  const upload = async (e: React.FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setMessage({ ok: false, text: t("mapUpload.chooseFirst") });
    const tooBig = photoTooBig(file);
    if (tooBig) return setMessage({ ok: false, text: tooBig });
    setBusy(true);
    setMessage(null);
    const body = new FormData();
    body.set("photo", file);
    const response = await fetch(`/api/boards/${boardId}/photos`, { method: "POST", body }).catch(() => null);
    const answer = (await response?.json().catch(() => null)) as { photoId?: string; error?: string } | null;
    if (!response?.ok || !answer?.photoId) {
      setBusy(false);
      return setMessage({ ok: false, text: answer?.error ?? t("mapUpload.uploadFailed") });
    }
    const ack = await board.updateBoard({ mapPhotoId: answer.photoId });
    setBusy(false);
    if (!ack?.ok) return setMessage({ ok: false, text: ack?.error.message ?? t("mapUpload.changeFailed") });
    setMessage({ ok: true, text: t("mapUpload.done") });
    setPicker((n) => n + 1);
  };

  return (
    <form onSubmit={upload} className="card space-y-3 p-5" aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} className="text-lg font-bold">
        {t("mapUpload.title")}
      </h2>
      <p className="text-sm text-ink-soft">{hasMap ? t("mapUpload.replaceHint") : t("mapUpload.uploadHint")}</p>
      <label htmlFor={`${id}-file`} className="field-label">
        {t("mapUpload.fileLabel")}
      </label>
      <FilePicker key={picker} id={`${id}-file`} kind="photo" inputRef={input} accept="image/jpeg,image/png,image/webp" />
      <button type="submit" className="btn btn-primary w-full" disabled={busy}>
        {busy ? t("mapUpload.uploading") : hasMap ? t("mapUpload.replace") : t("mapUpload.upload")}
      </button>
      <output aria-live="polite" className={`block text-sm font-semibold ${message?.ok ? "text-brand" : "text-danger"}`}>
        {message?.text}
      </output>
    </form>
  );
}
