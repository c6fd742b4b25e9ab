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
  // Markup inside a message (<sr>, <dots>, <strong>…) reads as its text, as a locator sees it.
  const tags = Object.fromEntries(
    ["sr", "dots", "strong", "soft", "link", "mail", "b", "em", "code"].map((tag) => [
      tag,
      (chunks: unknown[]) => chunks.join(""),
    ]),
  );
  const formatted = new IntlMessageFormat(node, locale).format({ ...tags, ...values });
  return Array.isArray(formatted) ? formatted.join("") : String(formatted);
}
