"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef } from "react";
import { ConnectionPill } from "@/app/live/status";
import { useStaffRoom } from "@/lib/realtime/client/react";
import { useMissedNews } from "@/lib/realtime/client/refresh";
import { usePresentations } from "@/lib/realtime/client/use-presentations";
import { useVoting } from "@/lib/realtime/client/use-voting";
import { lockedBy } from "../../team-panel";

/** How often, at most, the results are read again while judges score and the room votes. */
const refreshEveryMs = 700;

/**
 * Keeps the server-rendered results current: a judge's score, a people's-choice dot, a change of
 * criteria or judges reads them again, at most once per `refreshEveryMs` however fast they come.
 */
export function ResultsLive() {
  const t = useTranslations("presentations-console.results");
  const tr = useTranslations("console.room");
  // The lead locked the room controls: what the big screen shows is theirs to change.
  const locked = lockedBy(useStaffRoom().staff);
  const lockedId = useId();
  const router = useRouter();
  const p = usePresentations();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const seen = useRef(0);

  const changed = useCallback(() => {
    // The first state is what the page was rendered from.
    if (seen.current++ === 0 || pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      router.refresh();
    }, refreshEveryMs);
  }, [router]);
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);
  // Scored or voted between the page's drawing and its first connect: its first state holds it.
  useMissedNews(useCallback(() => router.refresh(), [router]));
  useEffect(() => {
    if (p.state) changed();
  }, [p.state, changed]);

  const boardId = p.state?.run.peoplesChoiceBoardId ?? null;
  const showing = p.state?.run.projecting === "results";
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="results-live">
      {boardId ? <ChoiceWatch boardId={boardId} onChange={changed} /> : null}
      {p.message ? (
        <p role="alert" className="font-semibold text-danger">
          {p.message}
        </p>
      ) : null}
      {p.state ? (
        <button
          type="button"
          className={`btn ${showing ? "btn-primary" : "btn-secondary"}`}
          aria-pressed={showing}
          onClick={() => void p.send("presentation:project", { view: showing ? "presenter" : "results" })}
          disabled={locked !== null}
          aria-describedby={locked !== null ? lockedId : undefined}
          data-testid="project-results"
        >
          {showing ? t("backToPresenter") : t("show")}
        </button>
      ) : null}
      {locked !== null ? (
        <p id={lockedId} role="status" className="basis-full font-semibold" data-testid="controls-locked">
          {tr("locked", { name: locked })}
        </p>
      ) : null}
      <ConnectionPill />
    </div>
  );
}

function ChoiceWatch({ boardId, onChange }: { boardId: string; onChange: () => void }) {
  const { round, tally } = useVoting(boardId);
  // The tally's version, not its total: a dot taken back and given to another team moves no total.
  const version = tally?.version ?? null;
  const status = round?.status ?? null;
  useEffect(() => {
    if (version !== null || status !== null) onChange();
  }, [version, status, onChange]);
  return null;
}
