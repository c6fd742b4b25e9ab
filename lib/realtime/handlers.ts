import { staffHandlers } from "@/lib/activity/staff-handlers";
import { sendAnnouncement } from "@/lib/announcements/send-announcement";
import { boardHandlers } from "@/lib/boards/board-handlers";
import { eventSnapshot } from "@/lib/events/event-snapshot";
import { presentationHandlers } from "@/lib/presentations/presentation-handlers";
import { roomHandlers } from "@/lib/room/room-handlers";
import { teamHandlers } from "@/lib/teams/team-handlers";
import { votingHandlers } from "@/lib/voting/vote-handlers";
import type { HandlerTable } from "./handler";

/** Every command the server accepts. A command missing here is a type error. */
export const handlers: HandlerTable = {
  "event:snapshot": eventSnapshot,
  "announcement:send": sendAnnouncement,
  ...boardHandlers,
  ...votingHandlers,
  ...teamHandlers,
  ...roomHandlers,
  ...presentationHandlers,
  ...staffHandlers,
};
