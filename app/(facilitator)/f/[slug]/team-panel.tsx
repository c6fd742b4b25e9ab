"use client";

import Link from "next/link";
import { useState } from "react";
import { ActivityLine } from "@/app/live/activity-line";
import type { StaffState } from "@/lib/activity/staff-state";
import { formatClock } from "@/lib/events/event-dates";
import { useConnection } from "@/lib/realtime/client/react";
import { useServerNow } from "@/lib/realtime/client/server-clock";

const clockTime = (at: number) => formatClock(at, true);

/** Whether this console's room controls are locked by someone else, and who. */
export function lockedBy(staff: StaffState | null): string | null {
  if (!staff?.lead.controlsLocked || !staff.lead.lead) return null;
  return staff.lead.lead.accountId === staff.me.accountId ? null : staff.lead.lead.name;
}

/** Who leads the room: hand the lead on, take it, lock the room controls. */
export function LeadPanel({ staff, slug, canInvite }: { staff: StaffState | null; slug: string; canInvite: boolean }) {
  const connection = useConnection();
  const [to, setTo] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!staff) return <p className="card p-5 text-ink-soft">Loading the team…</p>;
  const { lead, controlsLocked } = staff.lead;
  const iLead = lead?.accountId === staff.me.accountId;
  const others = staff.staff.filter((s) => s.accountId !== lead?.accountId);
  const choice = others.some((s) => s.accountId === to)
    ? to
    : (others.find((s) => s.accountId !== staff.me.accountId)?.accountId ?? others[0]?.accountId ?? "");
  const mayHand = !lead || iLead || staff.staff.find((s) => s.accountId === staff.me.accountId)?.role === "organiser";

  const send = async (name: "lead:hand" | "room:lock", payload: { accountId: string } | { locked: boolean }, done: string) => {
    if (!connection) return;
    const sent = connection.send(name, payload as never);
    const ack = await sent.done;
    if (ack.ok) setMessage({ ok: true, text: done });
    else {
      connection.dismiss(sent.id);
      setMessage({ ok: false, text: ack.error.message });
    }
  };
  const nameOf = (id: string) => staff.staff.find((s) => s.accountId === id)?.name ?? "them";

  return (
    <section aria-labelledby="lead-title" className="card space-y-3 p-4" data-testid="lead-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="lead-title" className="text-lg font-bold">
          Running the room together
        </h2>
        {canInvite ? (
          <Link href={`/o/${slug}/invite`} className="btn btn-secondary min-h-10 px-3 py-1 text-sm">
            Add a facilitator
          </Link>
        ) : null}
      </div>
      <p data-testid="lead-status">
        {lead ? (
          <>
            Lead: <strong>{iLead ? `you (${lead.name})` : lead.name}</strong>
            {controlsLocked ? " · room controls locked" : " · everyone can run the room"}
          </>
        ) : (
          "Nobody leads yet: everyone on the team can change phases, the timer and the big screen."
        )}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        {mayHand && others.length > 0 ? (
          <>
            <div className="min-w-48 flex-1">
              <label htmlFor="lead-to" className="field-label text-sm">
                {!lead ? "Who leads" : iLead ? "Hand the lead to" : "Move the lead to"}
              </label>
              <select id="lead-to" className="field-input" value={choice} onChange={(e) => setTo(e.target.value)}>
                {others.map((s) => (
                  <option key={s.accountId} value={s.accountId}>
                    {s.accountId === staff.me.accountId ? `Me (${s.name})` : `${s.name} (${s.role})`}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="btn btn-secondary"
              disabled={!choice}
              onClick={() =>
                void send(
                  "lead:hand",
                  { accountId: choice },
                  choice === staff.me.accountId ? "You lead now." : `${nameOf(choice)} leads now.`,
                )
              }
            >
              {choice !== staff.me.accountId ? "Hand over the lead" : lead ? "Take the lead back" : "Take the lead"}
            </button>
          </>
        ) : null}
        {iLead ? (
          <button
            type="button"
            aria-pressed={controlsLocked}
            className={controlsLocked ? "btn btn-primary" : "btn btn-secondary"}
            onClick={() =>
              void send(
                "room:lock",
                { locked: !controlsLocked },
                controlsLocked ? "Everyone can run the room again." : "Only you change phases, the timer and the big screen now.",
              )
            }
          >
            {controlsLocked ? "Unlock room controls" : "Lock room controls"}
          </button>
        ) : null}
      </div>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm font-semibold ${message.ok ? "text-ink-soft" : "text-danger"}`}
        >
          {message.text}
        </p>
      ) : null}
      {!canInvite ? <p className="text-sm text-ink-soft">To add a facilitator, ask an organiser of the event.</p> : null}
    </section>
  );
}

/** Who did what and when, live on every console: nothing anyone on the team does goes unseen. */
export function ActivityLog({ staff }: { staff: StaffState | null }) {
  useServerNow(30_000);
  return (
    <section id="activity" aria-labelledby="activity-title" className="card scroll-mt-20 space-y-3 p-4">
      <h2 id="activity-title" className="text-lg font-bold">
        Activity
      </h2>
      {!staff ? (
        <p className="text-ink-soft">Loading…</p>
      ) : staff.log.length === 0 ? (
        <p className="text-ink-soft">
          Nothing yet. Phases, timers, walls, votes, locks, reveals and announcements appear here as the team acts.
        </p>
      ) : (
        // A list that scrolls on its own must be reachable from the keyboard to be scrolled (WCAG 2.1.1).
        <ol
          className="max-h-[min(24rem,60vh)] divide-y divide-line overflow-y-auto rounded-xl ring-1 ring-line focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand"
          data-testid="activity-log"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region is scrolled with the keys once focused
          tabIndex={0}
          aria-labelledby="activity-title"
        >
          {staff.log.map((e) => (
            <ActivityLine key={e.id} entry={e} when={clockTime(e.at)} testId="activity-entry" />
          ))}
        </ol>
      )}
    </section>
  );
}
