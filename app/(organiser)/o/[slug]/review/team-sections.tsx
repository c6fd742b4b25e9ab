import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useShownName } from "@/app/ui/shown-name";
import { boardLayout, type TeamPresentation, type TeamReport, type VoteResult } from "@/lib/exports/event-report";
import type { EventExport, ExportedBoard } from "@/lib/exports/export-schema";
import { imageSrcSet } from "@/lib/files/image-sizes";
import { localShortDate } from "@/lib/i18n/dates";
import { fallbackCriterionKey } from "@/lib/presentations/rules";

/**
 * What each team's page of the review shows, in order. To add a section (e.g. the team's
 * presentation and its feedback), add one entry and its title under `review.sections.<key>`;
 * return null when the team has nothing for it, so no empty heading is printed. The Markdown
 * report has its own list in lib/exports/markdown-report.ts.
 */
export type TeamReviewSection = {
  key: string;
  render: (team: TeamReport, data: EventExport) => React.ReactNode | null;
};

export const teamReviewSections: TeamReviewSection[] = [
  { key: "brief", render: (team) => (team.brief ? <BriefSummary team={team} /> : null) },
  { key: "members", render: (team) => <Members team={team} /> },
  {
    key: "boards",
    render: (team, data) =>
      team.boards.length === 0 ? null : team.boards.map((b) => <BoardReview key={b.id} board={b} data={data} />),
  },
  {
    key: "votes",
    render: (team) => (team.votes.length === 0 ? null : team.votes.map((v) => <VoteReview key={v.roundId} round={v} />)),
  },
  {
    key: "showcase",
    render: (team) => (team.presentation ? <ShowcaseReview team={team} presentation={team.presentation} /> : null),
  },
  {
    key: "feedback",
    render: (team) =>
      !team.presentation || team.presentation.feedback.length === 0 ? null : <FeedbackReview presentation={team.presentation} />,
  },
  {
    key: "results",
    render: (team) => {
      const p = team.presentation;
      return p && (p.judging || p.peoplesChoice || p.combined) ? <ResultsReview presentation={p} /> : null;
    },
  },
  {
    key: "projects",
    render: (team) => (team.projects.length === 0 ? null : <ProjectsReview team={team} />),
  },
];

function FeedbackReview({ presentation: p }: { presentation: TeamPresentation }) {
  const locale = useLocale();
  const shownName = useShownName();
  return (
    <ul className="space-y-2">
      {p.feedback.map((f) => (
        <li key={`${f.createdAt}-${f.author}-${f.text}`} className="review-keep rounded-lg border border-line px-3 py-2">
          <span className="block whitespace-pre-line wrap-anywhere">{f.text}</span>
          <span className="block text-sm text-ink-soft">
            {shownName(f.authorName)} · {localShortDate(locale, f.createdAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function ProjectsReview({ team }: { team: TeamReport }) {
  const t = useTranslations("review.projects");
  const locale = useLocale();
  const shownName = useShownName();
  return (
    <ul className="space-y-2">
      {team.projects.map((p) => {
        const latest = p.checkIns.at(-1);
        return (
          <li key={p.id}>
            {t.rich("line", {
              title: p.title,
              owner: shownName(p.ownerName),
              hasCheckIn: latest ? "yes" : "no",
              status: latest?.status ?? "",
              date: latest ? localShortDate(locale, latest.createdAt) : "",
              b: (chunks) => <span className="font-semibold">{chunks}</span>,
            })}
          </li>
        );
      })}
    </ul>
  );
}

function ShowcaseReview({ team, presentation: p }: { team: TeamReport; presentation: TeamPresentation }) {
  const t = useTranslations("review.showcase");
  const s = p.showcase;
  const facts = [
    [t("made"), s?.made ?? ""],
    [t("learned"), s?.learned ?? ""],
    [t("nextSteps"), s?.nextSteps ?? ""],
    [t("takenForwardBy"), p.takenForwardBy],
    [t("needs"), s?.needs ?? ""],
  ].filter(([, v]) => v);
  return (
    <div className="space-y-3" data-testid="review-showcase">
      {s?.title ? <p className="text-lg font-semibold wrap-anywhere">{s.title}</p> : null}
      {s?.summary ? <p className="whitespace-pre-line wrap-anywhere">{s.summary}</p> : null}
      {!s ? <p className="text-ink-soft">{t("none")}</p> : null}
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
          <p className="font-semibold">{t("links")}</p>
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
                alt={t("imageAlt", { title: s.title || team.name, n: i + 1, total: s.images.length })}
                className="aspect-square w-full rounded-lg border border-line object-cover"
                loading="lazy"
              />
            </li>
          ))}
        </ul>
      ) : null}
      {p.order !== null || p.reactions.length > 0 ? (
        <p className="text-ink-soft">
          {p.order !== null ? t("order", { order: p.order }) : ""}
          {p.order !== null && p.reactions.length > 0 ? " " : ""}
          {p.reactions.length > 0
            ? t("reactions", {
                list: p.reactions.map((r) => t("reaction", { kind: r.kind, count: r.count })).join(", "),
              })
            : ""}
        </p>
      ) : null}
    </div>
  );
}

function ResultsReview({ presentation: p }: { presentation: TeamPresentation }) {
  const t = useTranslations("review.results");
  // Averages and scores in the reader's decimal sign (3,5 in French), two decimals at most.
  const format = useFormatter();
  const num = (n: number) => format.number(n, { maximumFractionDigits: 2, useGrouping: false });
  const fallback = useTranslations("presentations.fallbackCriteria");
  const criterionLabel = (criterion: string) => {
    const key = fallbackCriterionKey(criterion);
    return key ? fallback(key) : criterion;
  };
  return (
    <div className="review-keep space-y-3" data-testid="review-results">
      {p.judging ? (
        <>
          <p>
            {t.rich("judgesTotal", {
              total: p.judging.total,
              max: p.judging.max,
              judges: p.judging.judges,
              b: (chunks) => <span className="font-semibold">{chunks}</span>,
            })}
          </p>
          <table className="w-full table-fixed border-collapse text-start">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1 pe-2">
                  {t("criterion")}
                </th>
                <th scope="col" className="w-24 py-1 pe-2">
                  {t("average")}
                </th>
                <th scope="col" className="w-20 py-1">
                  {t("judges")}
                </th>
              </tr>
            </thead>
            <tbody>
              {p.judging.criteria.map((c) => (
                <tr key={c.criterion} className="border-b border-line">
                  <td className="py-1 pe-2 wrap-anywhere">{criterionLabel(c.criterion)}</td>
                  <td className="py-1 pe-2">{c.average === null ? t("notScored") : num(c.average)}</td>
                  <td className="py-1">{c.judges}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {p.peoplesChoice ? (
        <p>
          {t("peoplesChoice", {
            votes: p.peoplesChoice.votes,
            ranked: p.peoplesChoice.rank ? "yes" : "no",
            rank: p.peoplesChoice.rank ?? 0,
          })}
        </p>
      ) : null}
      {p.combined ? (
        <p className="text-lg font-bold">
          {t.rich("overall", {
            rank: p.combined.rank,
            score: num(p.combined.score),
            soft: (chunks) => <span className="text-base font-normal text-ink-soft">{chunks}</span>,
          })}
        </p>
      ) : null}
    </div>
  );
}

function BriefSummary({ team }: { team: TeamReport }) {
  const t = useTranslations("review.brief");
  const shownName = useShownName();
  const locale = useLocale();
  const brief = team.brief;
  if (!brief) return null;
  const [current] = team.reframes;
  const facts = [
    [t("problem"), brief.problem],
    [t("successLooksLike"), brief.successLooksLike],
    [t("budget"), brief.budget],
    [t("timescale"), brief.timescale],
    [t("owner"), [brief.ownerRole, brief.ownerOrganisation].filter(Boolean).join(", ")],
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
            {t("reframed", { author: shownName(current.authorName), date: localShortDate(locale, current.createdAt) })}
          </figcaption>
          <blockquote className="whitespace-pre-line wrap-anywhere text-lg">{current.text}</blockquote>
          {team.reframes.length > 1 ? (
            <p className="mt-2 text-sm text-ink-soft">{t("earlier", { count: team.reframes.length - 1 })}</p>
          ) : null}
        </figure>
      ) : null}
    </div>
  );
}

function Members({ team }: { team: TeamReport }) {
  const t = useTranslations("review.members");
  const shownName = useShownName();
  if (team.members.length === 0) return <p className="text-ink-soft">{t("none")}</p>;
  return (
    <ul className="grid gap-2 sm:grid-cols-2">
      {team.members.map((m) => (
        <li key={m.id} className="rounded-lg border border-line px-3 py-2">
          <span className="block font-semibold wrap-anywhere">{shownName(m.displayName)}</span>
          <span className="block text-sm text-ink-soft">
            {[m.kind ? t("kind", { kind: m.kind }) : null, m.skills.join(", ") || null].filter(Boolean).join(" · ") ||
              t("didntSay")}
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
  const t = useTranslations("review.board");
  const shownName = useShownName();
  const people = new Map(data.participants.map((p) => [p.id, p.displayName]));
  const Note = ({ note }: { note: ExportedBoard["notes"][number] }) => (
    <li className={`review-keep rounded-md px-3 py-2 text-ink ${noteColours[note.colour] ?? "bg-note-yellow"}`}>
      <span className="block whitespace-pre-line wrap-anywhere">{note.text || t("noText")}</span>
      <span className="block text-xs text-ink-soft">
        {t("noteBy", {
          by: note.byStaff ? "staff" : "person",
          name: note.authorParticipantId ? shownName(people.get(note.authorParticipantId) ?? "") : "",
          photo: note.hadPhoto ? "yes" : "no",
        })}
      </span>
    </li>
  );
  return (
    <section className="space-y-3" aria-label={t("label", { title: board.title })}>
      <h4 className="text-lg font-bold">
        {board.title} <span className="text-base font-normal text-ink-soft">{t("noteCount", { count: board.notes.length })}</span>
      </h4>
      <div className="grid gap-4 md:grid-cols-2">
        {boardLayout(board).map(({ column, groups, loose }) => (
          <div key={column.key} className="space-y-2">
            <h5 className="font-semibold">{column.title}</h5>
            {groups.length === 0 && loose.length === 0 ? <p className="text-sm text-ink-soft">{t("noNotes")}</p> : null}
            {groups.map(({ group, notes }) => (
              <div key={group.id} className="review-keep rounded-lg border-2 border-dashed border-line p-2">
                <p className="mb-1 text-sm font-bold">{group.title || t("untitledGroup")}</p>
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

function VoteReview({ round }: { round: VoteResult }) {
  const t = useTranslations("review.vote");
  return (
    <section className="review-keep space-y-2" aria-label={t("label", { board: round.boardTitle })}>
      <p>
        {t.rich("summary", {
          board: round.boardTitle,
          status: round.status,
          voters: round.voters,
          dots: round.dots,
          b: (chunks) => <span className="font-semibold">{chunks}</span>,
        })}
      </p>
      {round.ranked.length > 0 ? (
        <table className="w-full table-fixed border-collapse text-start">
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="w-24 py-1 pe-2 break-words">
                {t("rank")}
              </th>
              <th scope="col" className="w-24 py-1 pe-2 break-words">
                {t("dots")}
              </th>
              <th scope="col" className="py-1">
                {t("note")}
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
          <p className="font-semibold">{t("shortlist")}</p>
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
