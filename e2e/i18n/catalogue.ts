import { IntlMessageFormat } from "intl-messageformat";
import { type Messages, messagesFor } from "@/lib/i18n/catalogue";

/**
 * What the app says for `key` in `locale`, from the same catalogues the server reads: a test
 * finds "Participar" on a Portuguese phone without copying the translation into the test.
 */
export function say(locale: string, key: string, values?: Record<string, string | number>): string {
  let node: string | Messages | undefined = messagesFor(locale);
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`no message ${key} in ${locale}`);
  return String(new IntlMessageFormat(node, locale).format(values));
}
