import type { Wall } from "@/lib/realtime/contract";

/** How a wall is named to people ("the votes on Ideas"). */
export function wallLabel(wall: Pick<Wall, "kind">, boardTitle: string | null = null): string {
  switch (wall.kind) {
    case "join":
      return "how to join";
    case "board":
      return boardTitle ? `the board ${boardTitle}` : "a board";
    case "votes":
      return boardTitle ? `the votes on ${boardTitle}` : "the vote results";
    case "teams":
      return "the teams";
    case "agenda":
      return "the agenda";
    case "announcement":
      return "the announcement";
    case "rotate":
      return "the team boards in turn";
    case "presentations":
      return "the presentations";
  }
}
