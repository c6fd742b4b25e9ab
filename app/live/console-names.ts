"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useShownName } from "@/app/ui/shown-name";
import { numberSharedNames } from "@/lib/participants/distinct-names";
import type { PersonView, TeamView } from "@/lib/realtime/contract";

/**
 * People as the console names them: the room's public name, numbered when others share it
 * ("A. B. (2)", lib/participants/distinct-names.ts), so a projected console never shows more of
 * anyone's name yet the facilitator can tell them apart. The numbers come from the room alone, so
 * every console, phone and list drawing it agrees.
 */
export function useConsoleNames(people: readonly PersonView[]): (person: PersonView) => string {
  const t = useTranslations("ui.shownNames");
  const shownName = useShownName();
  const numbers = useMemo(() => numberSharedNames(people), [people]);
  return (person) => {
    const n = numbers.get(person.id);
    const name = shownName(person.name);
    return n == null ? name : t("numbered", { name, n });
  };
}

/** What a console's lists of people are drawn from: the room, and how the console names them. */
export type ConsoleRoom = { people: PersonView[]; teams: TeamView[]; nameOf: (person: PersonView) => string };
