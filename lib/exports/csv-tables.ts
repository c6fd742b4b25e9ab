import { reactionKinds } from "@/lib/realtime/constants";
import { exportInWords } from "./boards-in-words";
import { type CsvCell, type CsvSeparator, csvSeparatorFor, toCsv } from "./csv";
import { type CsvWords, csvWords } from "./csv-words";
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
  /** In English. Pages show the reader's words from review.downloads.csv.<key> in messages/. */
  title: string;
  about: string;
  /** Each column's header, by its key under review.csv.headers in messages/: the reader's words. */
  columns: readonly string[];
  /** The rows, with the values Made In chose from a list in the reader's words (./csv-words.ts). */
  rows: (data: EventExport, say: CsvWords) => CsvCell[][];
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
    columns: ["name", "kind", "skills", "contact", "team", "joined"],
    rows: (data, say) => {
      const team = teamOfPerson(data);
      return data.participants
        .filter((p) => p.contactConsent && p.leftAt === null)
        .map((p) => [
          say.name(p.displayName),
          p.kind ? say.kind(p.kind) : "",
          p.skills.map(say.skill).join("; "),
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
    columns: ["team", "brief", "reframedBrief", "members", "memberNames"],
    rows: (data, say) =>
      teamReports(data).map((t) => [
        t.name,
        t.brief?.title ?? "",
        t.reframes[0]?.text ?? "",
        t.members.length,
        t.members.map((m) => say.name(m.displayName)).join("; "),
      ]),
  },
  {
    key: "notes",
    title: "Notes",
    about: "Every note on every board, with its column and group.",
    columns: ["board", "team", "column", "group", "text", "author", "colour", "photo", "written"],
    rows: (data, say) => {
      const teamName = new Map(data.teams.map((t) => [t.id, t.name]));
      return data.boards.flatMap((board) => {
        const column = new Map(board.columns.map((c) => [c.key, c.title]));
        const group = new Map(board.groups.map((g) => [g.id, g.title || say.report.untitledGroup]));
        return board.notes.map((n) => [
          board.title,
          board.teamId ? (teamName.get(board.teamId) ?? "") : say.wholeRoom,
          column.get(n.column) ?? n.column,
          n.groupId ? (group.get(n.groupId) ?? "") : "",
          n.text,
          say.name(authorName(data, n.authorParticipantId, n.byStaff, say.report)),
          say.colour(n.colour),
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
    columns: ["board", "round", "status", "rank", "dots", "noteOrGroup", "shortlisted"],
    rows: (data, say) =>
      voteResults(data, say.report).flatMap((round, i) => {
        const shortlisted = new Set(round.shortlist.map((s) => s.targetId));
        return round.ranked.map((r) => [
          round.boardTitle,
          i + 1,
          say.roundStatus(round.status),
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
    columns: ["team", "title", "summary", "made", "learned", "links", "images", "nextSteps", "takenForwardBy", "needs", "order"],
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
    columns: ["team", "from", "feedback", "written"],
    rows: (data, say) =>
      teamReports(data).flatMap((t) =>
        (t.presentation?.feedback ?? []).map((f) => [t.name, say.name(f.authorName), f.text, iso(f.createdAt)]),
      ),
  },
  {
    key: "judging",
    title: "Judging",
    about: "The judges' average score (1–5) for each team on each criterion, how many judges scored it, and who they were.",
    columns: ["team", "criterion", "average", "judges", "judgedBy"],
    rows: (data, say) =>
      teamReports(data).flatMap((t) => {
        const judging = t.presentation?.judging;
        if (!judging) return [];
        return [
          ...judging.criteria.map((c) => [
            t.name,
            say.criterion(c.criterion),
            c.average ?? "",
            c.judges,
            c.judgeNames.map(say.name).join("; "),
          ]),
          [t.name, say.total(judging.max), judging.total, judging.judges, judging.judgeNames.map(say.name).join("; ")],
        ];
      }),
  },
  {
    key: "results",
    title: "Presentation results",
    about: "Each team's judges' total, people's choice votes, reactions and overall rank.",
    columns: [
      "team",
      "overallRank",
      "overallScore",
      "judgesTotal",
      "judgesMaximum",
      "judges",
      "peoplesChoiceVotes",
      "peoplesChoiceRank",
      ...reactionKinds.map((k) => `reactions.${k}`),
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
    columns: [
      "project",
      "team",
      "owner",
      "coOwners",
      "started",
      "latestStatus",
      "latestCheckIn",
      "latestProgress",
      "latestLearning",
      "helpNeeded",
      "checkIns",
    ],
    rows: (data, say) => {
      const teamName = new Map(data.teams.map((t) => [t.id, t.name]));
      return data.projects.map((p) => {
        const latest = p.checkIns.at(-1);
        return [
          p.title,
          p.teamId ? (teamName.get(p.teamId) ?? "") : "",
          [say.name(p.ownerName), p.ownerRole].filter(Boolean).join(", "),
          p.coOwners
            .map((c) => [c.name, c.role].filter(Boolean).join(", "))
            .filter(Boolean)
            .join("; "),
          iso(p.startedAt),
          latest ? say.checkInStatus(latest.status) : "",
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
    columns: ["project", "when", "status", "progress", "evidence", "numbers", "links", "photos", "learning", "helpNeeded", "by"],
    rows: (data, say) =>
      data.projects.flatMap((p) =>
        p.checkIns.map((c) => [
          p.title,
          iso(c.createdAt),
          say.checkInStatus(c.status),
          c.progress,
          c.evidence,
          c.numbers.map((n) => `${n.label}: ${n.value}`).join("; "),
          c.links.filter((l) => l.trim() !== "").join("; "),
          c.photoCount,
          c.learning,
          c.helpNeeded,
          say.name(c.authorName),
        ]),
      ),
  },
];

export const findCsvTable = (key: string) => csvTables.find((t) => t.key === key) ?? null;

/**
 * The table for a reader of `locale`: its headers, its listed values and the boards still named
 * by their template in their words (../boards-in-words.ts).
 */
export function renderCsvTable(table: CsvTable, data: EventExport, locale = "en-GB", separator: CsvSeparator = ","): string {
  const say = csvWords(locale);
  return toCsv(table.columns.map(say.header), table.rows(exportInWords(data, locale), say), say, separator);
}

/**
 * The table as a file to download: with a byte-order mark, so Excel reads the UTF-8 (accents, £
 * signs) correctly, and no "sep=" line (Excel then ignores the mark). Comma-separated unless told.
 */
export const csvFile = (table: CsvTable, data: EventExport, locale: string, separator: CsvSeparator = ",") =>
  `\uFEFF${renderCsvTable(table, data, locale, separator)}`;

/**
 * One table as an organiser downloads it from the review page: in their words, and separated as
 * their Excel expects, so it opens in columns (the archive's copies stay comma-separated).
 */
export const csvDownload = (table: CsvTable, data: EventExport, locale: string) =>
  csvFile(table, data, locale, csvSeparatorFor(locale));
