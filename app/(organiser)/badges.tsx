import { useTranslations } from "next-intl";
import type { StaffRole } from "@/db/schema";

type EventStatus = "draft" | "published" | "archived";

const statusStyles: Record<EventStatus, string> = {
  draft: "bg-note-yellow text-ink",
  published: "bg-note-green text-ink",
  archived: "bg-line text-ink-soft",
};

const pill = "inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-semibold";

export function StatusBadge({ status }: { status: EventStatus }) {
  const t = useTranslations("organiser.badges.status");
  return <span className={`${pill} ${statusStyles[status]}`}>{t(status)}</span>;
}

export function RoleBadge({ role }: { role: StaffRole }) {
  const t = useTranslations("organiser.badges.role");
  return (
    <span className={`${pill} ${role === "organiser" ? "bg-brand-soft text-brand-dark" : "bg-note-blue text-ink"}`}>
      {t(role === "organiser" ? "organiser" : "facilitator")}
    </span>
  );
}

const briefStatusStyles = {
  draft: "bg-note-yellow text-ink",
  published: "bg-note-green text-ink",
  withdrawn: "bg-line text-ink-soft",
} as const;

export function BriefStatusBadge({ status }: { status: keyof typeof briefStatusStyles }) {
  const t = useTranslations("organiser.badges.brief");
  return <span className={`${pill} ${briefStatusStyles[status]}`}>{t(status)}</span>;
}
