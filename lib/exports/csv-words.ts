import { translator } from "@/lib/i18n/translator";
import { type ParticipantKind, sayName } from "@/lib/participants/profile-facts";
import { profileWords } from "@/lib/participants/profile-words";
import { fallbackCriterionKey } from "@/lib/presentations/rules";
import type { ReportWords } from "./event-report";
import { reportWords } from "./markdown-report";

/**
 * The words a CSV is written in, for its reader (messages/<language>/review.json `csv`): its
 * headers and the values Made In chose from a list (yes or no, a kind of participant, a colour,
 * a status, a name the server made). What people typed stays as typed; dates stay ISO 8601 and
 * numbers plain digits, so a spreadsheet reads them in any language.
 */
export type CsvWords = {
  header: (id: string) => string;
  yes: string;
  no: string;
  report: ReportWords;
  wholeRoom: string;
  total: (max: number) => string;
  kind: (kind: ParticipantKind) => string;
  skill: (skill: string) => string;
  colour: (colour: string) => string;
  roundStatus: (status: string) => string;
  checkInStatus: (status: string) => string;
  criterion: (criterion: string) => string;
  /** A name the server made ("Participant 3", "Someone who left") in the reader's words; people's own as typed. */
  name: (name: string) => string;
};

export function csvWords(locale: string): CsvWords {
  const t = translator(locale, "review.csv");
  const profile = profileWords(locale);
  const names = translator(locale, "notes.writtenNames");
  const criteria = translator(locale, "presentations.fallbackCriteria");
  return {
    header: (id) => t(`headers.${id}`),
    yes: t("values.yes"),
    no: t("values.no"),
    report: reportWords(locale),
    wholeRoom: t("values.wholeRoom"),
    total: (max) => t("values.total", { max }),
    kind: profile.kind,
    skill: profile.skill,
    colour: (colour) => t("values.colour", { colour }),
    roundStatus: (status) => t("values.roundStatus", { status }),
    checkInStatus: (status) => t("values.checkInStatus", { status }),
    criterion: (criterion) => {
      const key = fallbackCriterionKey(criterion);
      return key ? criteria(key) : criterion;
    },
    name: (name) => sayName(name, (key, values) => names(key, values)),
  };
}
