"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { useConnection, useEventRoom } from "@/lib/realtime/client/react";
import { usePrivateDetails } from "@/lib/realtime/client/teams";

const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;

type Action = { participantId: string; kind: "remove" | "notes" };

/** How often at most the counts are read again while notes come in: a flood shows within this, at a few reads a minute. */
const countsFollowMs = 5000;

/**
 * Runs `reload` when the event's notes change in number (another facilitator cleared someone's,
 * or someone is flooding a board): at most once every few seconds, however many notes come.
 */
function useReloadAsNotesCount(reload: () => void) {
  const { noteCounts, snapshot } = useEventRoom();
  // Null until the event's snapshot: its counts are those the list was first read with.
  const total = snapshot ? Object.values(noteCounts).reduce((sum, n) => sum + n, 0) : null;
  const seen = useRef<number | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(reload);
  latest.current = reload;
  useEffect(() => {
    if (total === null) return;
    if (seen.current === null || seen.current === total) {
      seen.current = total;
      return;
    }
    seen.current = total;
    pending.current ??= setTimeout(() => {
      pending.current = null;
      latest.current();
    }, countsFollowMs);
  }, [total]);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );
}

/**
 * For the console only: everyone in the event with how many notes they've written where the
 * room sees their name, most first, so a flood stands out (anonymous boards' notes, and young people's pins on a map, are nobody's
 * in these counts: lib/participants/find-details.ts); staff can delete all of one person's notes or take them out of the
 * event (exactly as if they had left). Each asks for confirmation first.
 */
export function PeopleModeration({ changeKey }: { changeKey: unknown }) {
  const t = useTranslations("board-moderation");
  const c = useConnection();
  const [reload, setReload] = useState(0);
  useReloadAsNotesCount(() => setReload((n) => n + 1));
  const loaded = usePrivateDetails(true, changeKey, reload);
  const details = loaded?.people ?? null;
  // Nobody's count shows their unsigned notes (anonymous boards, young people's map pins): while the event has any, anyone may have some.
  const unsigned = loaded?.unsignedNotes ?? false;
  const [query, setQuery] = useState("");
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [news, setNews] = useState<string | null>(null);
  const id = useId();

  const matches = (details ?? [])
    .filter((d) => d.displayName.toLowerCase().includes(query.trim().toLowerCase()))
    .sort((a, b) => b.notes - a.notes || a.displayName.localeCompare(b.displayName))
    .slice(0, 8);

  const act = async (action: Action, name: string) => {
    if (!c) return;
    setBusy(true);
    const sent =
      action.kind === "remove"
        ? c.send("participant:remove", { participantId: action.participantId, deleteNotes: false })
        : c.send("participant:notes-delete", { participantId: action.participantId });
    const ack = await sent.done;
    setBusy(false);
    setConfirming(null);
    if (!ack.ok) {
      c.dismiss(sent.id);
      return setNews(ack.error.message);
    }
    setNews(action.kind === "remove" ? t("removed", { name }) : t("deleted", { count: ack.result.notesDeleted, name }));
    setReload((n) => n + 1);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="card space-y-3 p-5 lg:col-span-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-bold">
          {t("title")}
        </h2>
        <button type="button" className="link text-sm" onClick={() => setReload((n) => n + 1)}>
          {t("refresh")}
        </button>
      </div>
      <p className="text-sm text-ink-soft">
        {t("hint")}
        {unsigned ? <> {t("hintUnsigned")}</> : null}
      </p>
      <label htmlFor={`${id}-q`} className="field-label">
        {t("find")}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="field-input"
        placeholder={t("placeholder")}
      />
      {news ? (
        <p role="status" className="rounded-lg bg-paper p-3 text-sm">
          {news}
        </p>
      ) : null}
      {details === null ? (
        <p className="text-ink-soft">{t("loading")}</p>
      ) : matches.length === 0 ? (
        <p className="text-ink-soft">{t("nobody")}</p>
      ) : (
        <ul className="divide-y divide-line" data-testid="people-moderation">
          {matches.map((d) => {
            const open = confirming?.participantId === d.participantId ? confirming : null;
            return (
              <li key={d.participantId} className="space-y-2 py-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    <span className="font-semibold">{d.displayName}</span>{" "}
                    <span className="text-sm text-ink-soft">{t("notes", { count: d.notes })}</span>
                  </span>
                  <span className="flex flex-wrap gap-2">
                    <button
                      type="button"
                      className="btn btn-secondary min-h-11 py-2 text-sm"
                      disabled={(d.notes === 0 && !unsigned) || busy}
                      onClick={() => setConfirming({ participantId: d.participantId, kind: "notes" })}
                    >
                      {t.rich("deleteNotes", { name: d.displayName, sr })}
                    </button>
                    <button
                      type="button"
                      className="btn btn-secondary min-h-11 py-2 text-sm"
                      disabled={busy}
                      onClick={() => setConfirming({ participantId: d.participantId, kind: "remove" })}
                    >
                      {t.rich("remove", { name: d.displayName, sr })}
                    </button>
                  </span>
                </div>
                {open ? (
                  <div className="space-y-2 rounded-xl bg-paper p-3">
                    <p className="font-semibold">
                      {open.kind === "remove"
                        ? t("confirmRemove", { name: d.displayName })
                        : t(unsigned ? "confirmDeleteWithUnsigned" : "confirmDelete", { count: d.notes, name: d.displayName })}
                    </p>
                    <div className="flex flex-wrap gap-2">
                      <button
                        type="button"
                        className="btn btn-danger min-h-11 py-2 text-sm"
                        disabled={busy}
                        onClick={() => act(open, d.displayName)}
                      >
                        {open.kind === "remove" ? t("yesRemove", { name: d.displayName }) : t("yesDelete")}
                      </button>
                      <button
                        type="button"
                        className="btn btn-secondary min-h-11 py-2 text-sm"
                        onClick={() => setConfirming(null)}
                      >
                        {t("cancel")}
                      </button>
                    </div>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
