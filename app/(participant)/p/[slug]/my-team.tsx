"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { participantKindLabels } from "@/lib/participants/profile-facts";
import { plural } from "@/lib/plural";
import { useTeams } from "@/lib/realtime/client/teams";
import type { PersonView, TeamView } from "@/lib/realtime/contract";
import { hasRoom } from "@/lib/teams/team-rules";

function places(team: TeamView, headcount: number) {
  return team.capacity === null ? plural(headcount, "person", "people") : `${headcount} of ${team.capacity} places taken`;
}

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
  return (
    <ul className="space-y-3" aria-label="Teams">
      {teams.map((team) => {
        const members = people.filter((p) => p.teamId === team.id);
        const mine = team.id === myTeamId;
        const full = !mine && !hasRoom(team.capacity, members.length);
        return (
          <li key={team.id} className="card flex items-center gap-3 p-4" data-testid="team-option">
            <div className="min-w-0 flex-1">
              <h3 className="break-words text-lg font-bold">{team.name}</h3>
              {team.briefTitle && team.briefTitle !== team.name ? (
                <p className="text-sm text-ink-soft">Brief: {team.briefTitle}</p>
              ) : null}
              <p className="text-sm text-ink-soft" data-testid="team-places">
                {places(team, members.length)}
              </p>
            </div>
            {mine ? (
              <span className="rounded-full bg-brand-soft px-3 py-2 text-sm font-semibold text-brand-dark">You're here</span>
            ) : (
              <button
                type="button"
                className="btn btn-primary shrink-0"
                disabled={full || joining !== null}
                onClick={() => onJoin(team.id)}
                aria-label={full ? `${team.name} is full` : `${myTeamId ? "Move to" : "Join"} ${team.name}`}
              >
                {joining === team.id ? "Joining…" : full ? "Full" : myTeamId ? "Move here" : "Join"}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** My team and my brief, or the teams to choose from: moving is one tap, at any time. */
export function MyTeam({ slug, isStaff }: { slug: string; isStaff: boolean }) {
  const { state, error, me, join, joining, refusal } = useTeams();
  const [choosing, setChoosing] = useState(false);
  const titleId = useId();

  if (isStaff) return null;
  if (!state) {
    return (
      <section aria-labelledby={titleId} className="card p-5">
        <h2 id={titleId} className="text-xl font-bold">
          Your team
        </h2>
        <p className="text-ink-soft">{error ?? "Finding the teams…"}</p>
      </section>
    );
  }
  if (state.teams.length === 0) {
    return (
      <section aria-labelledby={titleId} className="card p-5">
        <h2 id={titleId} className="text-xl font-bold">
          Your team
        </h2>
        <p className="text-ink-soft">Teams appear here once the briefs are published. You'll choose one with a tap.</p>
      </section>
    );
  }

  const myTeam = state.teams.find((t) => t.id === me?.teamId) ?? null;
  const mates = myTeam ? state.people.filter((p) => p.teamId === myTeam.id && p.id !== me?.id) : [];
  const onJoin = (teamId: string) => {
    void join(teamId).then((ok) => ok && setChoosing(false));
  };
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
            Choose a team
          </h2>
          <p className="text-ink-soft">Pick the brief you'd like to work on. You can move at any time.</p>
        </div>
        {refusalNote}
        <TeamPicker teams={state.teams} people={state.people} myTeamId={null} joining={joining} onJoin={onJoin} />
      </section>
    );
  }

  return (
    <section aria-labelledby={titleId} className="space-y-3">
      <div className="card space-y-3 border-2 border-brand p-5" data-testid="my-team">
        <p className="eyebrow">Your team</p>
        <h2 id={titleId} className="break-words text-2xl font-extrabold tracking-tight" data-testid="my-team-name">
          {myTeam.name}
        </h2>
        {myTeam.briefId ? (
          <Link href={`/p/${slug}/brief/${myTeam.briefId}`} className="btn btn-primary w-full">
            Read your brief{myTeam.briefTitle && myTeam.briefTitle !== myTeam.name ? `: ${myTeam.briefTitle}` : ""}
          </Link>
        ) : null}
        <div>
          <h3 className="font-semibold">{mates.length === 0 ? "Nobody else here yet" : "With you"}</h3>
          {mates.length > 0 ? (
            <ul className="mt-1 flex flex-wrap gap-2" data-testid="team-mates">
              {mates.map((p) => (
                <li key={p.id} className="max-w-full rounded-full bg-paper px-3 py-1 text-sm [overflow-wrap:anywhere]">
                  {p.name}
                  {p.kind ? <span className="text-ink-soft"> · {participantKindLabels[p.kind].toLowerCase()}</span> : null}
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
          {choosing ? "Stay in this team" : "Change team"}
        </button>
      </div>
      {refusalNote}
      {choosing ? (
        <TeamPicker teams={state.teams} people={state.people} myTeamId={myTeam.id} joining={joining} onJoin={onJoin} />
      ) : null}
    </section>
  );
}
