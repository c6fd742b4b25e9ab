import { formatLongDate } from "@/lib/events/event-dates";
import { participantKindLabels } from "@/lib/participants/profile-facts";
import { plural } from "@/lib/plural";
import { checkInStatusLabels } from "@/lib/projects/check-in-rules";
import { reactionLabels } from "@/lib/realtime/constants";
import {
  attendanceOf,
  authorName,
  boardLayout,
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

const date = (ms: number | null) => (ms === null ? "" : formatLongDate(ms));

/**
 * What each team's part of the report says, in order. To add a section (e.g. the team's
 * presentation), add an entry: it returns Markdown, or null to leave the section out.
 */
export type TeamMarkdownSection = { title: string; render: (team: TeamReport, data: EventExport) => string | null };

const teamMarkdownSections: TeamMarkdownSection[] = [
  {
    title: "Brief",
    render: (team) => {
      if (!team.brief) return null;
      const b = team.brief;
      const facts = [
        ["The problem", b.problem],
        ["Why it matters", b.whyItMatters],
        ["What success looks like", b.successLooksLike],
        ["Budget", b.budget],
        ["Timescale", b.timescale],
        ["What may not change", b.mayNotChange],
        ["Owner", [b.ownerRole, b.ownerOrganisation].filter(Boolean).join(", ")],
      ].filter(([, v]) => v);
      return [`**${escapeMarkdown(b.title)}**`, ...facts.map(([k, v]) => `- ${k}: ${escapeMarkdown(v as string)}`)].join("\n");
    },
  },
  {
    title: "Reframed brief",
    render: (team) => {
      const [current, ...earlier] = team.reframes;
      if (!current) return null;
      const lines = [
        `> ${escapeMarkdown(current.text)}`,
        "",
        `— ${escapeMarkdown(current.authorName)}, ${date(current.createdAt)}`,
      ];
      if (earlier.length > 0) lines.push("", `Earlier framings: ${earlier.length}`);
      return lines.join("\n");
    },
  },
  {
    title: "Members",
    render: (team) =>
      team.members.length === 0
        ? "Nobody was in this team at the end."
        : team.members
            .map((m) => {
              const about = [m.kind ? participantKindLabels[m.kind] : "", m.skills.join(", ")].filter(Boolean).join(" · ");
              return `- ${escapeMarkdown(m.displayName)}${about ? ` (${escapeMarkdown(about)})` : ""}`;
            })
            .join("\n"),
  },
  {
    title: "Boards",
    render: (team, data) => (team.boards.length === 0 ? null : team.boards.map((b) => boardMarkdown(b, data)).join("\n\n")),
  },
  {
    title: "Votes and shortlists",
    render: (team) => (team.votes.length === 0 ? null : team.votes.map(voteMarkdown).join("\n\n")),
  },
  {
    title: "Showcase",
    render: (team) => (team.presentation ? showcaseMarkdown(team.presentation) : null),
  },
  {
    title: "Feedback from the room",
    render: (team) =>
      !team.presentation || team.presentation.feedback.length === 0
        ? null
        : team.presentation.feedback.map((f) => `- ${escapeMarkdown(f.text)} — ${escapeMarkdown(f.authorName)}`).join("\n"),
  },
  {
    title: "Judging and people's choice",
    render: (team) => (team.presentation ? resultsMarkdown(team.presentation) : null),
  },
  {
    title: "Projects after the event",
    render: (team) =>
      team.projects.length === 0
        ? null
        : team.projects
            .map((p) => {
              const latest = p.checkIns.at(-1);
              const lines = [
                `**${escapeMarkdown(p.title)}** — owner ${escapeMarkdown([p.ownerName, p.ownerRole].filter(Boolean).join(", "))}`,
              ];
              if (p.summary) lines.push("", escapeMarkdown(p.summary));
              for (const m of p.milestones)
                lines.push(`- Day ${m.day}: ${escapeMarkdown(m.title)} (due ${date(m.dueAt)}${m.doneAt ? ", done" : ""})`);
              if (latest)
                lines.push(
                  "",
                  `Latest check-in (${date(latest.createdAt)}): ${checkInStatusLabels[latest.status]}. ${escapeMarkdown(latest.progress)}`,
                );
              return lines.join("\n");
            })
            .join("\n\n"),
  },
];

function showcaseMarkdown(p: TeamPresentation) {
  const s = p.showcase;
  const lines: string[] = [];
  if (s?.title) lines.push(`**${escapeMarkdown(s.title)}**`);
  if (s?.summary) lines.push("", escapeMarkdown(s.summary));
  const facts = [
    ["What we made", s?.made ?? ""],
    ["What we learned", s?.learned ?? ""],
    ["Next steps", s?.nextSteps ?? ""],
    ["Who takes it forward", p.takenForwardBy],
    ["What we need", s?.needs ?? ""],
  ].filter(([, v]) => v);
  if (facts.length > 0) lines.push("", ...facts.map(([k, v]) => `- ${k}: ${escapeMarkdown(v as string)}`));
  if (s && s.links.length > 0) {
    // A link is written out, never made clickable: people typed it.
    lines.push("", "Links:", ...s.links.map((l) => `- ${escapeMarkdown(l.title || l.url)}: ${escapeMarkdown(l.url)}`));
  }
  if (s && s.images.length > 0) lines.push("", `${plural(s.images.length, "image")} shown (not in this report).`);
  if (p.order !== null) lines.push("", `Presented ${ordinal(p.order)} in the running order.`);
  if (p.reactions.length > 0)
    lines.push("", `Reactions: ${p.reactions.map((r) => `${reactionLabels[r.kind].label} ${r.count}`).join(", ")}.`);
  return lines.length === 0 ? null : lines.join("\n").replace(/^\n+/, "");
}

function resultsMarkdown(p: TeamPresentation) {
  const lines: string[] = [];
  if (p.judging) {
    lines.push(
      `Judges: ${plural(p.judging.judges, "judge")}, total ${p.judging.total} out of ${p.judging.max} (each criterion scored 1 to 5).`,
      "",
    );
    lines.push("| Criterion | Average | Judges |", "| --- | ---: | ---: |");
    for (const c of p.judging.criteria)
      lines.push(`| ${escapeMarkdown(c.criterion)} | ${c.average ?? "not scored"} | ${c.judges} |`);
    lines.push("");
  }
  if (p.peoplesChoice)
    lines.push(
      `People's choice: ${plural(p.peoplesChoice.votes, "vote")}${p.peoplesChoice.rank ? `, ranked ${p.peoplesChoice.rank}` : ""}.`,
    );
  if (p.combined) lines.push(`Overall: ranked ${p.combined.rank} (${p.combined.score} out of 100, judges and people's choice).`);
  return lines.length === 0 ? null : lines.join("\n").trimEnd();
}

const ordinal = (n: number) => {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th");
  return `${n}${suffix}`;
};

function boardMarkdown(board: ExportedBoard, data: EventExport) {
  const lines = [`#### ${escapeMarkdown(board.title)}`];
  const noteLine = (n: ExportedBoard["notes"][number]) => {
    const by = authorName(data, n.authorParticipantId, n.byStaff);
    return `- ${escapeMarkdown(n.text || "(no text)")}${n.hadPhoto ? " [photo]" : ""}${by ? ` — ${escapeMarkdown(by)}` : ""}`;
  };
  for (const { column, groups, loose } of boardLayout(board)) {
    if (groups.length === 0 && loose.length === 0) continue;
    lines.push("", `**${escapeMarkdown(column.title)}**`, "");
    for (const { group, notes } of groups) {
      lines.push(`- Group: ${escapeMarkdown(group.title || "Untitled group")}`);
      for (const n of notes) lines.push(`  ${noteLine(n)}`);
    }
    for (const n of loose) lines.push(noteLine(n));
  }
  if (board.notes.length === 0) lines.push("", "No notes.");
  return lines.join("\n");
}

function voteMarkdown(round: VoteResult) {
  const lines = [
    `Vote on ${escapeMarkdown(round.boardTitle)} (${round.status}): ${plural(round.voters, "voter")}, ${plural(round.dots, "dot")}.`,
    "",
  ];
  if (round.ranked.length > 0) {
    lines.push("| Rank | Dots | Note |", "| ---: | ---: | --- |");
    for (const r of round.ranked) lines.push(`| ${r.rank} | ${r.dots} | ${escapeMarkdown(r.label)} |`);
  }
  if (round.shortlist.length > 0) {
    lines.push("", "Shortlist:");
    round.shortlist.forEach((s, i) => {
      lines.push(`${i + 1}\\. ${escapeMarkdown(s.label)}`);
    });
  }
  return lines.join("\n");
}

export function eventMarkdown(data: EventExport): string {
  const e = data.event;
  const attendance = attendanceOf(data);
  const out: string[] = [`# ${escapeMarkdown(e.name)}`, ""];
  const when = [date(e.startsAt), e.endsAt && date(e.endsAt) !== date(e.startsAt) ? date(e.endsAt) : ""].filter(Boolean);
  if (when.length || e.place) out.push([when.join(" to "), escapeMarkdown(e.place)].filter(Boolean).join(" · "), "");
  if (e.description) out.push(escapeMarkdown(e.description), "");

  out.push("## Who came", "");
  out.push(`${plural(attendance.total, "person", "people")} joined; ${attendance.stayed} stayed to the end.`, "");
  if (attendance.kinds.length > 0) {
    for (const k of attendance.kinds)
      out.push(`- ${k.kind ? participantKindLabels[k.kind as keyof typeof participantKindLabels] : "Didn't say"}: ${k.count}`);
    out.push("");
  }
  if (attendance.skills.length > 0)
    out.push(`Skills in the room: ${attendance.skills.map((s) => `${escapeMarkdown(s.skill)} (${s.count})`).join(", ")}.`, "");

  for (const team of teamReports(data)) {
    out.push(`## Team: ${escapeMarkdown(team.name)}`, "");
    for (const section of teamMarkdownSections) {
      const body = section.render(team, data);
      if (body) out.push(`### ${section.title}`, "", body, "");
    }
  }

  const room = roomBoards(data).filter(({ board }) => board.notes.length > 0);
  if (room.length > 0) {
    out.push("## Boards for the whole room", "");
    for (const { board, votes } of room) {
      out.push(boardMarkdown(board, data), "");
      for (const v of votes) out.push(voteMarkdown(v), "");
    }
  }
  out.push(`_Exported from Made In on ${date(data.exportedAt)}._`, "");
  return out.join("\n");
}
