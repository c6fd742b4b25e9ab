import { useTranslations } from "next-intl";
import { sayName } from "@/lib/participants/profile-facts";

/**
 * A person's name as this screen's reader should see it: their own name as they gave it, or, for
 * the names the server writes itself ("Someone who left", "Staff", "Participant 3"…), those words
 * in the reader's language. Its page's messages must hold `notes.writtenNames`.
 */
export function useShownName(): (name: string) => string {
  const t = useTranslations("notes.writtenNames");
  return (name) => sayName(name, (key, values) => t(key, values));
}
