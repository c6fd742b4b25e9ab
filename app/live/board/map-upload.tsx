"use client";

import { useId, useRef, useState } from "react";
import type { BoardHandle } from "@/lib/realtime/client/use-board";

/**
 * A map board's image: the facilitator uploads it (checked by content on the server, like a
 * note's photo), then points the board at it; every screen shows the new map at once.
 */
export function MapUpload({ boardId, board, hasMap }: { boardId: string; board: BoardHandle; hasMap: boolean }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const upload = async (e: React.FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setMessage({ ok: false, text: "Choose an image of the map first." });
    setBusy(true);
    setMessage(null);
    const body = new FormData();
    body.set("photo", file);
    const response = await fetch(`/api/boards/${boardId}/photos`, { method: "POST", body }).catch(() => null);
    const answer = (await response?.json().catch(() => null)) as { photoId?: string; error?: string } | null;
    if (!response?.ok || !answer?.photoId) {
      setBusy(false);
      return setMessage({ ok: false, text: answer?.error ?? "The map didn't upload. Try again." });
    }
    const ack = await board.updateBoard({ mapPhotoId: answer.photoId });
    setBusy(false);
    if (!ack?.ok) return setMessage({ ok: false, text: ack?.error.message ?? "The map didn't change. Try again." });
    setMessage({ ok: true, text: "The map is up on every screen." });
    if (input.current) input.current.value = "";
  };

  return (
    <form onSubmit={upload} className="card space-y-3 p-5" aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`} className="text-lg font-bold">
        Map image
      </h2>
      <p className="text-sm text-ink-soft">
        {hasMap
          ? "Replace the map with another image. Pins stay at the same place relative to the image."
          : "Upload a map of the area (JPEG, PNG or WebP, up to 8 MB). People then pin notes on it from their phones."}
      </p>
      <label htmlFor={`${id}-file`} className="field-label">
        Image of the map
      </label>
      <input
        id={`${id}-file`}
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        className="block w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border-0 file:bg-brand-soft file:px-4 file:font-semibold file:text-ink"
      />
      <button type="submit" className="btn btn-primary w-full" disabled={busy}>
        {busy ? "Uploading…" : hasMap ? "Replace the map" : "Upload the map"}
      </button>
      <output aria-live="polite" className={`block text-sm font-semibold ${message?.ok ? "text-brand" : "text-danger"}`}>
        {message?.text}
      </output>
    </form>
  );
}
