import { z } from "zod";
import { listWithSpareRows } from "@/lib/forms/list-fields";
import { londonTime, outsideEventYears, readLondonTime } from "./event-details";

const maxPhases = 20;

/** An end time is optional: blank means "until the next phase". */
const optionalLondonTime = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (!value) return null;
    const read = readLondonTime(value, {
      notReal: "Enter a real date and time, or leave the end blank.",
      outsideYears: outsideEventYears,
    });
    if (!read.ok) {
      ctx.addIssue({ code: "custom", message: read.message });
      return z.NEVER;
    }
    return read.epoch;
  });

export const phaseSchema = z
  .object({
    /** Present for a phase that already exists, so its id (and anything pointing at it) survives an edit. */
    id: z.string().max(64).optional(),
    name: z
      .string()
      .trim()
      .min(1, "Give this phase a name, like Kick-off evening.")
      .max(80, "Keep the name to 80 characters or fewer."),
    startsAt: londonTime("Say when this phase starts."),
    endsAt: optionalLondonTime,
  })
  .refine((phase) => phase.endsAt === null || phase.endsAt > phase.startsAt, {
    path: ["endsAt"],
    message: "The end must be after the start.",
  });

const tooManyPhases = `Keep the agenda to ${maxPhases} phases or fewer.`;
export const agendaSchema = z.array(phaseSchema).max(maxPhases, tooManyPhases);

/** A row of the agenda editor left blank (its id aside: a phase emptied is a phase removed) is no phase. */
export const isSparePhase = (row: Record<string, unknown>) =>
  ["name", "startsAt", "endsAt"].every((key) => String(row[key] ?? "").trim() === "");

/** The agenda as its editor posts it: blank rows dropped, each message about the row where it stands. */
export const postedAgendaSchema = listWithSpareRows(phaseSchema, isSparePhase, maxPhases, tooManyPhases);

export type AgendaPhase = z.output<typeof phaseSchema>;

/**
 * The order an agenda is shown in: by start time, and for phases that start together, in the
 * order the organiser put them. Returns a new array.
 */
export function orderAgenda<T extends { startsAt: number; position: number }>(phases: readonly T[]): T[] {
  return [...phases].sort((a, b) => a.startsAt - b.startsAt || a.position - b.position);
}

export { moveItem } from "@/lib/forms/list-fields";

/** An agenda as two organisers' saves are compared (lib/forms/edit-basis.ts): the phases in order, as one value. */
export function agendaForMerge(phases: readonly { id?: string; name: string; startsAt: number; endsAt: number | null }[]) {
  return { phases: phases.map((p) => ({ id: p.id ?? null, name: p.name, startsAt: p.startsAt, endsAt: p.endsAt })) };
}
