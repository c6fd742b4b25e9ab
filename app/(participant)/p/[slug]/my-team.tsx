"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { useConsoleNames } from "@/app/live/console-names";
import { useTeams } from "@/lib/realtime/client/teams";
import type { PersonView, TeamView } from "@/lib/realtime/contract";
import { hasRoom } from "@/lib/teams/team-rules";

function TeamPicker({
  teams,
  people,
  myTeamId,
  joining,
  onJoin,
}: {
  teams: TeamView[];
  people: PersonView[];
  myTeamId: string | null;
  joining: string | null;
  onJoin: (teamId: string) => void;
}) {
  const t = useTranslations("phone.team");
  return (
    <ul className="space-y-3" aria-label={t("teamsLabel")}>
      {teams.map((team) => {
        const members = people.filter((p) => p.teamId === team.id);
        const mine = team.id === myTeamId;
        const full = !mine && !hasRoom(team.capacity, members.length);
        return (
          <li key={team.id} className="card flex items-center gap-3 p-4" data-testid="team-option">
            <div className="min-w-0 flex-1">
              <h3 className="break-words text-lg font-bold">{team.name}</h3>
              {team.briefTitle && team.briefTitle !== team.name ? (
                <p className="text-sm text-ink-soft">{t("brief", { brief: team.briefTitle })}</p>
              ) : null}
              <p className="text-sm text-ink-soft" data-testid="team-places">
                {team.capacity === null
                  ? t("people", { count: members.length })
                  : t("placesTaken", { count: members.length, capacity: team.capacity })}
              </p>
            </div>
            {mine ? (
              <span className="rounded-full bg-brand-soft px-3 py-2 text-sm font-semibold text-brand-dark">{t("youreHere")}</span>
            ) : (
              <button
                type="button"
                className="btn btn-primary shrink-0"
                disabled={full || joining !== null}
                onClick={() => onJoin(team.id)}
                aria-label={
                  full
                    ? t("fullLabel", { team: team.name })
                    : myTeamId
                      ? t("moveToLabel", { team: team.name })
                      : t("joinLabel", { team: team.name })
                }
              >
                {joining === team.id ? t("joining") : full ? t("full") : myTeamId ? t("moveHere") : t("join")}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

const nobody: PersonView[] = [];

/** My team and my brief, or the teams to choose from: moving is one tap, at any time. */
export function MyTeam({ slug, isStaff }: { slug: string; isStaff: boolean }) {
  const t = useTranslations("phone.team");
  const { state, error, me, join, joining, refusal } = useTeams();
  const [choosing, setChoosing] = useState(false);
  const titleId = useId();
  const moved = useMovedElsewhere(me?.teamId, state !== null);
  // Mates who share a public name (two "A. B."s) are numbered, as the console numbers them.
  const nameOf = useConsoleNames(state?.people ?? nobody);

  if (isStaff) return null;
  if (!state) {
    return (
      <section aria-labelledby={titleId} className="card p-5">
        <h2 id={titleId} className="text-xl font-bold">
          {t("heading")}
        </h2>
        <p className="text-ink-soft">{error ?? t("finding")}</p>
      </section>
    );
  }
  if (state.teams.length === 0) {
    return (
      <section aria-labelledby={titleId} className="card p-5">
        <h2 id={titleId} className="text-xl font-bold">
          {t("heading")}
        </h2>
        <p className="text-ink-soft">{t("noTeams")}</p>
      </section>
    );
  }

  const myTeam = state.teams.find((t) => t.id === me?.teamId) ?? null;
  const mates = myTeam ? state.people.filter((p) => p.teamId === myTeam.id && p.id !== me?.id) : [];
  const onJoin = (teamId: string) => {
    moved.expect(teamId);
    void join(teamId).then((ok) => ok && setChoosing(false));
  };
  // Said once, where the person looks: in their team's card, or above the teams to choose from.
  const movedNote = moved.news ? (
    <p role="status" className="rounded-lg bg-brand-soft p-3 font-semibold text-brand-dark" data-testid="team-moved">
      {moved.news.teamId && myTeam ? t("nowIn", { team: myTeam.name }) : t("outOfTeam")}
    </p>
  ) : null;
  const refusalNote = refusal ? (
    <p role="alert" className="field-error" data-testid="team-refusal">
      {refusal}
    </p>
  ) : null;

  if (!myTeam) {
    return (
      <section aria-labelledby={titleId} className="space-y-3">
        <div>
          <h2 id={titleId} className="text-xl font-bold">
            {t("chooseHeading")}
          </h2>
          <p className="text-ink-soft">{t("chooseIntro")}</p>
        </div>
        {movedNote}
        {refusalNote}
        <TeamPicker teams={state.teams} people={state.people} myTeamId={null} joining={joining} onJoin={onJoin} />
      </section>
    );
  }

  return (
    <section aria-labelledby={titleId} className="space-y-3">
      <div className="card space-y-3 border-2 border-brand p-5" data-testid="my-team">
        {movedNote}
        <p className="eyebrow">{t("heading")}</p>
        <h2 id={titleId} className="break-words text-2xl font-extrabold tracking-tight" data-testid="my-team-name">
          {myTeam.name}
        </h2>
        {myTeam.briefId ? (
          <Link href={`/p/${slug}/brief/${myTeam.briefId}`} className="btn btn-primary w-full">
            {myTeam.briefTitle && myTeam.briefTitle !== myTeam.name
              ? t("readNamedBrief", { brief: myTeam.briefTitle })
              : t("readBrief")}
          </Link>
        ) : null}
        <div>
          <h3 className="font-semibold">{mates.length === 0 ? t("nobodyElse") : t("withYou")}</h3>
          {mates.length > 0 ? (
            <ul className="mt-1 flex flex-wrap gap-2" data-testid="team-mates">
              {mates.map((p) => (
                <li key={p.id} className="max-w-full rounded-full bg-paper px-3 py-1 text-sm [overflow-wrap:anywhere]">
                  <bdi>{nameOf(p)}</bdi>
                  {p.kind ? <span className="text-ink-soft"> · {t(`kind.${p.kind}`)}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <button
          type="button"
          className="btn btn-secondary w-full"
          aria-expanded={choosing}
          onClick={() => setChoosing((c) => !c)}
        >
          {choosing ? t("stay") : t("change")}
        </button>
      </div>
      {refusalNote}
      {choosing ? (
        <TeamPicker teams={state.teams} people={state.people} myTeamId={myTeam.id} joining={joining} onJoin={onJoin} />
      ) : null}
    </section>
  );
}

/**
 * Notices this person's team changing without a tap on this phone (a facilitator moved them, or
 * they moved on another device), so the change is said, not just redrawn. The team this phone
 * asked for (`expect`) is its own doing and says nothing: its answer can come before the broadcast.
 */
function useMovedElsewhere(teamId: string | null | undefined, loaded: boolean) {
  const seen = useRef<string | null | undefined>(undefined);
  const asked = useRef<string | null | undefined>(undefined);
  const [news, setNews] = useState<{ teamId: string | null } | null>(null);
  useEffect(() => {
    if (!loaded || teamId === undefined) return;
    const before = seen.current;
    seen.current = teamId;
    if (before === undefined || before === teamId) return;
    if (asked.current === teamId) {
      asked.current = undefined;
      setNews(null);
      return;
    }
    setNews({ teamId });
  }, [teamId, loaded]);
  return {
    news,
    expect: (next: string | null) => {
      asked.current = next;
    },
  };
}
