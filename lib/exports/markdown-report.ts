import { eventTimeZone, formatLongDate } from "@/lib/events/event-dates";
import { pseudoLocale } from "@/lib/i18n/locales";
import { pseudoText } from "@/lib/i18n/pseudo";
import { type Translate, translator } from "@/lib/i18n/translator";
import { sayName } from "@/lib/participants/profile-facts";
import { fallbackCriterionKey } from "@/lib/presentations/rules";
import { exportInWords } from "./boards-in-words";
import {
  attendanceOf,
  authorName,
  boardLayout,
  englishReportWords,
  type ReportWords,
  roomBoards,
  type TeamPresentation,
  type TeamReport,
  teamReports,
  type VoteResult,
} from "./event-report";
import type { EventExport, ExportedBoard } from "./export-schema";

/**
 * The whole event as a Markdown report someone can read, print or paste into a wiki. Text that
 * people typed is escaped, so a note cannot turn into a link, an image or a heading.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      // `(` and `!` only matter next to `[`, which is escaped; leaving them keeps the raw text readable.
      .replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`)
      .replace(/^(\s*)([-+=]|\d+\.)(?=\s|$)/gm, (_m, space: string, mark: string) => `${space}\\${mark}`)
      .replace(/\r?\n/g, "  \n")
  );
}

/** What the report says around people's words, in the reader's language. */
export type Say = {
  t: Translate;
  words: ReportWords;
  /** "4 December 2026" / "4 de dezembro de 2026": the event's calendar day; "" for no date. */
  date: (ms: number | null) => string;
  /** A list of items people typed, joined as the English report always joined them. */
  list: (items: string[]) => string;
  /** A judging criterion: Made In's own in the reader's words, people's as they wrote it. */
  criterion: (name: string) => string;
  /** A name the server wrote itself ("Someone who left", "Participant 3") in the reader's words; a person's own as it is. */
  name: (name: string) => string;
};

const isEnglish = (locale: string) => locale.toLowerCase().startsWith("en") && locale !== pseudoLocale;

function longDate(locale: string, ms: number) {
  if (locale === pseudoLocale) return pseudoText(formatLongDate(ms));
  if (isEnglish(locale)) return formatLongDate(ms);
  return new Intl.DateTimeFormat(locale, { timeZone: eventTimeZone, day: "numeric", month: "long", year: "numeric" }).format(
    new Date(ms),
  );
}

/** The words the report adds to vote results ("Group: …", "(photo)"…) in `locale`, for the report and the review page. */
export function reportWords(locale: string): ReportWords {
  if (isEnglish(locale)) return englishReportWords;
  const t = translator(locale, "report");
  return {
    group: (title) => t("words.group", { title }),
    team: (name) => t("words.team", { name }),
    untitledGroup: t("words.untitledGroup"),
    photo: t("words.photo"),
    emptyNote: t("words.emptyNote"),
    removed: t("words.removed"),
    staff: t("words.staff"),
  };
}

function sayIn(locale: string): Say {
  return {
    t: translator(locale, "report"),
    words: reportWords(locale),
    date: (ms) => (ms === null ? "" : longDate(locale, ms)),
    list: (items) => items.join(", "),
    criterion: (name) => {
      const key = fallbackCriterionKey(name);
      return key ? translator(locale, "presentations")(`fallbackCriteria.${key}`) : name;
    },
    name: (name) => {
      const names = translator(locale, "notes");
      return sayName(name, (key, values) => names(`writtenNames.${key}`, values));
    },
  };
}

const fact = (say: Say, label: string, value: string) => `- ${say.t("fact", { label, value: escapeMarkdown(value) })}`;

/**
 * What each team's part of the report says, in order. To add a section (e.g. the team's
 * presentation), add an entry: its title is a key under report.sections in messages/, and it
 * returns Markdown, or null to leave the section out.
 */
export type TeamMarkdownSection = {
  title: string;
  render: (team: TeamReport, data: EventExport, say: Say) => string | null;
};

const teamMarkdownSections: TeamMarkdownSection[] = [
  {
    title: "brief",
    render: (team, _data, say) => {
      if (!team.brief) return null;
      const b = team.brief;
      const facts = [
        ["problem", b.problem],
        ["whyItMatters", b.whyItMatters],
        ["successLooksLike", b.successLooksLike],
        ["budget", b.budget],
        ["timescale", b.timescale],
        ["mayNotChange", b.mayNotChange],
        ["owner", [b.ownerRole, b.ownerOrganisation].filter(Boolean).join(", ")],
      ].filter(([, v]) => v) as [string, string][];
      return [`**${escapeMarkdown(b.title)}**`, ...facts.map(([k, v]) => fact(say, say.t(`brief.${k}`), v))].join("\n");
    },
  },
  {
    title: "reframed",
    render: (team, _data, { t, date, name }) => {
      const [current, ...earlier] = team.reframes;
      if (!current) return null;
      const lines = [
        `> ${escapeMarkdown(current.text)}`,
        "",
        t("reframed.byline", { author: escapeMarkdown(name(current.authorName)), date: date(current.createdAt) }),
      ];
      if (earlier.length > 0) lines.push("", t("reframed.earlier", { count: earlier.length }));
      return lines.join("\n");
    },
  },
  {
    title: "members",
    render: (team, _data, { t, name }) =>
      team.members.length === 0
        ? t("members.none")
        : team.members
            .map((m) => {
              const about = [m.kind ? t("kinds", { kind: m.kind }) : "", m.skills.join(", ")].filter(Boolean).join(" · ");
              return `- ${escapeMarkdown(name(m.displayName))}${about ? ` (${escapeMarkdown(about)})` : ""}`;
            })
            .join("\n"),
  },
  {
    title: "boards",
    render: (team, data, say) =>
      team.boards.length === 0 ? null : team.boards.map((b) => boardMarkdown(b, data, say)).join("\n\n"),
  },
  {
    title: "votes",
    render: (team, _data, say) => (team.votes.length === 0 ? null : team.votes.map((v) => voteMarkdown(v, say)).join("\n\n")),
  },
  {
    title: "showcase",
    render: (team, _data, say) => (team.presentation ? showcaseMarkdown(team.presentation, say) : null),
  },
  {
    title: "feedback",
    render: (team, _data, { name }) =>
      !team.presentation || team.presentation.feedback.length === 0
        ? null
        : team.presentation.feedback.map((f) => `- ${escapeMarkdown(f.text)} — ${escapeMarkdown(name(f.authorName))}`).join("\n"),
  },
  {
    title: "results",
    render: (team, _data, say) => (team.presentation ? resultsMarkdown(team.presentation, say) : null),
  },
  {
    title: "projects",
    render: (team, _data, { t, date }) =>
      team.projects.length === 0
        ? null
        : team.projects
            .map((p) => {
              const latest = p.checkIns.at(-1);
              const owner = escapeMarkdown([p.ownerName, p.ownerRole].filter(Boolean).join(", "));
              const lines = [`**${escapeMarkdown(p.title)}** — ${t("projects.owner", { owner })}`];
              if (p.summary) lines.push("", escapeMarkdown(p.summary));
              for (const m of p.milestones)
                lines.push(
                  `- ${t("projects.milestone", { day: m.day, title: escapeMarkdown(m.title), due: date(m.dueAt), done: m.doneAt ? "yes" : "no" })}`,
                );
              if (latest)
                lines.push(
                  "",
                  t("projects.latest", {
                    date: date(latest.createdAt),
                    status: latest.status,
                    progress: escapeMarkdown(latest.progress),
                  }),
                );
              return lines.join("\n");
            })
            .join("\n\n"),
  },
];

function showcaseMarkdown(p: TeamPresentation, say: Say) {
  const { t } = say;
  const s = p.showcase;
  const lines: string[] = [];
  if (s?.title) lines.push(`**${escapeMarkdown(s.title)}**`);
  if (s?.summary) lines.push("", escapeMarkdown(s.summary));
  const facts = [
    ["made", s?.made ?? ""],
    ["learned", s?.learned ?? ""],
    ["nextSteps", s?.nextSteps ?? ""],
    ["takenForwardBy", p.takenForwardBy],
    ["needs", s?.needs ?? ""],
  ].filter(([, v]) => v) as [string, string][];
  if (facts.length > 0) lines.push("", ...facts.map(([k, v]) => fact(say, t(`showcase.${k}`), v)));
  if (s && s.links.length > 0) {
    // A link is written out, never made clickable: people typed it.
    lines.push("", t("showcase.links"), ...s.links.map((l) => `- ${escapeMarkdown(l.title || l.url)}: ${escapeMarkdown(l.url)}`));
  }
  if (s && s.images.length > 0) lines.push("", t("showcase.images", { count: s.images.length }));
  if (p.order !== null) lines.push("", t("showcase.order", { order: p.order }));
  if (p.reactions.length > 0)
    lines.push(
      "",
      t("showcase.reactions", {
        list: say.list(p.reactions.map((r) => t("showcase.reaction", { kind: r.kind, count: r.count }))),
      }),
    );
  return lines.length === 0 ? null : lines.join("\n").replace(/^\n+/, "");
}

function resultsMarkdown(p: TeamPresentation, { t, criterion }: Say) {
  const lines: string[] = [];
  if (p.judging) {
    lines.push(t("results.judges", { judges: p.judging.judges, total: p.judging.total, max: p.judging.max }), "");
    lines.push(`| ${t("results.criterion")} | ${t("results.average")} | ${t("results.judgesColumn")} |`, "| --- | ---: | ---: |");
    for (const c of p.judging.criteria)
      lines.push(
        `| ${escapeMarkdown(criterion(c.criterion))} | ${c.average === null ? t("results.notScored") : number(t, c.average)} | ${c.judges} |`,
      );
    lines.push("");
  }
  if (p.peoplesChoice)
    lines.push(
      t("results.peoplesChoice", {
        votes: p.peoplesChoice.votes,
        ranked: p.peoplesChoice.rank ? "yes" : "no",
        rank: p.peoplesChoice.rank ?? 0,
      }),
    );
  if (p.combined) lines.push(t("results.overall", { rank: p.combined.rank, score: p.combined.score }));
  return lines.length === 0 ? null : lines.join("\n").trimEnd();
}

/** A number in the reader's way of writing it ("3.5", "3,5"): ICU formats a plain argument. */
const number = (t: Translate, n: number) => t("number", { n });

function boardMarkdown(board: ExportedBoard, data: EventExport, { t, words, name }: Say) {
  const lines = [`#### ${escapeMarkdown(board.title)}`];
  const noteLine = (n: ExportedBoard["notes"][number]) => {
    const by = name(authorName(data, n.authorParticipantId, n.byStaff, words));
    return `- ${escapeMarkdown(n.text || t("board.noText"))}${n.hadPhoto ? ` ${t("board.photo")}` : ""}${by ? ` — ${escapeMarkdown(by)}` : ""}`;
  };
  for (const { column, groups, loose } of boardLayout(board)) {
    if (groups.length === 0 && loose.length === 0) continue;
    lines.push("", `**${escapeMarkdown(column.title)}**`, "");
    for (const { group, notes } of groups) {
      lines.push(`- ${t("board.group", { title: escapeMarkdown(group.title || words.untitledGroup) })}`);
      for (const n of notes) lines.push(`  ${noteLine(n)}`);
    }
    for (const n of loose) lines.push(noteLine(n));
  }
  if (board.notes.length === 0) lines.push("", t("board.noNotes"));
  return lines.join("\n");
}

function voteMarkdown(round: VoteResult, { t }: Say) {
  const lines = [
    t("vote.summary", { board: escapeMarkdown(round.boardTitle), status: round.status, voters: round.voters, dots: round.dots }),
    "",
  ];
  if (round.ranked.length > 0) {
    lines.push(`| ${t("vote.rank")} | ${t("vote.dots")} | ${t("vote.note")} |`, "| ---: | ---: | --- |");
    for (const r of round.ranked) lines.push(`| ${r.rank} | ${r.dots} | ${escapeMarkdown(r.label)} |`);
  }
  if (round.shortlist.length > 0) {
    lines.push("", t("vote.shortlist"));
    round.shortlist.forEach((s, i) => {
      lines.push(`${i + 1}\\. ${escapeMarkdown(s.label)}`);
    });
  }
  return lines.join("\n");
}

/** The report in `locale`, the language of the organiser who asked for it; English by default. */
export function eventMarkdown(record: EventExport, locale = "en-GB"): string {
  // Boards still named as their template made them, in the reader's words.
  const data = exportInWords(record, locale);
  const say = sayIn(locale);
  const { t, date, words } = say;
  const e = data.event;
  const attendance = attendanceOf(data);
  const out: string[] = [`# ${escapeMarkdown(e.name)}`, ""];
  const from = date(e.startsAt);
  const to = e.endsAt && date(e.endsAt) !== from ? date(e.endsAt) : "";
  const when = from && to ? t("event.dates", { from, to }) : from || to;
  if (when || e.place) out.push([when, escapeMarkdown(e.place)].filter(Boolean).join(" · "), "");
  if (e.description) out.push(escapeMarkdown(e.description), "");

  out.push(`## ${t("event.whoCame")}`, "");
  out.push(t("event.attendance", { total: attendance.total, stayed: attendance.stayed }), "");
  if (attendance.kinds.length > 0) {
    for (const k of attendance.kinds)
      out.push(`- ${t("event.kind", { kind: k.kind ? t("kinds", { kind: k.kind }) : t("event.didntSay"), count: k.count })}`);
    out.push("");
  }
  if (attendance.skills.length > 0)
    out.push(t("event.skills", { list: say.list(attendance.skills.map((s) => `${escapeMarkdown(s.skill)} (${s.count})`)) }), "");

  for (const team of teamReports(data, words)) {
    out.push(`## ${t("event.team", { name: escapeMarkdown(team.name) })}`, "");
    for (const section of teamMarkdownSections) {
      const body = section.render(team, data, say);
      if (body) out.push(`### ${t(`sections.${section.title}`)}`, "", body, "");
    }
  }

  const room = roomBoards(data, words).filter(({ board }) => board.notes.length > 0);
  if (room.length > 0) {
    out.push(`## ${t("event.roomBoards")}`, "");
    for (const { board, votes } of room) {
      out.push(boardMarkdown(board, data, say), "");
      for (const v of votes) out.push(voteMarkdown(v, say), "");
    }
  }
  out.push(`_${t("event.exported", { date: date(data.exportedAt) })}_`, "");
  return out.join("\n");
}
