import type { Translate } from "@/lib/i18n/translator";

/**
 * What an audit entry's subject says, in the organiser's words (`t`: the `organiser` messages).
 * A subject holds ids, kinds and counts only ("people:12", "participants:3 photos:7"); its counts
 * are read as numbers, so each language says them with its own plural ("5 osób").
 */

/** As lib/privacy/retention's retentionLabel: whole years in years, the rest in months. */
export const retentionPeriod = (t: Translate, months: number) =>
  months % 12 === 0 ? t("privacy.years", { years: months / 12 }) : t("privacy.months", { months });

/** A count the subject holds, or null when it is missing or not a count. */
function countOf(value: string | undefined): number | null {
  const n = Number(value);
  return value && /^\d+$/.test(value) && Number.isSafeInteger(n) ? n : null;
}

/** The subject in words: which export, how many people, which role; anything not known as it is stored. */
export function auditSubjectInWords(t: Translate, action: string, subject: string, tableTitle: (key: string) => string) {
  if (action === "export.downloaded") {
    if (subject.startsWith("csv:")) return t("audit.table", { name: tableTitle(subject.slice(4)) });
    const known = exportKeys.find((key) => key === subject);
    return known ? t("audit.file", { name: t(`audit.exports.${known}`) }) : subject;
  }
  const facts: Record<string, string | undefined> = Object.fromEntries(
    subject.split(" ").map((part) => part.split(/:(.*)/s).slice(0, 2)),
  );
  const counted = (key: string, names: Record<string, string>) => {
    const values = Object.fromEntries(Object.entries(names).map(([name, fact]) => [name, countOf(facts[fact])]));
    return Object.values(values).some((n) => n === null) ? subject : t(key, values as Record<string, number>);
  };
  if (action === "participants.details_viewed") return counted("audit.peopleListed", { count: "people" });
  if (action === "privacy.settings_changed") {
    const months = countOf(facts["retention-months"]);
    return months === null ? subject : t("audit.keepFor", { period: retentionPeriod(t, months) });
  }
  if (action === "retention.swept") return counted("audit.swept", { participants: "participants", photos: "photos" });
  if (action === "staff.role_granted") return t("audit.roleGrantedBy", { role: facts.role ?? "staff" });
  if (action === "event.deleted") return counted("audit.filesRemoved", { count: "files" });
  return subject;
}

const exportKeys = ["json", "markdown", "archive"] as const;
