"use client";

import { useTranslations } from "next-intl";
import { useDraft } from "@/app/live/use-draft";

/**
 * Where the box for a new note was, while notes can't be added (the board locked mid-sentence):
 * the words being written, and that they are kept and come back in the box, so nobody thinks
 * them lost. Nothing when nothing was being written.
 */
export function KeptNoteDraft({ boardId }: { boardId: string }) {
  const t = useTranslations("board");
  const [kept] = useDraft(`note.${boardId}`);
  if (!kept?.trim()) return null;
  return (
    <div className="space-y-2 rounded-xl bg-white p-4 ring-1 ring-line" data-testid="kept-note-draft">
      <p role="status" className="font-semibold">
        {t("keptWhileClosed")}
      </p>
      <p className="whitespace-pre-wrap break-words border-s-4 border-line ps-3 text-ink-soft">{kept}</p>
    </div>
  );
}
