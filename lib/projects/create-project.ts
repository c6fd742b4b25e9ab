import { randomUUID } from "node:crypto";
import type { Tx } from "@/db/client";
import { projectMilestones, projects } from "@/db/schema";
import { defaultLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { standardMilestoneDates } from "./check-in-rules";

/** The standard milestones' first titles, in `locale` (the event's language): words the organisers then edit as their own. */
export function defaultMilestoneTitle(locale: string): (day: number) => string {
  const t = translator(locale, "projects.milestones.defaults");
  return (day) => (day === 30 || day === 60 || day === 90 ? t(`day${day}`) : t("other", { day }));
}

/** A team's output carried forward, with 30/60/90-day milestones from today to start with. */
export async function createProject(
  tx: Tx,
  input: {
    eventId: string;
    teamId: string | null;
    title: string;
    summary: string;
    ownerName: string;
    ownerRole: string;
    /** Where reminders go; empty when the organisers pass the owner's link on themselves. */
    ownerEmail?: string;
    coOwners: { name: string; role: string }[];
    now?: number;
    /** The language the milestones' first titles are written in: the event's. */
    locale?: string;
  },
) {
  const id = randomUUID();
  const startedAt = input.now ?? Date.now();
  const { now: _now, locale, ...fields } = input;
  const title = defaultMilestoneTitle(locale ?? defaultLocale);
  await tx.insert(projects).values({ ...fields, id, startedAt });
  await tx.insert(projectMilestones).values(
    standardMilestoneDates(startedAt).map((m) => ({
      id: randomUUID(),
      projectId: id,
      day: m.day,
      title: title(m.day),
      dueAt: m.dueAt,
    })),
  );
  return id;
}
