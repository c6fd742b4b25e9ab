import { translator } from "@/lib/i18n/translator";
import { type AgeBand, type ParticipantKind, skillSuggestions } from "./profile-facts";

/** "knowing the area" → "knowingTheArea": a suggested skill's key under me.form.skill in messages/. */
const skillKey = (skill: string) => skill.replace(/ (\w)/g, (_, c: string) => c.toUpperCase());
const suggested: readonly string[] = skillSuggestions;

/**
 * What a person said about themselves, as a reader of `locale` reads it outside a page (an
 * export, a download): the words the profile form offered them (messages/<language>/me.json
 * `form`). A skill they typed themselves stays as typed.
 */
export function profileWords(locale: string) {
  const t = translator(locale, "me.form");
  return {
    kind: (kind: ParticipantKind) => t(`kind.${kind}`),
    ageBand: (band: AgeBand) => t(`age.${band}`),
    skill: (skill: string) => (suggested.includes(skill) ? t(`skill.${skillKey(skill)}`) : skill),
  };
}
