import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import { refusalBody } from "@/lib/forms/refusal";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { type Said, sayKey } from "@/lib/i18n/server-text";

/**
 * Answers without a page (a refused form post, a request mistake, an image that isn't there) are
 * read by a person all the same: in plain text, in the language this browser chose or asks for,
 * and saying which. `key` is a message under `errors` (messages/<language>/errors.json).
 */

const plainHeaders = (locale: string) => ({
  "content-type": "text/plain; charset=utf-8",
  "content-language": locale,
  "x-content-type-options": "nosniff",
});

/** For route handlers. */
export function plainAnswer(request: Request, status: number, key: string, headers: Record<string, string> = {}) {
  const locale = readerLocale(request.headers.get("cookie"), request.headers.get("accept-language"));
  return new Response(sayKey(locale, key), { status, headers: { ...plainHeaders(locale), ...headers } });
}

/**
 * For what the server answers itself, before Next (server.ts). `forScript`: a form's script sent
 * the request and reads the answer (lib/forms/refusal.ts), not a person.
 */
export function answerPlainly(
  res: ServerResponse,
  headers: IncomingHttpHeaders,
  status: number,
  key: string,
  options: { values?: Said["values"]; forScript?: boolean } = {},
) {
  const acceptLanguage = headers["accept-language"];
  const locale = readerLocale(headers.cookie, Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage);
  const message = sayKey(locale, key, options.values);
  res.statusCode = status;
  for (const [name, value] of Object.entries(plainHeaders(locale))) res.setHeader(name, value);
  if (!options.forScript) return void res.end(message);
  res.setHeader("content-type", "text/plain");
  res.end(refusalBody(status, message));
}
