import { getLocale, getTranslations } from "next-intl/server";
import type { EventDetailsField, StoredEventDetails } from "@/lib/events/event-details";
import { localDayTime } from "@/lib/i18n/dates";

/** The editor's labels for its fields, in the reader's language. */
export async function eventDetailLabels(): Promise<Record<EventDetailsField, string>> {
  const t = await getTranslations("organiser.details");
  return {
    name: t("name"),
    place: t("place"),
    startsAt: t("starts"),
    endsAt: t("ends"),
    description: t("description"),
    goals: t("goals"),
    accessInfo: t("access"),
    childcare: t("childcare"),
    food: t("food"),
    whatToBring: t("whatToBring"),
  };
}

/** How another organiser's saved value reads under a field: dates in words, goals one after another. */
export async function shownEventDetail() {
  const locale = await getLocale();
  return (field: EventDetailsField, stored: StoredEventDetails): string => {
    if (field === "startsAt" || field === "endsAt") {
      const ms = stored[field];
      return ms === null ? "" : localDayTime(locale, ms);
    }
    if (field === "goals") return stored.goals.join(" · ");
    return stored[field];
  };
}
