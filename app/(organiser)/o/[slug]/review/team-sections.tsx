import { boardLayout, type TeamPresentation, type TeamReport, type VoteResult } from "@/lib/exports/event-report";
import type { EventExport, ExportedBoard } from "@/lib/exports/export-schema";
import { imageSrcSet } from "@/lib/files/image-sizes";
import { participantKindLabels } from "@/lib/participants/profile-facts";
import { plural } from "@/lib/plural";
import { checkInStatusLabels, shortDate } from "@/lib/projects/check-in-rules";
import { reactionLabels } from "@/lib/realtime/constants";

/**
 * What each team's page of the review shows, in order. To add a section (e.g. the team's
 * presentation and its feedback), add one entry; return null when the team has nothing for it,
 * so no empty heading is printed. The Markdown report has its own list in
 * lib/exports/markdown-report.ts.
 */
export type TeamReviewSection = {
  key: string;
  title: string;
  render: (team: TeamReport, data: EventExport) => React.ReactNode | null;
};

export const teamReviewSections: TeamReviewSection[] = [
  { key: "brief", title: "Brief", render: (team) => (team.brief ? <BriefSummary team={team} /> : null) },
  { key: "members", title: "Members", render: (team) => <Members team={team} /> },
  {
    key: "boards",
    title: "Boards",
    render: (team, data) =>
      team.boards.length === 0 ? null : team.boards.map((b) => <BoardReview key={b.id} board={b} data={data} />),
  },
  {
    key: "votes",
    title: "Votes and shortlists",
    render: (team) => (team.votes.length === 0 ? null : team.votes.map((v) => <VoteReview key={v.roundId} round={v} />)),
  },
  {
    key: "showcase",
    title: "Showcase",
    render: (team) => (team.presentation ? <ShowcaseReview team={team} presentation={team.presentation} /> : null),
  },
  {
    key: "feedback",
    title: "Feedback from the room",
    render: (team) =>
      !team.presentation || team.presentation.feedback.length === 0 ? null : (
        <ul className="space-y-2">
          {team.presentation.feedback.map((f) => (
            <li key={`${f.createdAt}-${f.author}-${f.text}`} className="review-keep rounded-lg border border-line px-3 py-2">
              <span className="block whitespace-pre-line wrap-anywhere">{f.text}</span>
              <span className="block text-sm text-ink-soft">
                {f.authorName} · {shortDate(f.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      ),
  },
  {
    key: "results",
    title: "Judging and people's choice",
    render: (team) => {
      const p = team.presentation;
      return p && (p.judging || p.peoplesChoice || p.combined) ? <ResultsReview presentation={p} /> : null;
    },
  },
  {
    key: "projects",
    title: "Projects after the event",
    render: (team) =>
      team.projects.length === 0 ? null : (
        <ul className="space-y-2">
          {team.projects.map((p) => {
            const latest = p.checkIns.at(-1);
            return (
              <li key={p.id}>
                <span className="font-semibold">{p.title}</span> — {p.ownerName}
                {latest ? ` · ${checkInStatusLabels[latest.status]} (${shortDate(latest.createdAt)})` : " · no check-in yet"}
              </li>
            );
          })}
        </ul>
      ),
  },
];

const ordinal = (n: number) => {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[n % 10] ?? "th");
  return `${n}${suffix}`;
};

function ShowcaseReview({ team, presentation: p }: { team: TeamReport; presentation: TeamPresentation }) {
  const s = p.showcase;
  const facts = [
    ["What we made", s?.made ?? ""],
    ["What we learned", s?.learned ?? ""],
    ["Next steps", s?.nextSteps ?? ""],
    ["Who takes it forward", p.takenForwardBy],
    ["What we need", s?.needs ?? ""],
  ].filter(([, v]) => v);
  return (
    <div className="space-y-3" data-testid="review-showcase">
      {s?.title ? <p className="text-lg font-semibold wrap-anywhere">{s.title}</p> : null}
      {s?.summary ? <p className="whitespace-pre-line wrap-anywhere">{s.summary}</p> : null}
      {!s ? <p className="text-ink-soft">The team didn't write a showcase.</p> : null}
      {facts.length > 0 ? (
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-semibold text-ink-soft">{k}</dt>
              <dd className="whitespace-pre-line wrap-anywhere">{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {s && s.links.length > 0 ? (
        <div>
          <p className="font-semibold">Links</p>
          <ul className="list-disc ps-6">
            {s.links.map((l) => (
              <li key={`${l.title}-${l.url}`} className="wrap-anywhere">
                {l.title && l.title !== l.url ? `${l.title}: ` : ""}
                {/^https?:\/\//i.test(l.url) ? (
                  <a href={l.url} className="link" rel="noopener noreferrer nofollow" target="_blank">
                    {l.url}
                  </a>
                ) : (
                  l.url
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {s && s.images.length > 0 ? (
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {s.images.map((image, i) => (
            <li key={image.id} className="review-keep">
              {/* Served to staff of the event only; a plain img so it prints. */}
              {/* biome-ignore lint/performance/noImgElement: an authenticated route, not an optimisable asset */}
              <img
                src={`/showcase-images/${image.id}?w=640`}
                srcSet={imageSrcSet(`/showcase-images/${image.id}`)}
                sizes="(min-width: 40rem) 12rem, 50vw"
                alt={`${s.title || team.name}, ${i + 1} of ${s.images.length}`}
                className="aspect-square w-full rounded-lg border border-line object-cover"
                loading="lazy"
              />
            </li>
          ))}
        </ul>
      ) : null}
      {p.order !== null || p.reactions.length > 0 ? (
        <p className="text-ink-soft">
          {p.order !== null ? `Presented ${ordinal(p.order)} in the running order.` : ""}
          {p.order !== null && p.reactions.length > 0 ? " " : ""}
          {p.reactions.length > 0
            ? `Reactions: ${p.reactions.map((r) => `${reactionLabels[r.kind].label} ${r.count}`).join(", ")}.`
            : ""}
        </p>
      ) : null}
    </div>
  );
}

function ResultsReview({ presentation: p }: { presentation: TeamPresentation }) {
  return (
    <div className="review-keep space-y-3" data-testid="review-results">
      {p.judging ? (
        <>
          <p>
            <span className="font-semibold">
              Judges' total: {p.judging.total} out of {p.judging.max}
            </span>{" "}
            ({plural(p.judging.judges, "judge")}, each scoring 1 to 5 per criterion).
          </p>
          <table className="w-full table-fixed border-collapse text-start">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1 pe-2">
                  Criterion
                </th>
                <th scope="col" className="w-24 py-1 pe-2">
                  Average
                </th>
                <th scope="col" className="w-20 py-1">
                  Judges
                </th>
              </tr>
            </thead>
            <tbody>
              {p.judging.criteria.map((c) => (
                <tr key={c.criterion} className="border-b border-line">
                  <td className="py-1 pe-2 wrap-anywhere">{c.criterion}</td>
                  <td className="py-1 pe-2">{c.average ?? "not scored"}</td>
                  <td className="py-1">{c.judges}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {p.peoplesChoice ? (
        <p>
          People's choice: {plural(p.peoplesChoice.votes, "vote")}
          {p.peoplesChoice.rank ? `, ranked ${p.peoplesChoice.rank}` : ""}.
        </p>
      ) : null}
      {p.combined ? (
        <p className="text-lg font-bold">
          Overall: ranked {p.combined.rank}{" "}
          <span className="text-base font-normal text-ink-soft">
            ({p.combined.score} out of 100, judges and people's choice together)
          </span>
        </p>
      ) : null}
    </div>
  );
}

function BriefSummary({ team }: { team: TeamReport }) {
  const brief = team.brief;
  if (!brief) return null;
  const [current] = team.reframes;
  const facts = [
    ["The problem", brief.problem],
    ["What success looks like", brief.successLooksLike],
    ["Budget", brief.budget],
    ["Timescale", brief.timescale],
    ["Owner", [brief.ownerRole, brief.ownerOrganisation].filter(Boolean).join(", ")],
  ].filter(([, v]) => v);
  return (
    <div className="space-y-3">
      <p className="text-lg font-semibold">{brief.title}</p>
      {facts.length > 0 ? (
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
          {facts.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-semibold text-ink-soft">{k}</dt>
              <dd className="whitespace-pre-line wrap-anywhere">{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {current ? (
        <figure className="review-keep rounded-xl bg-brand-soft p-4">
          <figcaption className="mb-1 text-sm font-bold text-brand-dark">
            Reframed by the team ({current.authorName}, {shortDate(current.createdAt)})
          </figcaption>
          <blockquote className="whitespace-pre-line wrap-anywhere text-lg">{current.text}</blockquote>
          {team.reframes.length > 1 ? (
            <p className="mt-2 text-sm text-ink-soft">
              {plural(team.reframes.length - 1, "earlier framing")} kept in the history.
            </p>
          ) : null}
        </figure>
      ) : null}
    </div>
  );
}

function Members({ team }: { team: TeamReport }) {
  if (team.members.length === 0) return <p className="text-ink-soft">Nobody was in this team at the end.</p>;
  return (
    <ul className="grid gap-2 sm:grid-cols-2">
      {team.members.map((m) => (
        <li key={m.id} className="rounded-lg border border-line px-3 py-2">
          <span className="block font-semibold wrap-anywhere">{m.displayName}</span>
          <span className="block text-sm text-ink-soft">
            {[m.kind ? participantKindLabels[m.kind] : null, m.skills.join(", ") || null].filter(Boolean).join(" · ") ||
              "Didn't say"}
          </span>
        </li>
      ))}
    </ul>
  );
}

const noteColours: Record<string, string> = {
  yellow: "bg-note-yellow",
  pink: "bg-note-pink",
  blue: "bg-note-blue",
  green: "bg-note-green",
  orange: "bg-note-orange",
};

function BoardReview({ board, data }: { board: ExportedBoard; data: EventExport }) {
  const people = new Map(data.participants.map((p) => [p.id, p.displayName]));
  const Note = ({ note }: { note: ExportedBoard["notes"][number] }) => (
    <li className={`review-keep rounded-md px-3 py-2 text-ink ${noteColours[note.colour] ?? "bg-note-yellow"}`}>
      <span className="block whitespace-pre-line wrap-anywhere">{note.text || "(no text)"}</span>
      <span className="block text-xs text-ink-soft">
        {note.byStaff ? "Staff" : note.authorParticipantId ? people.get(note.authorParticipantId) : ""}
        {note.hadPhoto ? " · with a photo" : ""}
      </span>
    </li>
  );
  return (
    <section className="space-y-3" aria-label={`Board: ${board.title}`}>
      <h4 className="text-lg font-bold">
        {board.title} <span className="text-base font-normal text-ink-soft">· {plural(board.notes.length, "note")}</span>
      </h4>
      <div className="grid gap-4 md:grid-cols-2">
        {boardLayout(board).map(({ column, groups, loose }) => (
          <div key={column.key} className="space-y-2">
            <h5 className="font-semibold">{column.title}</h5>
            {groups.length === 0 && loose.length === 0 ? <p className="text-sm text-ink-soft">No notes.</p> : null}
            {groups.map(({ group, notes }) => (
              <div key={group.id} className="review-keep rounded-lg border-2 border-dashed border-line p-2">
                <p className="mb-1 text-sm font-bold">{group.title || "Untitled group"}</p>
                <ul className="space-y-1">
                  {notes.map((n) => (
                    <Note key={n.id} note={n} />
                  ))}
                </ul>
              </div>
            ))}
            {loose.length > 0 ? (
              <ul className="space-y-1">
                {loose.map((n) => (
                  <Note key={n.id} note={n} />
                ))}
              </ul>
            ) : null}
          </div>
        ))}
      </div>
    </section>
  );
}

const roundStatus = { open: "still open", closed: "closed", revealed: "revealed" } as const;

function VoteReview({ round }: { round: VoteResult }) {
  return (
    <section className="review-keep space-y-2" aria-label={`Vote on ${round.boardTitle}`}>
      <p>
        <span className="font-semibold">Vote on {round.boardTitle}</span> ({roundStatus[round.status]}):{" "}
        {plural(round.voters, "voter")}, {plural(round.dots, "dot")}.
      </p>
      {round.ranked.length > 0 ? (
        <table className="w-full table-fixed border-collapse text-start">
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="w-16 py-1 pe-2">
                Rank
              </th>
              <th scope="col" className="w-16 py-1 pe-2">
                Dots
              </th>
              <th scope="col" className="py-1">
                Note
              </th>
            </tr>
          </thead>
          <tbody>
            {round.ranked.map((r) => (
              <tr key={r.targetId} className="border-b border-line">
                <td className="py-1 pe-2">{r.rank}</td>
                <td className="py-1 pe-2">{r.dots}</td>
                <td className="py-1 wrap-anywhere">{r.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {round.shortlist.length > 0 ? (
        <div>
          <p className="font-semibold">Shortlist carried forward</p>
          <ol className="list-decimal ps-6">
            {round.shortlist.map((s) => (
              <li key={s.targetId} className="wrap-anywhere">
                {s.label}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}

export { BoardReview, VoteReview };
