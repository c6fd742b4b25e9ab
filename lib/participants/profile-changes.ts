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
 */
export function changedAnswers(startedFrom: ProfileAnswers, now: ProfileAnswers): Partial<ProfileAnswers> {
  const changes: Partial<ProfileAnswers> = {};
  if (now.displayName !== startedFrom.displayName) changes.displayName = now.displayName;
  if (!sameSkills(now.skills, startedFrom.skills)) changes.skills = normaliseSkills(now.skills);
  if (now.kind !== startedFrom.kind) changes.kind = now.kind;
  if (now.ageBand !== startedFrom.ageBand) changes.ageBand = now.ageBand;
  if (now.accessNeeds.trim() !== startedFrom.accessNeeds.trim()) changes.accessNeeds = now.accessNeeds;
  const contactOf = (a: ProfileAnswers) => (a.contactConsent ? a.contact.trim() : "");
  if (now.contactConsent !== startedFrom.contactConsent || contactOf(now) !== contactOf(startedFrom)) {
    changes.contactConsent = now.contactConsent;
    changes.contact = now.contactConsent ? now.contact : "";
  }
  return changes;
}
