"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ActivityLine } from "@/app/live/activity-line";
import type { StaffState } from "@/lib/activity/staff-state";
import { formatClock } from "@/lib/events/event-dates";
import { useOutboxText } from "@/lib/realtime/client/outbox-text";
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
  const t = useTranslations("console.lead");
  const connection = useConnection();
  const say = useOutboxText();
  const [to, setTo] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!staff) return <p className="card p-5 text-ink-soft">{t("loading")}</p>;
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
      setMessage({ ok: false, text: say(ack.error.message) });
    }
  };
  const nameOf = (id: string) => staff.staff.find((s) => s.accountId === id)?.name ?? t("them");

  return (
    <section aria-labelledby="lead-title" className="card space-y-3 p-4" data-testid="lead-panel">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="lead-title" className="text-lg font-bold">
          {t("title")}
        </h2>
        {canInvite ? (
          <Link href={`/o/${slug}/invite`} className="btn btn-secondary min-h-10 px-3 py-1 text-sm">
            {t("addFacilitator")}
          </Link>
        ) : null}
      </div>
      <p data-testid="lead-status">
        {lead
          ? t.rich("status", {
              who: iLead ? t("you", { name: lead.name }) : lead.name,
              locked: controlsLocked ? "yes" : "no",
              strong: (chunks) => <strong>{chunks}</strong>,
            })
          : t("nobody")}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        {mayHand && others.length > 0 ? (
          <>
            <div className="min-w-48 flex-1">
              <label htmlFor="lead-to" className="field-label text-sm">
                {!lead ? t("whoLeads") : iLead ? t("handTo") : t("moveTo")}
              </label>
              <select id="lead-to" className="field-input" value={choice} onChange={(e) => setTo(e.target.value)}>
                {others.map((s) => (
                  <option key={s.accountId} value={s.accountId}>
                    {s.accountId === staff.me.accountId
                      ? t("optionMe", { name: s.name })
                      : t("option", { name: s.name, role: s.role })}
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
                  choice === staff.me.accountId ? t("youLeadNow") : t("leadsNow", { name: nameOf(choice) }),
                )
              }
            >
              {choice !== staff.me.accountId ? t("handOver") : lead ? t("takeBack") : t("take")}
            </button>
          </>
        ) : null}
        {iLead ? (
          <button
            type="button"
            aria-pressed={controlsLocked}
            className={controlsLocked ? "btn btn-primary" : "btn btn-secondary"}
            onClick={() =>
              void send("room:lock", { locked: !controlsLocked }, controlsLocked ? t("unlockedNow") : t("lockedNow"))
            }
          >
            {controlsLocked ? t("unlock") : t("lock")}
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
      {!canInvite ? <p className="text-sm text-ink-soft">{t("askOrganiser")}</p> : null}
    </section>
  );
}

/** Who did what and when, live on every console: nothing anyone on the team does goes unseen. */
export function ActivityLog({ staff }: { staff: StaffState | null }) {
  const t = useTranslations("console.activity");
  useServerNow(30_000);
  return (
    <section id="activity" aria-labelledby="activity-title" className="card scroll-mt-20 space-y-3 p-4">
      <h2 id="activity-title" className="text-lg font-bold">
        {t("title")}
      </h2>
      {!staff ? (
        <p className="text-ink-soft">{t("loading")}</p>
      ) : staff.log.length === 0 ? (
        <p className="text-ink-soft">{t("empty")}</p>
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
