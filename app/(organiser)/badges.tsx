import type { StaffRole } from "@/db/schema";

type EventStatus = "draft" | "published" | "archived";

const statusStyles: Record<EventStatus, { label: string; className: string }> = {
  draft: { label: "Draft", className: "bg-note-yellow text-ink" },
  published: { label: "Published", className: "bg-note-green text-ink" },
  archived: { label: "Archived", className: "bg-line text-ink-soft" },
};

const pill = "inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-semibold";

export function StatusBadge({ status }: { status: EventStatus }) {
  const style = statusStyles[status];
  return <span className={`${pill} ${style.className}`}>{style.label}</span>;
}

export function RoleBadge({ role }: { role: StaffRole }) {
  return (
    <span className={`${pill} ${role === "organiser" ? "bg-brand-soft text-brand-dark" : "bg-note-blue text-ink"}`}>
      {role === "organiser" ? "Organiser" : "Facilitator"}
    </span>
  );
}

const briefStatusStyles = {
  draft: { label: "Draft", className: "bg-note-yellow text-ink" },
  published: { label: "Published", className: "bg-note-green text-ink" },
  withdrawn: { label: "Withdrawn", className: "bg-line text-ink-soft" },
} as const;

export function BriefStatusBadge({ status }: { status: keyof typeof briefStatusStyles }) {
  const style = briefStatusStyles[status];
  return <span className={`${pill} ${style.className}`}>{style.label}</span>;
}
