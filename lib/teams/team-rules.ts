/**
 * The rules of teams, as plain functions: who may join, what a team's mix looks like, what
 * a facilitator should notice. Used by the handlers (capacity, inside the transaction) and by
 * every screen (mix and flags), and unit-tested without a server.
 */

import type { ParticipantKind } from "@/lib/participants/profile";
import type { PersonView, TeamView } from "@/lib/realtime/contract-teams";

/** Whether one more person fits. `headcount` counts the team's members *other than* the joiner. */
export function hasRoom(capacity: number | null, headcount: number) {
  return capacity === null || headcount < capacity;
}

/**
 * Whether a facilitator may put someone in a team that has `headcount` members besides them.
 * The same capacity as a person's own tap, with one difference: the facilitator set it, so they
 * may go beyond it, but only by saying so (`beyondCapacity`). A full team is refused first, so a
 * slip of the hand never overfills one, and the refusal says what to do instead.
 */
export function staffPlacementProblem(
  team: Pick<TeamView, "name" | "capacity">,
  headcount: number,
  beyondCapacity: boolean,
): string | null {
  if (beyondCapacity || hasRoom(team.capacity, headcount)) return null;
  return `${team.name} is full (${headcount} of ${team.capacity} places taken). Choose another team, give it more places, or move them anyway.`;
}

/** A capacity below the people already in the team would strand them; refuse it instead. */
export function capacityProblem(capacity: number | null, headcount: number): string | null {
  if (capacity === null || capacity >= headcount) return null;
  return `${headcount} people are already in this team. Set a capacity of at least ${headcount}, or leave it empty.`;
}

export type Count<K> = { key: K; count: number };

function countBy<K>(items: K[]): Count<K>[] {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
}

const skillKey = (skill: string) => skill.trim().toLocaleLowerCase("en-GB");

export type TeamMix = {
  headcount: number;
  kinds: Count<ParticipantKind>[];
  /** Skills in lower case, most common first. */
  skills: Count<string>[];
};

export function teamMix(members: readonly PersonView[]): TeamMix {
  return {
    headcount: members.length,
    kinds: countBy(members.flatMap((m) => (m.kind ? [m.kind] : []))),
    skills: countBy(members.flatMap((m) => [...new Set(m.skills.map(skillKey))])),
  };
}

export type TeamFlag = { key: "full" | "only-one" | "no-residents" | "empty"; text: string };

/** Gentle prompts for the facilitator, never judgements shown to the team. */
export function teamFlags(team: Pick<TeamView, "capacity">, mix: TeamMix): TeamFlag[] {
  const flags: TeamFlag[] = [];
  if (mix.headcount === 0) flags.push({ key: "empty", text: "Nobody yet" });
  if (team.capacity !== null && mix.headcount >= team.capacity) flags.push({ key: "full", text: "Full" });
  if (mix.headcount === 1) flags.push({ key: "only-one", text: "Only one person" });
  if (mix.headcount > 0 && !mix.kinds.some((k) => k.key === "resident")) {
    flags.push({ key: "no-residents", text: "No residents yet" });
  }
  return flags;
}

/**
 * Two team names read as one when they differ only in case or spacing ("Healthwatch",
 * "healthwatch ", "Health watch"): on a phone's list of teams they could not be told apart.
 */
export const teamNameKey = (name: string) => name.normalize("NFKC").toLocaleLowerCase("en-GB").replace(/\s+/g, "");

/** The team of the event whose name reads as `name` (other than `except`, the one being renamed), if any. */
export function sameNamedTeam<T extends { id: string; name: string }>(
  name: string,
  teams: readonly T[],
  except?: string,
): T | null {
  const key = teamNameKey(name);
  return teams.find((t) => t.id !== except && teamNameKey(t.name) === key) ?? null;
}

/** Why a team can't be called `name` in this event: another already reads the same. Null when it can. */
export function teamNameProblem(name: string, teams: readonly { id: string; name: string }[], except?: string): string | null {
  const clash = sameNamedTeam(name, teams, except);
  return clash ? `There is already a team called ${clash.name}. Choose another name.` : null;
}

/**
 * A name for a team the product names itself (after a brief, or from an imported file): `name`,
 * or, when another team reads the same, `name (2)`, `name (3)`…, so no two teams read alike.
 */
export function distinctTeamName(name: string, existing: readonly string[], max = 60): string {
  const taken = new Set(existing.map(teamNameKey));
  if (!taken.has(teamNameKey(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, max - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(teamNameKey(candidate))) return candidate;
  }
}

/** "Healthwatch" and "Healthwatch A" share the base "Healthwatch". */
const baseName = (name: string) => name.replace(/\s+[A-Z]$/, "");

/**
 * Names for splitting a team: the original keeps its name with "A" added if it had no letter,
 * and the new team takes the first letter not used by a team of the same base name; neither
 * takes a name another team reads as (`teamNameKey`).
 */
export function splitNames(name: string, existing: readonly string[]): { original: string; added: string } {
  const base = baseName(name);
  const others = existing.filter((n) => n !== name).map(teamNameKey);
  const taken = new Set(others);
  const letters = Array.from({ length: 26 }, (_, i) => `${base} ${String.fromCharCode(65 + i)}`);
  const free = (candidate: string) => !taken.has(teamNameKey(candidate));
  const original = name !== base ? name : (letters.find(free) ?? name);
  taken.add(teamNameKey(original));
  return { original, added: letters.find(free) ?? distinctTeamName(`${base} (another)`, [...existing, original]) };
}

export type HelpMatch = { person: PersonView; skills: string[] };

/** Endings that make word forms of one word ("photos", "drawing", "designers"); longest first. */
const endings = ["ings", "ing", "ers", "er", "ies", "es", "ed", "s", "e", "y"];

/**
 * The shared start of a word's forms: "photos" → "photo", "photography" → "photograph",
 * "coding" and "code" → "cod". Deliberately crude (no dictionary, no dependency): it only has to
 * bring a query and a skill written by people in the same room together. At least 3 letters stay.
 */
export function wordStem(word: string): string {
  const w = word.toLocaleLowerCase("en-GB");
  const ending = endings.find((e) => w.endsWith(e) && w.length - e.length >= 3);
  return ending ? w.slice(0, -ending.length) : w;
}

/**
 * Two words are forms of one word when one's stem starts the other ("photo" starts
 * "photography"). Stems shorter than 4 letters must be equal, so "date" does not find "data".
 */
export function sameWordFamily(a: string, b: string): boolean {
  const [sa, sb] = [wordStem(a), wordStem(b)];
  if (sa === sb) return true;
  const starts = (stem: string, word: string) => stem.length >= 4 && word.toLocaleLowerCase("en-GB").startsWith(stem);
  return starts(sa, b) || starts(sb, a);
}

const words = (text: string) =>
  text
    .toLocaleLowerCase("en-GB")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 2);

/** A query word finds a skill that contains it, or has a word of the same family ("photos" → "photography"). */
const skillMatches = (skill: string, word: string) =>
  skillKey(skill).includes(word) || words(skill).some((w) => sameWordFamily(w, word));

/**
 * "Who can help with…": people whose skills contain any word of the query, or a form of it
 * ("photos" finds "photography"), case-insensitive,
 * those matching most words first. Words of two letters or fewer are ignored ("a", "to").
 */
export function whoCanHelp(people: readonly PersonView[], query: string): HelpMatch[] {
  const asked = words(query);
  if (asked.length === 0) return [];
  const matches: (HelpMatch & { score: number })[] = [];
  for (const person of people) {
    const skills = person.skills.filter((s) => asked.some((w) => skillMatches(s, w)));
    if (skills.length === 0) continue;
    const score = asked.filter((w) => person.skills.some((s) => skillMatches(s, w))).length;
    matches.push({ person, skills, score });
  }
  return matches
    .sort((a, b) => b.score - a.score || a.person.name.localeCompare(b.person.name))
    .map(({ person, skills }) => ({ person, skills }));
}
