import { type AgeBand, normaliseSkills, type ParticipantKind } from "./profile-facts";

/** A participant's answers to "about you", as a form holds them. */
export type ProfileAnswers = {
  displayName: string;
  skills: string[];
  kind: ParticipantKind | null;
  ageBand: AgeBand | null;
  accessNeeds: string;
  contactConsent: boolean;
  contact: string;
};

const sameSkills = (a: readonly string[], b: readonly string[]) => {
  const key = (list: readonly string[]) =>
    normaliseSkills(list)
      .map((s) => s.toLocaleLowerCase("en-GB"))
      .sort()
      .join("\n");
  return key(a) === key(b);
};

/**
 * What a save sends: only the answers changed from those the form was drawn with. A form left
 * open on a second device then cannot put back what was changed on the first since (an age band
 * corrected to under 18, which shows the room initials, or a contact withdrawn). Consent and the
 * contact go together: one means nothing without the other.
 *
 * `touched`: answers changed in the form since its last save, sent even when they are back to what
 * the form was drawn with. Until the page is drawn again, a choice saved (or still waiting in the
 * outbox) and then changed back would otherwise look unchanged, and the saved one would stand: an
 * age band set to 18+ by mistake and put back to 12–15 would show the room a child's full name.
 */
export function changedAnswers(
  startedFrom: ProfileAnswers,
  now: ProfileAnswers,
  touched: ReadonlySet<keyof ProfileAnswers> = new Set(),
): Partial<ProfileAnswers> {
  const changes: Partial<ProfileAnswers> = {};
  if (touched.has("displayName") || now.displayName !== startedFrom.displayName) changes.displayName = now.displayName;
  if (touched.has("skills") || !sameSkills(now.skills, startedFrom.skills)) changes.skills = normaliseSkills(now.skills);
  if (touched.has("kind") || now.kind !== startedFrom.kind) changes.kind = now.kind;
  if (touched.has("ageBand") || now.ageBand !== startedFrom.ageBand) changes.ageBand = now.ageBand;
  if (touched.has("accessNeeds") || now.accessNeeds.trim() !== startedFrom.accessNeeds.trim()) {
    changes.accessNeeds = now.accessNeeds;
  }
  const contactOf = (a: ProfileAnswers) => (a.contactConsent ? a.contact.trim() : "");
  if (
    touched.has("contactConsent") ||
    touched.has("contact") ||
    now.contactConsent !== startedFrom.contactConsent ||
    contactOf(now) !== contactOf(startedFrom)
  ) {
    changes.contactConsent = now.contactConsent;
    changes.contact = now.contactConsent ? now.contact : "";
  }
  return changes;
}
