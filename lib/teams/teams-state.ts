/**
 * The teams overview as every screen holds it, and how each broadcast changes it. Pure, so
 * RoomSync can apply events in sequence and the reducer is tested without a socket.
 */
import type { PersonView, TeamsSnapshot, TeamView } from "@/lib/realtime/contract-teams";
import type { RoomEvent, RoomReducer } from "@/lib/realtime/rooms";

export type TeamsState = Omit<TeamsSnapshot, "seq">;

export type TeamEvent = RoomEvent<"teams">;

const byPosition = (a: TeamView, b: TeamView) => a.position - b.position || a.name.localeCompare(b.name);

function upsertPerson(people: PersonView[], person: PersonView) {
  const i = people.findIndex((p) => p.id === person.id);
  if (i < 0) return [...people, person];
  const next = [...people];
  next[i] = person;
  return next;
}

function upsertTeam(teams: TeamView[], team: TeamView) {
  return [...teams.filter((t) => t.id !== team.id), team].sort(byPosition);
}

export function applyTeamEvent(state: TeamsState, event: TeamEvent): TeamsState {
  switch (event.name) {
    case "team:membership-changed":
    case "participant:joined":
    case "participant:profile-updated":
      return { ...state, people: upsertPerson(state.people, event.data.person) };
    case "team:created":
    case "team:updated":
      return { ...state, teams: upsertTeam(state.teams, event.data.team) };
    case "participant:left":
      return { ...state, people: state.people.filter((p) => p.id !== event.data.participantId) };
  }
}

/** Whether anyone in `before` (id → shown name) is gone from `now` or shown by another name there. */
export function renamedOrGone(before: ReadonlyMap<string, string>, now: ReadonlyMap<string, string>) {
  for (const [id, name] of before) if (now.get(id) !== name) return true;
  return false;
}

export const membersOf = (state: Pick<TeamsState, "people">, teamId: string) => state.people.filter((p) => p.teamId === teamId);

/** The teams room, as `useRoom("teams", null, teamsRoom)` follows it. */
export const teamsRoom: RoomReducer<"teams", TeamsState> = {
  init: ({ seq: _, ...state }) => state,
  apply: applyTeamEvent,
};
