"use client";

import { useTranslations } from "next-intl";
import { updatedMessage } from "@/lib/realtime/client/outbox";
import { useConnection, useConnectionStatus, usePending } from "@/lib/realtime/client/react";

const dots = {
  online: "bg-emerald-500",
  connecting: "bg-amber-400 animate-pulse",
  offline: "bg-gray-400",
  refused: "bg-red-600",
  closed: "bg-amber-400",
  finished: "bg-gray-400",
  outdated: "bg-red-600",
} as const;

/** Tells people whether what they do is reaching the room, and how much is waiting to go. */
export function ConnectionPill({ tone = "light" }: { tone?: "light" | "dark" }) {
  const t = useTranslations("live.status");
  const status = useConnectionStatus();
  // Why the server ended this device's access (left, removed, signed out, paused for flooding, the event closed or finished).
  const ended = useConnection()?.ended;
  const pending = usePending();
  const waiting = pending.filter((p) => !p.error).length;
  const dropped = pending.filter((p) => p.error?.message === updatedMessage).length;
  const said = (status === "refused" || status === "closed" || status === "finished") && ended ? ended : null;
  return (
    <output
      aria-live="polite"
      data-status={status}
      // A sentence of why (two lines on a phone) sits in a box, not a squeezed capsule.
      className={`inline-flex items-center gap-2 px-3 py-1 text-sm font-semibold ${said ? "rounded-xl" : "rounded-full"} ${
        tone === "dark" ? "bg-white/10 text-white" : "bg-white text-ink ring-1 ring-line"
      }`}
    >
      <span aria-hidden className={`h-2.5 w-2.5 shrink-0 rounded-full ${dots[status]}`} />
      {said ?? t(status)}
      {waiting > 0 ? <span className="font-normal">{t("waiting", { count: waiting })}</span> : null}
      {dropped > 0 ? <span className="font-normal">{t("dropped", { count: dropped })}</span> : null}
    </output>
  );
}
