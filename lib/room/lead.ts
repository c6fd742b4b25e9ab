/**
 * Who may do what when a team of staff runs the room. Pure: the command path reads the room's
 * lead and lock and asks these.
 */
export type LeadState = { leadAccountId: string | null; controlsLocked: boolean };
export type StaffActor = { accountId: string; role: "organiser" | "facilitator" };

/** Phases, the timer and the big screen: anyone on staff, unless the lead has locked them. */
export const mayControlRoom = (state: LeadState, actor: StaffActor) =>
  !state.controlsLocked || state.leadAccountId === actor.accountId;

/**
 * Handing the lead on: anyone while nobody leads, then the lead. An organiser may also take it
 * back (the lead may have left the building with the controls locked).
 */
export const mayHandLead = (state: LeadState, actor: StaffActor) =>
  state.leadAccountId === null || state.leadAccountId === actor.accountId || actor.role === "organiser";

/** Only the lead locks and unlocks the room controls. */
export const mayLockControls = (state: LeadState, actor: StaffActor) => state.leadAccountId === actor.accountId;

/** A change within this long of another person's change of the same thing is said to replace it. */
export const replaceWindowMs = 5_000;

/**
 * How long a console says that a change replaced someone else's: long enough for both people to
 * notice (one may be on the floor with the room), short enough that it does not hang over the day.
 */
export const replacedNoticeMs = 10 * 60_000;

/**
 * The last change of each kind that replaced someone else's, newest first, while recent: a phase
 * replaced stays said when someone starts the timer a moment later.
 */
export function replacements<C extends { at: number; replaced?: unknown }>(
  changes: Partial<Record<string, C>>,
  now: number,
): C[] {
  return Object.values(changes)
    .filter((c): c is C => !!c?.replaced && now - c.at < replacedNoticeMs)
    .sort((a, b) => b.at - a.at);
}

/** Whether a change replaces another staff member's recent change of the same thing. */
export function replaces(
  before: { what: string; byKey?: string; at: number } | null,
  after: { what: string; byKey: string; at: number },
): boolean {
  return (
    before !== null &&
    before.byKey !== undefined &&
    before.what === after.what &&
    before.byKey !== after.byKey &&
    after.at - before.at <= replaceWindowMs
  );
}
