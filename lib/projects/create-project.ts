import { randomUUID } from "node:crypto";
import type { Tx } from "@/db/client";
import { projectMilestones, projects } from "@/db/schema";
import { standardMilestoneDates } from "./check-in-rules";

const defaultTitles: Record<number, string> = {
  30: "First steps taken",
  60: "Something people can see",
  90: "What changed, and what next",
};

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
  },
) {
  const id = randomUUID();
  const startedAt = input.now ?? Date.now();
  const { now: _now, ...fields } = input;
  await tx.insert(projects).values({ ...fields, id, startedAt });
  await tx.insert(projectMilestones).values(
    standardMilestoneDates(startedAt).map((m) => ({
      id: randomUUID(),
      projectId: id,
      day: m.day,
      title: defaultTitles[m.day] ?? `Day ${m.day}`,
      dueAt: m.dueAt,
    })),
  );
  return id;
}
