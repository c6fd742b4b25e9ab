"use client";

import { useId, useState } from "react";
import { plural } from "@/lib/plural";
import { useConnection } from "@/lib/realtime/client/react";
import { usePrivateDetails } from "@/lib/realtime/client/teams";

type Action = { participantId: string; kind: "remove" | "notes" };

/**
 * For the console only: everyone in the event with how many notes they've written, most first,
 * so a flood stands out; staff can delete all of one person's notes or take them out of the
 * event (exactly as if they had left). Each asks for confirmation first.
 */
export function PeopleModeration({ changeKey }: { changeKey: unknown }) {
  const c = useConnection();
  const [reload, setReload] = useState(0);
  const details = usePrivateDetails(true, changeKey, reload);
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
    setNews(
      action.kind === "remove"
        ? `${name} has been taken out of the event.`
        : `Deleted ${plural(ack.result.notesDeleted, "note", "notes")} by ${name}.`,
    );
    setReload((n) => n + 1);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="card space-y-3 p-5 lg:col-span-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-bold">
          People and their notes
        </h2>
        <button type="button" className="link text-sm" onClick={() => setReload((n) => n + 1)}>
          Refresh counts
        </button>
      </div>
      <p className="text-sm text-ink-soft">
        If someone is flooding the boards or shouldn't be here, delete their notes or take them out of the event.
      </p>
      <label htmlFor={`${id}-q`} className="field-label">
        Find a person
      </label>
      <input
        id={`${id}-q`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        className="field-input"
        placeholder="Name"
      />
      {news ? (
        <p role="status" className="rounded-lg bg-paper p-3 text-sm">
          {news}
        </p>
      ) : null}
      {details === null ? (
        <p className="text-ink-soft">Loading…</p>
      ) : matches.length === 0 ? (
        <p className="text-ink-soft">Nobody matches.</p>
      ) : (
        <ul className="divide-y divide-line" data-testid="people-moderation">
          {matches.map((d) => {
            const open = confirming?.participantId === d.participantId ? confirming : null;
            return (
              <li key={d.participantId} className="space-y-2 py-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    <span className="font-semibold">{d.displayName}</span>{" "}
                    <span className="text-sm text-ink-soft">{plural(d.notes, "note", "notes")}</span>
                  </span>
                  <span className="flex flex-wrap gap-2">
                    <button
                      type="button"
                      className="btn btn-secondary min-h-11 py-2 text-sm"
                      disabled={d.notes === 0 || busy}
                      onClick={() => setConfirming({ participantId: d.participantId, kind: "notes" })}
                    >
                      Delete notes…<span className="sr-only"> by {d.displayName}</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-secondary min-h-11 py-2 text-sm"
                      disabled={busy}
                      onClick={() => setConfirming({ participantId: d.participantId, kind: "remove" })}
                    >
                      Remove…<span className="sr-only"> {d.displayName}</span>
                    </button>
                  </span>
                </div>
                {open ? (
                  <div className="space-y-2 rounded-xl bg-paper p-3">
                    <p className="font-semibold">
                      {open.kind === "remove"
                        ? `Take ${d.displayName} out of the event? Their details are erased and their phone is signed out at once. They could join again with the code.`
                        : `Delete all ${plural(d.notes, "note", "notes")} by ${d.displayName}? This can't be undone.`}
                    </p>
                    <div className="flex flex-wrap gap-2">
                      <button
                        type="button"
                        className="btn btn-danger min-h-11 py-2 text-sm"
                        disabled={busy}
                        onClick={() => act(open, d.displayName)}
                      >
                        {open.kind === "remove" ? `Yes, remove ${d.displayName}` : "Yes, delete them"}
                      </button>
                      <button
                        type="button"
                        className="btn btn-secondary min-h-11 py-2 text-sm"
                        onClick={() => setConfirming(null)}
                      >
                        Cancel
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
