// Dates in the reader's language live in lib/i18n/dates.ts (emails use them too); pages import them from here.
export * from "@/lib/i18n/dates";
