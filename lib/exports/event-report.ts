import { briefOwner, combineResults, criteriaFromSuccess } from "@/lib/presentations/rules";
import { type ReactionKind, reactionKinds } from "@/lib/realtime/constants";
import { rank } from "@/lib/voting/rules";
import type { EventExport, ExportedBoard, ExportedProject, ExportedShowcase } from "./export-schema";

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
  /** Null when the team neither showed a showcase nor got any response, score or vote. */
  presentation: TeamPresentation | null;
};

/** What a team presented and how the room responded, read from the export. */
export type TeamPresentation = {
  showcase: ExportedShowcase | null;
  /** As the team wrote it, or the brief's owner when they left it empty. */
  takenForwardBy: string;
  /** Place in the running order, from 1; null when the team was not in it. */
  order: number | null;
  feedback: EventExport["presentations"]["feedback"];
  reactions: { kind: ReactionKind; count: number }[];
  judging: {
    criteria: { criterion: string; average: number | null; judges: number; judgeNames: string[] }[];
    total: number;
    max: number;
    judges: number;
    /** Who scored this team, by the names they had as judges. */
    judgeNames: string[];
  } | null;
  /** Null when the event held no people's-choice vote. */
  peoplesChoice: { votes: number; rank: number | null } | null;
  /** Judges and people's choice on one scale (0–100); null when neither was used. */
  combined: { score: number; rank: number } | null;
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

/**
 * The few words the report itself adds to what people wrote. The CSV files always use the
 * English ones (importers and spreadsheets read them); the Markdown report passes the reader's.
 */
export type ReportWords = {
  group: (title: string) => string;
  team: (name: string) => string;
  untitledGroup: string;
  photo: string;
  emptyNote: string;
  removed: string;
  staff: string;
};

export const englishReportWords: ReportWords = {
  group: (title) => `Group: ${title}`,
  team: (name) => `Team: ${name}`,
  untitledGroup: "Untitled group",
  photo: "(photo)",
  emptyNote: "(empty note)",
  removed: "(removed)",
  staff: "Staff",
};

/** What a dot landed on, in words: a note's text or a group's title. */
function targetLabels(boards: ExportedBoard[], words: ReportWords) {
  const labels = new Map<string, string>();
  for (const board of boards) {
    for (const g of board.groups) labels.set(g.id, words.group(g.title || words.untitledGroup));
    for (const n of board.notes) labels.set(n.id, n.text || (n.hadPhoto ? words.photo : words.emptyNote));
  }
  return labels;
}

export function voteResults(data: EventExport, words: ReportWords = englishReportWords): VoteResult[] {
  const labels = targetLabels(data.boards, words);
  // People's choice puts dots on teams.
  for (const t of data.teams) labels.set(t.id, words.team(t.name));
  const boardTitle = new Map(data.boards.map((b) => [b.id, b.title]));
  const targetOrder = new Map([...labels.keys()].map((id, i) => [id, i]));
  return data.voteRounds.map((round) => {
    const tallies: Record<string, number> = {};
    for (const v of round.votes) tallies[v.targetId] = (tallies[v.targetId] ?? 0) + 1;
    const label = (id: string) => labels.get(id) ?? words.removed;
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

/** The people's-choice tallies: the latest team vote on the run's board, as the live results use. */
function peoplesChoiceTallies(data: EventExport): Record<string, number> | null {
  const boardId = data.presentations.run?.peoplesChoiceBoardId;
  if (!boardId) return null;
  const rounds = data.voteRounds.filter((r) => r.boardId === boardId && r.targets === "teams");
  const latest = rounds.reduce<(typeof rounds)[number] | null>((a, r) => (a && a.createdAt > r.createdAt ? a : r), null);
  if (!latest) return null;
  const tallies: Record<string, number> = {};
  for (const v of latest.votes) tallies[v.targetId] = (tallies[v.targetId] ?? 0) + 1;
  return tallies;
}

/** Each team's presentation record, by team id: showcase, responses, judging, people's choice. */
function presentationReports(data: EventExport): Map<string, TeamPresentation | null> {
  const p = data.presentations;
  const briefs = new Map(data.briefs.map((b) => [b.id, b]));
  const setCriteria = new Map((p.run?.criteria ?? []).map((c) => [c.teamId, c.criteria]));
  const criteriaOf = (team: EventExport["teams"][number]) =>
    setCriteria.get(team.id) ?? criteriaFromSuccess((team.briefId && briefs.get(team.briefId)?.successLooksLike) || "");
  const scores = p.scores.map((s) => ({ teamId: s.teamId, judgeKey: s.judge, criterion: s.criterion, score: s.score }));
  const tallies = peoplesChoiceTallies(data);
  const rows = new Map(
    combineResults(
      data.teams.map((t) => ({ teamId: t.id, criteria: criteriaOf(t) })),
      scores,
      tallies,
    ).map((r) => [r.teamId, r]),
  );
  const anyVotes = tallies !== null && Object.values(tallies).some((n) => n > 0);
  const anyScores = scores.length > 0;
  const out = new Map<string, TeamPresentation | null>();
  const namesOf = (keys: string[]) =>
    [...new Set(keys)]
      .map((key) => p.judges.find((j) => j.judge === key)?.name ?? "")
      .filter(Boolean)
      .sort((a, b) => a.localeCompare(b));
  for (const team of data.teams) {
    const row = rows.get(team.id);
    const showcase = p.showcases.find((s) => s.teamId === team.id) ?? null;
    const feedback = p.feedback.filter((f) => f.teamId === team.id);
    const reactions = reactionKinds.flatMap((kind) => {
      const count = p.reactions.filter((r) => r.teamId === team.id && r.kind === kind).reduce((n, r) => n + r.count, 0);
      return count > 0 ? [{ kind, count }] : [];
    });
    const mine = scores.filter((s) => s.teamId === team.id);
    const orderAt = p.run?.order.indexOf(team.id) ?? -1;
    const hasSomething =
      showcase !== null || feedback.length > 0 || reactions.length > 0 || mine.length > 0 || (row?.votes ?? 0) > 0;
    if (!row || !hasSomething) {
      out.set(team.id, null);
      continue;
    }
    const brief = team.briefId ? (briefs.get(team.briefId) ?? null) : null;
    out.set(team.id, {
      // An empty row of the showcase editor is not a link.
      showcase: showcase ? { ...showcase, links: showcase.links.filter((l) => l.url.trim() !== "") } : null,
      takenForwardBy: showcase?.takenForwardBy || briefOwner(brief, brief?.contacts[0]?.role ?? null),
      order: orderAt >= 0 ? orderAt + 1 : null,
      feedback,
      reactions,
      judging:
        mine.length === 0
          ? null
          : {
              criteria: criteriaOf(team).map((criterion) => ({
                criterion,
                average: row.judging.averages[criterion] ?? null,
                judges: new Set(mine.filter((s) => s.criterion === criterion).map((s) => s.judgeKey)).size,
                judgeNames: namesOf(mine.filter((s) => s.criterion === criterion).map((s) => s.judgeKey)),
              })),
              total: row.judging.total,
              max: row.judging.max,
              judges: row.judging.judges,
              judgeNames: namesOf(mine.map((s) => s.judgeKey)),
            },
      peoplesChoice: tallies === null ? null : { votes: row.votes, rank: row.votesRank },
      combined: anyScores || anyVotes ? { score: row.combined, rank: row.rank } : null,
    });
  }
  return out;
}

export function teamReports(data: EventExport, words: ReportWords = englishReportWords): TeamReport[] {
  const results = voteResults(data, words);
  const presentations = presentationReports(data);
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
      presentation: presentations.get(team.id) ?? null,
    };
  });
}

/** Boards for the whole room (no team), with their votes. */
export function roomBoards(data: EventExport, words: ReportWords = englishReportWords) {
  const results = voteResults(data, words);
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

export function authorName(
  data: EventExport,
  participantId: string | null,
  byStaff: boolean,
  words: ReportWords = englishReportWords,
) {
  if (byStaff) return words.staff;
  if (!participantId) return "";
  return data.participants.find((p) => p.id === participantId)?.displayName ?? "";
}
