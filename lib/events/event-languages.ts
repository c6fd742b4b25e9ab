import { z } from "zod";
import { knownLocale } from "@/lib/i18n/locales";

const language = z.string().transform((value, ctx) => {
  const code = knownLocale(value);
  if (!code) {
    ctx.addIssue({ code: "custom", message: "languageUnknown" });
    return z.NEVER;
  }
  return code;
});

/**
 * The event's main language (the big screen's, and anyone's whose phone asks for none we speak)
 * and up to four more that the join panel also says "Join on your phone" in. Messages are keys
 * of the `organiser.languages` catalogue.
 */
export const eventLanguagesSchema = z
  .object({
    language,
    joinLanguages: z.array(language).max(4, "tooManyJoinLanguages"),
  })
  .transform(({ language: main, joinLanguages }) => ({
    language: main,
    joinLanguages: [...new Set(joinLanguages)].filter((code) => code !== main),
  }));

export type EventLanguages = z.output<typeof eventLanguagesSchema>;

/** Stored languages as the languages form posts them (its tick boxes as one comma-separated field). */
export function eventLanguagesFormValues(stored: { language: string; joinLanguages: string[] }): Record<string, string> {
  return { language: stored.language, joinLanguages: stored.joinLanguages.join(",") };
}
