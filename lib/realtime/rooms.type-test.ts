/**
 * Compile-time tests of the rooms contract, run by `npx tsc --noEmit` (nothing here runs).
 * Each `@ts-expect-error` fails the type check if the line below it ever compiles.
 */
import type { BoardView, RoomEvent, WireNote } from "./contract";
import type { Broadcast } from "./handler";
import { rooms } from "./rooms";

declare const board: BoardView;
declare const note: WireNote;

export const rightRooms: Broadcast[] = [
  { room: rooms.board("b1"), event: "board:changed", data: { board } },
  { room: rooms.event("e1"), event: "board:listed", data: { board } },
  { room: rooms.board("b1"), event: "note:created", data: { note } },
];

export const wrongRooms: Broadcast[] = [
  // @ts-expect-error a board's change is `board:listed` in the event room, not `board:changed`
  { room: rooms.event("e1"), event: "board:changed", data: { board } },
  // @ts-expect-error notes belong to a board room
  { room: rooms.teams("e1"), event: "note:created", data: { note } },
  // @ts-expect-error vote rounds are in the votes room, not the board's
  { room: rooms.board("b1"), event: "vote:round-changed", data: { round: null } },
  // @ts-expect-error a room key is made by `rooms`, never spelled by hand
  { room: "board:b1", event: "board:changed", data: { board } },
];

// A reducer of one room cannot be handed another room's events.
export function boardReducer(event: RoomEvent<"board">) {
  // @ts-expect-error `announcement:made` is an event-room event
  if (event.name === "announcement:made") return null;
  return event.name;
}
