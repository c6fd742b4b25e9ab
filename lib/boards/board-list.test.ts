import { describe, expect, it } from "vitest";
import type { BoardListing, BoardView } from "@/lib/realtime/contract-boards";
import { boardChoiceLabels, upsertListing } from "./board-list";

const listing = (id: string, extra: Partial<BoardListing> = {}): BoardListing => ({
  id,
  title: id,
  teamId: null,
  teamName: null,
  template: "ideas",
  locked: false,
  hiddenUntilReveal: false,
  revealed: false,
  ...extra,
});
const view = (id: string, extra: Partial<BoardView> = {}): BoardView => ({
  id,
  eventId: "e1",
  teamId: null,
  title: id,
  template: "ideas",
  columns: [],
  locked: false,
  anonymous: false,
  hiddenUntilReveal: false,
  revealed: false,
  mapUrl: null,
  ...extra,
});

describe("the event's board list", () => {
  const list = [listing("welcome"), listing("parks", { teamId: "t1", teamName: "Parks" })];

  it("adds a board created later, plenary boards before team boards, borrowing its team's name", () => {
    const withTeam = upsertListing(list, view("parks-2", { teamId: "t1", title: "Parks, day 2" }));
    expect(withTeam.map((b) => b.id)).toEqual(["welcome", "parks", "parks-2"]);
    expect(withTeam[2]).toMatchObject({ teamName: "Parks", title: "Parks, day 2" });
    const plenary = upsertListing(withTeam, view("shortlist", { title: "Shortlist" }));
    expect(plenary.map((b) => b.id)).toEqual(["welcome", "shortlist", "parks", "parks-2"]);
    expect(upsertListing(list, view("new-team", { teamId: "t9" }))[2]?.teamName).toBeNull();
  });

  it("changes a board in place: locked, revealed, renamed; the same change twice is harmless", () => {
    const locked = upsertListing(list, view("parks", { teamId: "t1", locked: true, title: "Parks!" }));
    expect(locked.map((b) => b.id)).toEqual(["welcome", "parks"]);
    expect(locked[1]).toMatchObject({ locked: true, title: "Parks!", teamName: "Parks" });
    expect(upsertListing(locked, view("parks", { teamId: "t1", locked: true, title: "Parks!" }))).toEqual(locked);
  });
});

describe("boards named in a list to pick from", () => {
  it("tells apart boards that would read the same, and leaves the rest as they are", () => {
    const labels = boardChoiceLabels([
      { id: "1", title: "Shortlist", teamName: null },
      { id: "2", title: "Ideas", teamName: "Parks" },
      { id: "3", title: "Shortlist", teamName: null },
      { id: "4", title: "Shortlist", teamName: "Parks" },
    ]);
    expect([...labels.values()]).toEqual(["Shortlist (1 of 2)", "Ideas (Parks)", "Shortlist (2 of 2)", "Shortlist (Parks)"]);
  });
});
