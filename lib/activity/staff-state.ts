/**
 * The staff room as a console holds it (activity log, lead, lock, staff) and how each event
 * changes it. Pure, for the browser and unit tests alike.
 */
import type { ActivityEntry, LeadView, StaffMember, StaffSnapshot } from "@/lib/realtime/contract";
import type { RoomReducer } from "@/lib/realtime/rooms";

/** How many lines of the log a console keeps; the review shows them all. */
export const consoleLogLength = 100;

export type StaffState = {
  log: ActivityEntry[];
  lead: LeadView;
  staff: StaffMember[];
  me: { accountId: string };
};

/** Newest first; the same entry heard twice (snapshot, then its broadcast) is kept once. */
export function addEntry(log: ActivityEntry[], entry: ActivityEntry): ActivityEntry[] {
  if (log.some((e) => e.id === entry.id)) return log;
  const next = [entry, ...log];
  next.sort((a, b) => b.at - a.at);
  return next.slice(0, consoleLogLength);
}

export const staffRoom: RoomReducer<"staff", StaffState> = {
  init: (s: StaffSnapshot) => ({ log: s.log.slice(0, consoleLogLength), lead: s.lead, staff: s.staff, me: s.me }),
  apply(state, e) {
    switch (e.name) {
      case "activity:logged":
        return { ...state, log: addEntry(state.log, e.data.entry) };
      case "lead:changed":
        return { ...state, lead: e.data.lead };
      case "staff:changed":
        return { ...state, staff: e.data.staff, lead: e.data.lead };
    }
  },
};
