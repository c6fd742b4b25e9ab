import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { projectMilestones } from "@/db/schema";
import { type Basis, mergeEdit } from "@/lib/forms/edit-basis";
import { maxMilestones } from "./check-in-rules";
import { type MilestoneView, milestoneViews, postedMilestoneViews } from "./follow-up-merge";

export type PostedMilestone = { day: number; title: string; dueAt: number; done: boolean };

export type MilestonesSaved =
  | { kind: "saved"; stored: MilestoneView[] }
  /** Another organiser saved a different list since the form was drawn: theirs is kept. */
  | { kind: "conflict"; stored: MilestoneView[] }
  | { kind: "too_many"; count: number };

/**
 * A project's milestones as the form posts them: the whole list, merged on the form's basis as one
 * field. A row that stays as it was keeps its id and when it was reached, so saving a form
 * unchanged changes nothing a reminder or a report counts on. More than `maxMilestones` is refused
 * whole: the form shows every stored row, and none may be dropped without the organiser seeing it.
 */
export async function saveMilestones(
  tx: Tx,
  projectId: string,
  posted: PostedMilestone[],
  basis: Basis | null,
  now: number,
): Promise<MilestonesSaved> {
  if (posted.length > maxMilestones) return { kind: "too_many", count: posted.length };
  const existing = await tx.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId));
  const merge = mergeEdit(basis, { milestones: postedMilestoneViews(posted) }, { milestones: milestoneViews(existing) });
  if (merge.conflicts.length > 0) return { kind: "conflict", stored: milestoneViews(existing) };
  // Mine unchanged since the form was drawn, theirs changed: theirs stands, nothing to write.
  if (merge.theirs.length > 0) return { kind: "saved", stored: milestoneViews(existing) };
  const unmatched = [...existing];
  for (const m of posted) {
    // The same milestone as before (same day and title): kept, with when it was marked done if it already was.
    const index = unmatched.findIndex((e) => e.day === m.day && e.title === m.title);
    const before = index >= 0 ? unmatched.splice(index, 1)[0] : undefined;
    const row = { day: m.day, title: m.title, dueAt: m.dueAt, doneAt: m.done ? (before?.doneAt ?? now) : null };
    if (before) await tx.update(projectMilestones).set(row).where(eq(projectMilestones.id, before.id));
    else await tx.insert(projectMilestones).values({ ...row, id: randomUUID(), projectId });
  }
  for (const gone of unmatched) await tx.delete(projectMilestones).where(eq(projectMilestones.id, gone.id));
  return { kind: "saved", stored: postedMilestoneViews(posted) };
}
