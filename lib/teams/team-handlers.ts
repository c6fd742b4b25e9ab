import { deleteNotesOf } from "@/lib/participants/delete-notes-of";
import { findDetails } from "@/lib/participants/find-details";
import { leaveEvent, removeParticipant } from "@/lib/participants/leave-event";
import { updateProfile } from "@/lib/participants/update-profile";
import type { teamCommandSchemas } from "@/lib/realtime/contract-teams";
import type { HandlerTable } from "@/lib/realtime/handler";
import { createTeam } from "./create-team";
import { joinTeam } from "./join-team";
import { leaveTeam } from "./leave-team";
import { moveParticipant } from "./move-participant";
import { splitTeam } from "./split-team";
import { teamsSnapshot } from "./teams-snapshot";
import { updateTeam } from "./update-team";

/** The teams and participants commands, spread into lib/realtime/handlers.ts. */
export const teamHandlers: Pick<HandlerTable, keyof typeof teamCommandSchemas> = {
  "teams:snapshot": teamsSnapshot,
  "team:join": joinTeam,
  "team:leave": leaveTeam,
  "team:create": createTeam,
  "team:update": updateTeam,
  "team:split": splitTeam,
  "profile:update": updateProfile,
  "participants:details": findDetails,
  "event:leave": leaveEvent,
  "participant:remove": removeParticipant,
  "participant:notes-delete": deleteNotesOf,
  "participant:move": moveParticipant,
};
