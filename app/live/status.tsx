"use client";

import { updatedMessage } from "@/lib/realtime/client/outbox";
import { useConnection, useConnectionStatus, usePending } from "@/lib/realtime/client/react";

const labels = {
  online: { text: "Live", dot: "bg-emerald-500" },
  connecting: { text: "Connecting…", dot: "bg-amber-400 animate-pulse" },
  offline: { text: "Offline — we'll send when you're back", dot: "bg-gray-400" },
  refused: { text: "Not signed in to this event", dot: "bg-red-600" },
  outdated: { text: "Made In was updated: reload this page", dot: "bg-red-600" },
} as const;

/** Tells people whether what they do is reaching the room, and how much is waiting to go. */
export function ConnectionPill({ tone = "light" }: { tone?: "light" | "dark" }) {
  const status = useConnectionStatus();
  // Why the server ended this device's access (left, removed, signed out, paused for flooding).
  const ended = useConnection()?.ended;
  const pending = usePending();
  const waiting = pending.filter((p) => !p.error).length;
  const dropped = pending.filter((p) => p.error?.message === updatedMessage).length;
  const label = labels[status];
  return (
    <output
      aria-live="polite"
      data-status={status}
      className={`inline-flex items-center gap-2 rounded-full px-3 py-1 text-sm font-semibold ${
        tone === "dark" ? "bg-white/10 text-white" : "bg-white text-ink ring-1 ring-line"
      }`}
    >
      <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${label.dot}`} />
      {status === "refused" && ended ? ended : label.text}
      {waiting > 0 ? <span className="font-normal">· {waiting} waiting to send</span> : null}
      {dropped > 0 ? (
        <span className="font-normal">
          · {dropped} {dropped === 1 ? "change" : "changes"} not sent: Made In was updated
        </span>
      ) : null}
    </output>
  );
}
