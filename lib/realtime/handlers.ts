import { sendAnnouncement } from "@/lib/announcements/send-announcement";
import { openBoard } from "@/lib/boards/open-board";
import { eventSnapshot } from "@/lib/events/event-snapshot";
import { createNote } from "@/lib/notes/create-note";
import type { HandlerTable } from "./handler";

/** Every command the server accepts. A command missing here is a type error. */
export const handlers: HandlerTable = {
  "event:snapshot": eventSnapshot,
  "board:open": openBoard,
  "note:create": createNote,
  "announcement:send": sendAnnouncement,
};
