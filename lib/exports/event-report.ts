import { rank } from "@/lib/voting/rules";
import type { EventExport, ExportedBoard, ExportedProject } from "./export-schema";

/**
 * The export read as a report: who came, and each team with its brief, boards, votes and
 * projects. Pure, so the Markdown, the CSV files and the review page all say the same thing.
 */

export type VoteResult = {
  roundId: string;
  boardId: string;
  boardTitle: string;
  status: "open" | "closed" | "revealed";
  voters: number;
  dots: number;
  ranked: { targetId: string; label: string; dots: number; rank: number }[];
  shortlist: { targetId: string; label: string }[];
};

export type TeamReport = {
  id: string;
  name: string;
  brief: EventExport["briefs"][number] | null;
  /** Newest first; the first is the team's current framing. */
  reframes: EventExport["reframes"];
  members: EventExport["participants"];
  boards: ExportedBoard[];
  votes: VoteResult[];
  projects: ExportedProject[];
};

export type Attendance = {
  total: number;
  stayed: number;
  kinds: { kind: string | null; count: number }[];
  skills: { skill: string; count: number }[];
};

export function attendanceOf(data: EventExport): Attendance {
  const stayed = data.participants.filter((p) => p.leftAt === null);
  const kinds = new Map<string | null, number>();
  const skills = new Map<string, { skill: string; count: number }>();
  for (const p of stayed) {
    kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
    for (const skill of p.skills) {
      const key = skill.toLocaleLowerCase("en-GB");
      const entry = skills.get(key) ?? { skill, count: 0 };
      entry.count++;
      skills.set(key, entry);
    }
  }
  return {
    total: data.participants.length,
    stayed: stayed.length,
    kinds: [...kinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count),
    skills: [...skills.values()].sort((a, b) => b.count - a.count || a.skill.localeCompare(b.skill)),
  };
}

/** What a dot landed on, in words: a note's text or a group's title. */
export function targetLabels(boards: ExportedBoard[]) {
  const labels = new Map<string, string>();
  for (const board of boards) {
    for (const g of board.groups) labels.set(g.id, `Group: ${g.title || "Untitled group"}`);
    for (const n of board.notes) labels.set(n.id, n.text || (n.hadPhoto ? "(photo)" : "(empty note)"));
  }
  return labels;
}

export function voteResults(data: EventExport): VoteResult[] {
  const labels = targetLabels(data.boards);
  const boardTitle = new Map(data.boards.map((b) => [b.id, b.title]));
  const targetOrder = new Map([...labels.keys()].map((id, i) => [id, i]));
  return data.voteRounds.map((round) => {
    const tallies: Record<string, number> = {};
    for (const v of round.votes) tallies[v.targetId] = (tallies[v.targetId] ?? 0) + 1;
    const label = (id: string) => labels.get(id) ?? "(removed)";
    const order = (id: string) => targetOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
    return {
      roundId: round.id,
      boardId: round.boardId,
      boardTitle: boardTitle.get(round.boardId) ?? "",
      status: round.status,
      voters: new Set(round.votes.map((v) => v.voter)).size,
      dots: round.votes.length,
      // Equal tallies in board order, not by id: ids differ between instances, the board does not.
      ranked: rank(tallies)
        .sort((a, b) => a.rank - b.rank || order(a.targetId) - order(b.targetId))
        .map((r) => ({ ...r, label: label(r.targetId) })),
      shortlist: (round.shortlist ?? []).map((id) => ({ targetId: id, label: label(id) })),
    };
  });
}

export function teamReports(data: EventExport): TeamReport[] {
  const results = voteResults(data);
  const people = new Map(data.participants.map((p) => [p.id, p]));
  return data.teams.map((team) => {
    const boards = data.boards.filter((b) => b.teamId === team.id);
    const boardIds = new Set(boards.map((b) => b.id));
    return {
      id: team.id,
      name: team.name,
      brief: data.briefs.find((b) => b.id === team.briefId) ?? null,
      reframes: data.reframes.filter((r) => r.teamId === team.id).sort((a, b) => b.createdAt - a.createdAt),
      members: team.memberIds.flatMap((id) => people.get(id) ?? []),
      boards,
      votes: results.filter((r) => boardIds.has(r.boardId)),
      projects: data.projects.filter((p) => p.teamId === team.id),
    };
  });
}

/** Boards for the whole room (no team), with their votes. */
export function roomBoards(data: EventExport) {
  const results = voteResults(data);
  return data.boards
    .filter((b) => b.teamId === null)
    .map((board) => ({ board, votes: results.filter((r) => r.boardId === board.id) }));
}

/** Notes of a board under their column, grouped notes together under the group's title. */
export function boardLayout(board: ExportedBoard) {
  return board.columns.map((column) => {
    const inColumn = board.notes.filter((n) => n.column === column.key).sort((a, b) => a.position - b.position);
    const groups = board.groups
      .map((g) => ({ group: g, notes: inColumn.filter((n) => n.groupId === g.id) }))
      .filter((g) => g.notes.length > 0);
    return { column, groups, loose: inColumn.filter((n) => n.groupId === null) };
  });
}

export function authorName(data: EventExport, participantId: string | null, byStaff: boolean) {
  if (byStaff) return "Staff";
  if (!participantId) return "";
  return data.participants.find((p) => p.id === participantId)?.displayName ?? "";
}
