import type { BoardView, WireNote } from "@/lib/realtime/contract-boards";

/** A board as a screen receives it, for tests of what screens do with it. */
export const wireBoard = (
  columns = [
    { key: "a", title: "A" },
    { key: "b", title: "B" },
  ],
): BoardView => ({
  id: "b1",
  eventId: "e1",
  teamId: null,
  title: "Ideas",
  template: "ideas",
  columns,
  locked: false,
  anonymous: false,
  hiddenUntilReveal: false,
  revealed: false,
  mapUrl: null,
});

/** A note of that board as a screen receives it. */
export const wireNote = (id: string, extra: Partial<WireNote> = {}): WireNote => ({
  id,
  boardId: "b1",
  column: "a",
  position: 1,
  text: id,
  hidden: false,
  withheld: false,
  colour: "yellow",
  authorName: "A",
  authorTag: "them",
  groupId: null,
  photoUrl: null,
  pin: null,
  version: 1,
  createdAt: 1,
  source: null,
  ...extra,
});
