"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { useTeams } from "@/lib/realtime/client/teams";
import { roomiestOnScreen, type ScreenDensity, TeamCard } from "./team-overview";
import { useFittingStep } from "./use-fitting-step";

/**
 * From the roomiest to the tightest: what each team shows, its card's words, and the narrowest
 * column the cards may take (no narrower than a long team name's longest words). Two teams show
 * everything; a dozen keep their names, headcounts and places on the screen, still readable from
 * the back of the hall (the smallest name is 1.25 rem, as the smallest note on a projected board:
 * lib/boards/wall-layout.ts says why).
 */
type Density = { card: ScreenDensity; column: string; gap: string; heading: string };
const roomiest: Density = { card: roomiestOnScreen, column: "22rem", gap: "gap-6", heading: "mb-4 text-3xl" };
const tight = (flags: boolean, name: string): Density => ({
  card: {
    card: "space-y-1 px-4 py-2",
    name,
    count: "text-3xl",
    capacity: "text-xl",
    people: "text-base",
    brief: null,
    flags: flags ? "text-base" : null,
    kinds: null,
    skills: false,
  },
  column: "17rem",
  gap: "gap-3",
  heading: "mb-2 text-2xl",
});

const densities: Density[] = [
  roomiest,
  {
    card: {
      card: "space-y-2 px-5 py-4",
      name: "text-2xl",
      count: "text-4xl",
      capacity: "text-2xl",
      people: "text-base",
      brief: "text-lg",
      flags: "text-lg",
      kinds: "text-lg",
      skills: false,
    },
    column: "20rem",
    gap: "gap-5",
    heading: "mb-3 text-3xl",
  },
  {
    card: {
      card: "space-y-2 px-5 py-3",
      name: "text-2xl",
      count: "text-4xl",
      capacity: "text-2xl",
      people: "text-base",
      brief: null,
      flags: "text-lg",
      kinds: null,
      skills: false,
    },
    column: "20rem",
    gap: "gap-4",
    heading: "mb-3 text-2xl",
  },
  tight(true, "text-xl"),
  tight(false, "text-xl"),
  // Past this, a long name ends after two lines.
  tight(false, "text-xl line-clamp-2"),
];

/**
 * The room's teams on the big screen, live, as the whole room may see them: under the notes of
 * the join wall, or as a wall of their own. Every team is drawn whole in the box it is given,
 * however many there are: the cards tighten until they fit, and past what fits at the tightest
 * the last place says how many more teams there are.
 */
export function TeamWall() {
  const t = useTranslations("live.teams");
  const { state, error } = useTeams();
  const titleId = useId();
  const { box, step, shown } = useFittingStep<HTMLElement>(densities.length, state);
  const density = densities[step] ?? roomiest;

  if (!state) return error ? <p className="text-2xl text-white/80">{error}</p> : null;
  if (state.teams.length === 0) return null;
  const unassigned = state.people.filter((p) => p.teamId === null || !state.teams.some((t) => t.id === p.teamId));
  const inTeams = state.people.length - unassigned.length;
  const teams = shown === null ? state.teams : state.teams.slice(0, shown);
  const more = state.teams.length - teams.length;

  return (
    <section
      ref={box}
      aria-labelledby={titleId}
      className="h-full overflow-hidden px-12 pb-2"
      data-testid="team-overview"
      data-density={step}
    >
      <h2 id={titleId} className={`font-bold ${density.heading}`}>
        {t("heading")}
        <span className="ms-4 text-2xl font-semibold text-white/70">
          {t("screenSummary", { inTeams, choosing: unassigned.length })}
        </span>
      </h2>
      <ul
        className={`grid ${density.gap}`}
        style={{ gridTemplateColumns: `repeat(auto-fill, minmax(min(100%, ${density.column}), 1fr))` }}
      >
        {teams.map((team) => (
          <TeamCard
            key={team.id}
            team={team}
            members={state.people.filter((p) => p.teamId === team.id)}
            variant="screen"
            density={density.card}
          />
        ))}
        {more > 0 ? (
          <li
            className="flex items-center justify-center rounded-2xl bg-stage-raised px-4 py-2 text-center text-2xl font-bold"
            data-testid="more-teams"
          >
            {t("moreTeams", { count: more })}
          </li>
        ) : null}
      </ul>
    </section>
  );
}
