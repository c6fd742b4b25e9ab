"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useShownName } from "@/app/ui/shown-name";
import { type NameNumbers, numberSharedNames } from "@/lib/participants/distinct-names";
import type { PersonView, TeamView } from "@/lib/realtime/contract";

/**
 * People as the console names them: the room's public name, numbered when others share it
 * ("A. B. (2)", lib/participants/distinct-names.ts), so a projected console never shows more of
 * anyone's name yet the facilitator can tell them apart. One console keeps its numbers from one
 * drawing of the room to the next (joins, renames and leaves arrive live), so call it once per
 * screen and hand the result to every list on it: they then agree.
 */
export function useConsoleNames(people: readonly PersonView[]): (person: PersonView) => string {
  const t = useTranslations("ui.shownNames");
  const shownName = useShownName();
  const [drawn, setDrawn] = useState<{ people: readonly PersonView[]; numbers: NameNumbers }>(() => ({
    people,
    numbers: numberSharedNames(people),
  }));
  let numbers = drawn.numbers;
  if (drawn.people !== people) {
    // The room changed: renumber from what this console last drew (React's "state from the
    // previous render" pattern: no effect, so no frame shows the old numbers).
    numbers = numberSharedNames(people, drawn.numbers);
    setDrawn({ people, numbers });
  }
  return (person) => {
    const n = numbers.get(person.id)?.n;
    const name = shownName(person.name);
    return n == null ? name : t("numbered", { name, n });
  };
}

/** What a console's lists of people are drawn from: the room, and how the console names them. */
export type ConsoleRoom = { people: PersonView[]; teams: TeamView[]; nameOf: (person: PersonView) => string };
