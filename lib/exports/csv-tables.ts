import { participantKindLabels } from "@/lib/participants/profile-facts";
import { reactionKinds, reactionLabels } from "@/lib/realtime/constants";
import { type CsvCell, toCsv } from "./csv";
import { authorName, teamReports, voteResults } from "./event-report";
import type { EventExport } from "./export-schema";

/**
 * Every CSV an organiser can download, one entry each. To add a table (e.g. presentations),
 * add an entry here: the export route, the review page's download list and the tests all read
 * this list, so nothing else needs to change.
 */
export type CsvTable = {
  /** In the URL and the file name: /o/[slug]/export/csv/[key] → [slug]-[key].csv */
  key: string;
  /**
   * In English. Pages show the reader's words from review.downloads.csv.<key> in messages/; the
   * CSV headers and data stay English whatever the reader's language (spreadsheets read them).
   */
  title: string;
  about: string;
  headers: readonly string[];
  rows: (data: EventExport) => CsvCell[][];
};

const iso = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());

const teamOfPerson = (data: EventExport) => {
  const map = new Map<string, string>();
  for (const t of data.teams) for (const id of t.memberIds) map.set(id, t.name);
  return map;
};

export const csvTables: readonly CsvTable[] = [
  {
    key: "people",
    title: "People who agreed to be contacted",
    about: "Only those who said yes to being contacted after the event, with how to reach them.",
    headers: ["name", "kind", "skills", "contact", "team", "joined"],
    rows: (data) => {
      const team = teamOfPerson(data);
      return data.participants
        .filter((p) => p.contactConsent && p.leftAt === null)
        .map((p) => [
          p.displayName,
          p.kind ? participantKindLabels[p.kind] : "",
          p.skills.join("; "),
          p.contact,
          team.get(p.id) ?? "",
          iso(p.createdAt),
        ]);
    },
  },
  {
    key: "teams",
    title: "Teams",
    about: "Each team, its brief, how the team reframed it, and who was in it.",
    headers: ["team", "brief", "reframed brief", "members", "member names"],
    rows: (data) =>
      teamReports(data).map((t) => [
        t.name,
        t.brief?.title ?? "",
        t.reframes[0]?.text ?? "",
        t.members.length,
        t.members.map((m) => m.displayName).join("; "),
      ]),
  },
  {
    key: "notes",
    title: "Notes",
    about: "Every note on every board, with its column and group.",
    headers: ["board", "team", "column", "group", "text", "author", "colour", "photo", "written"],
    rows: (data) => {
      const teamName = new Map(data.teams.map((t) => [t.id, t.name]));
      return data.boards.flatMap((board) => {
        const column = new Map(board.columns.map((c) => [c.key, c.title]));
        const group = new Map(board.groups.map((g) => [g.id, g.title || "Untitled group"]));
        return board.notes.map((n) => [
          board.title,
          board.teamId ? (teamName.get(board.teamId) ?? "") : "Whole room",
          column.get(n.column) ?? n.column,
          n.groupId ? (group.get(n.groupId) ?? "") : "",
          n.text,
          authorName(data, n.authorParticipantId, n.byStaff),
          n.colour,
          n.hadPhoto,
          iso(n.createdAt),
        ]);
      });
    },
  },
  {
    key: "votes",
    title: "Vote results",
    about: "Each vote round's tallies, ranked, and whether each note made the shortlist.",
    headers: ["board", "round", "status", "rank", "dots", "note or group", "shortlisted"],
    rows: (data) =>
      voteResults(data).flatMap((round, i) => {
        const shortlisted = new Set(round.shortlist.map((s) => s.targetId));
        return round.ranked.map((r) => [
          round.boardTitle,
          i + 1,
          round.status,
          r.rank,
          r.dots,
          r.label,
          shortlisted.has(r.targetId),
        ]);
      }),
  },
  {
    key: "showcases",
    title: "Showcases",
    about: "What each team presented: what they made and learned, links, next steps and what they need.",
    headers: [
      "team",
      "title",
      "summary",
      "made",
      "learned",
      "links",
      "images",
      "next steps",
      "taken forward by",
      "needs",
      "order",
    ],
    rows: (data) =>
      teamReports(data).flatMap((t) => {
        const p = t.presentation;
        if (!p?.showcase) return [];
        const s = p.showcase;
        return [
          [
            t.name,
            s.title,
            s.summary,
            s.made,
            s.learned,
            s.links.map((l) => (l.title && l.title !== l.url ? `${l.title} <${l.url}>` : l.url)).join("; "),
            s.images.length,
            s.nextSteps,
            p.takenForwardBy,
            s.needs,
            p.order ?? "",
          ],
        ];
      }),
  },
  {
    key: "feedback",
    title: "Feedback to each team",
    about: "What people in the room wrote to each team after its presentation.",
    headers: ["team", "from", "feedback", "written"],
    rows: (data) =>
      teamReports(data).flatMap((t) =>
        (t.presentation?.feedback ?? []).map((f) => [t.name, f.authorName, f.text, iso(f.createdAt)]),
      ),
  },
  {
    key: "judging",
    title: "Judging",
    about: "The judges' average score (1–5) for each team on each criterion, how many judges scored it, and who they were.",
    headers: ["team", "criterion", "average", "judges", "judged by"],
    rows: (data) =>
      teamReports(data).flatMap((t) => {
        const judging = t.presentation?.judging;
        if (!judging) return [];
        return [
          ...judging.criteria.map((c) => [t.name, c.criterion, c.average ?? "", c.judges, c.judgeNames.join("; ")]),
          [t.name, `Total (out of ${judging.max})`, judging.total, judging.judges, judging.judgeNames.join("; ")],
        ];
      }),
  },
  {
    key: "results",
    title: "Presentation results",
    about: "Each team's judges' total, people's choice votes, reactions and overall rank.",
    headers: [
      "team",
      "overall rank",
      "overall score (0-100)",
      "judges' total",
      "judges' maximum",
      "judges",
      "people's choice votes",
      "people's choice rank",
      ...reactionKinds.map((k) => reactionLabels[k].label.toLowerCase()),
    ],
    rows: (data) =>
      teamReports(data)
        .flatMap((t) => (t.presentation ? [{ name: t.name, p: t.presentation }] : []))
        .sort((a, b) => (a.p.combined?.rank ?? Number.MAX_SAFE_INTEGER) - (b.p.combined?.rank ?? Number.MAX_SAFE_INTEGER))
        .map(({ name, p }) => [
          name,
          p.combined?.rank ?? "",
          p.combined?.score ?? "",
          p.judging?.total ?? "",
          p.judging?.max ?? "",
          p.judging?.judges ?? 0,
          p.peoplesChoice?.votes ?? "",
          p.peoplesChoice?.rank ?? "",
          ...reactionKinds.map((k) => p.reactions.find((r) => r.kind === k)?.count ?? 0),
        ]),
  },
  {
    key: "projects",
    title: "Projects",
    about: "Projects carried on after the event, their owners and latest check-in.",
    headers: [
      "project",
      "team",
      "owner",
      "co-owners",
      "started",
      "latest status",
      "latest check-in",
      "latest progress",
      "latest learning",
      "help needed",
      "check-ins",
    ],
    rows: (data) => {
      const teamName = new Map(data.teams.map((t) => [t.id, t.name]));
      return data.projects.map((p) => {
        const latest = p.checkIns.at(-1);
        return [
          p.title,
          p.teamId ? (teamName.get(p.teamId) ?? "") : "",
          [p.ownerName, p.ownerRole].filter(Boolean).join(", "),
          p.coOwners
            .map((c) => [c.name, c.role].filter(Boolean).join(", "))
            .filter(Boolean)
            .join("; "),
          iso(p.startedAt),
          latest?.status.replace("_", " ") ?? "",
          iso(latest?.createdAt ?? null),
          latest?.progress ?? "",
          latest?.learning ?? "",
          latest?.helpNeeded ?? "",
          p.checkIns.length,
        ];
      });
    },
  },
  {
    key: "check-ins",
    title: "Project check-ins",
    about:
      "Every check-in on every project: how it was going, what happened, evidence, numbers, links, learning and help needed.",
    headers: ["project", "when", "status", "progress", "evidence", "numbers", "links", "photos", "learning", "help needed", "by"],
    rows: (data) =>
      data.projects.flatMap((p) =>
        p.checkIns.map((c) => [
          p.title,
          iso(c.createdAt),
          c.status.replace("_", " "),
          c.progress,
          c.evidence,
          c.numbers.map((n) => `${n.label}: ${n.value}`).join("; "),
          c.links.filter((l) => l.trim() !== "").join("; "),
          c.photoCount,
          c.learning,
          c.helpNeeded,
          c.authorName,
        ]),
      ),
  },
];

export const findCsvTable = (key: string) => csvTables.find((t) => t.key === key) ?? null;

export const renderCsvTable = (table: CsvTable, data: EventExport) => toCsv(table.headers, table.rows(data));
