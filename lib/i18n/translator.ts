import { createTranslator } from "use-intl/core";
import { eventTimeZone } from "@/lib/events/event-dates";
import { type Messages, messagesFor } from "./catalogue";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * One namespace's messages in `locale`, outside React and outside a request: an email written
 * by the scheduler, an export. Pages use next-intl's hooks instead.
 */
export function translator(locale: string, namespace: string): Translate {
  return createTranslator({
    locale,
    messages: messagesFor(locale) as Record<string, Messages>,
    namespace,
    timeZone: eventTimeZone,
  }) as unknown as Translate;
}
