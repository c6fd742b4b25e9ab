"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { NoteCard } from "@/app/live/note-card";
import type { BoardHandle } from "@/lib/realtime/client/use-board";
import { BoardBadges } from "./board-badges";
import { MapCanvas, numberedPins } from "./map-canvas";

/**
 * A map board on a laptop or a projector: the map with every pin and its note. With
 * `interactive`, pins are dragged, or moved with the arrow keys once focused.
 */
export function MapWall({ board, interactive, tone }: { board: BoardHandle; interactive: boolean; tone: "light" | "dark" }) {
  const t = useTranslations("wall.map");
  const { state, mapNotes, pinNote } = board;
  const [message, setMessage] = useState<string | null>(null);
  const movePin = useCallback(
    (noteId: string, pin: { x: number; y: number }) =>
      void pinNote(noteId, pin)?.then((ack) => setMessage(ack.ok ? null : ack.error.message)),
    [pinNote],
  );
  if (!state) return null;
  const dark = tone === "dark";
  const pins = numberedPins(mapNotes);
  const unpinned = mapNotes.filter((n) => !n.hidden && !n.pin);
  const hidden = mapNotes.filter((n) => n.hidden).length;
  const soft = dark ? "text-white/75" : "text-ink-soft";

  return (
    <section aria-labelledby={`wall-${state.board.id}`} className="space-y-4" data-testid="map-wall">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id={`wall-${state.board.id}`} className={dark ? "text-4xl font-extrabold" : "text-2xl font-extrabold"}>
            {state.board.title}
          </h2>
          <BoardBadges board={state.board} tone={tone} />
        </div>
        <p className={dark ? "text-2xl text-white/75" : "text-ink-soft"}>{t("noteCount", { count: mapNotes.length, hidden })}</p>
      </div>
      {message ? (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-2 font-semibold text-danger">
          {message}
        </p>
      ) : null}
      {state.board.mapUrl ? (
        <MapCanvas
          mapUrl={state.board.mapUrl}
          pins={pins}
          size={dark ? "wall" : "desk"}
          onPinMove={interactive ? movePin : undefined}
        />
      ) : (
        <p className={`rounded-2xl p-8 text-center ${dark ? "bg-stage-raised text-3xl" : "bg-paper text-lg"}`}>{t("noMap")}</p>
      )}
      {unpinned.length > 0 ? (
        <section aria-label={t("notOnMapLabel")} className="space-y-2">
          <h3 className={dark ? "text-2xl font-bold" : "font-bold"}>{t("notOnMap")}</h3>
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(16rem,1fr))] gap-3">
            {unpinned.map((n) => (
              <li key={n.id}>
                <NoteCard note={n} size={dark ? "wall" : "compact"}>
                  {interactive && state.board.mapUrl ? (
                    <button
                      type="button"
                      className="btn btn-secondary mt-2 min-h-9 px-3 text-sm"
                      onClick={() => movePin(n.id, { x: 0.5, y: 0.5 })}
                    >
                      {t("putOnMap")}
                    </button>
                  ) : null}
                </NoteCard>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {interactive ? <p className={`text-sm ${soft}`}>{t("help")}</p> : null}
    </section>
  );
}
