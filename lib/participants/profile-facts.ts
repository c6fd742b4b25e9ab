/** Profile words and rules that screens need, without zod (phones should not download it). */
/**
 * What a participant may share about themselves, in plain words, and the rules for who sees
 * what. Pure: imported by the contract (both sides), pages and handlers.
 */

export const participantKinds = [
  "resident",
  "council_officer",
  "voluntary_sector",
  "designer",
  "developer",
  "young_person",
  "other",
] as const;
export type ParticipantKind = (typeof participantKinds)[number];

export const ageBands = ["under_16", "16_17", "18_plus"] as const;
export type AgeBand = (typeof ageBands)[number];

/** "Someone may be great at project planning, but they wouldn't call it 'project planning'." */
export const skillSuggestions = [
  "talking to people",
  "drawing",
  "making websites",
  "organising",
  "knowing the area",
  "writing",
  "filming",
  "spreadsheets",
] as const;

export const profileLimits = { skill: 40, skills: 12, accessNeeds: 500, contact: 200 };

export const isUnder18 = (ageBand: AgeBand | null | undefined) => ageBand === "under_16" || ageBand === "16_17";

/** What other people see of someone who has left: their notes stay, their name does not. */
export const leftName = "Someone who left";

/** What a key of someone not (or no longer) in this event's records is shown as. */
export const staffName = "Staff";

/** An under-18 whose name has no letter to take an initial from. */
export const youngPersonName = "Young person";

/** The name left on what someone made once the retention period has passed. */
export const pseudonym = (n: number) => `Participant ${n}`;

/**
 * The names the server writes itself (not a person's own), which a screen says in its reader's
 * language: stored and sent as these English words, translated where they are drawn.
 */
export type WrittenName = { kind: "left" } | { kind: "staff" } | { kind: "young" } | { kind: "participant"; n: number };

/** `name` in a reader's words: `say` gives the written names' translations (notes.writtenNames). */
export function sayName(
  name: string,
  say: (key: "left" | "staff" | "young" | "participant", values?: { n: number }) => string,
): string {
  const written = writtenName(name);
  if (!written) return name;
  return written.kind === "participant" ? say("participant", { n: written.n }) : say(written.kind);
}

export function writtenName(name: string): WrittenName | null {
  if (name === leftName) return { kind: "left" };
  if (name === staffName) return { kind: "staff" };
  if (name === youngPersonName) return { kind: "young" };
  const n = /^Participant ([1-9]\d{0,6})$/.exec(name)?.[1];
  return n ? { kind: "participant", n: Number(n) } : null;
}

/** "Amara Okafor" → "A. O."; letters only, so nothing else of the name leaks. */
export function initials(name: string) {
  const letters = name
    .trim()
    .split(/\s+/)
    .map((part) => part.match(/\p{L}|\p{N}/u)?.[0]?.toUpperCase())
    .filter(Boolean)
    .slice(0, 2);
  return letters.length > 0 ? letters.map((l) => `${l}.`).join(" ") : youngPersonName;
}

/**
 * THE rule for the name other participants see; everything shown to the room goes through it
 * (directly, or by actor key through `lib/participants/names.ts`), at the moment it is sent or
 * read, so a change of age band or leaving reaches every screen and nothing keeps an old copy.
 * Under-18s are shown by their initials only (the people running the event see the full name);
 * so is anyone whose age band is not known yet: a name reaches the room only once its owner has
 * said they are 18 or over. Someone who left is "Someone who left".
 */
export function publicName(p: { displayName: string; ageBand: AgeBand | null; leftAt: number | null }) {
  if (p.leftAt !== null) return leftName;
  return p.ageBand === "18_plus" ? p.displayName : initials(p.displayName);
}

/**
 * Skills as the person typed them: trimmed, lower-cased first letter kept as typed, duplicates
 * (ignoring case) dropped, empty ones removed. Free text may hold several, split by commas.
 */
export function normaliseSkills(raw: readonly string[]) {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of raw.flatMap((r) => r.split(/[,;\n]/))) {
    const skill = item.trim().replace(/\s+/g, " ");
    const key = skill.toLocaleLowerCase("en-GB");
    if (!skill || seen.has(key)) continue;
    seen.add(key);
    out.push(skill);
  }
  return out;
}
