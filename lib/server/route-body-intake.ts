import type { IncomingMessage, ServerResponse } from "node:http";
import { maxPhotoBytes } from "@/lib/files/photo-limits";
import { readerLocale } from "@/lib/i18n/reader-locale";
import { sayKey } from "@/lib/i18n/server-text";
import { clientIpHeader } from "@/lib/rate-limit/form-limit";
import type { BodyIntake } from "./body-intake";
import { lingerAfterEarlyAnswer } from "./linger";
import { answerPlainly } from "./plain-answer";
import type { Poster } from "./post-allowance";

/** The largest body a route handler reads: a photo and its form (app/api/boards/[boardId]/photos). */
export const routeBodyBytes = maxPhotoBytes + 64 * 1024;

/**
 * Admits the body of a post to a route handler (a photo's upload) against the process's budget
 * (lib/server/body-intake.ts), as the action gate does for forms: the handler reads it into
 * memory later, up to its own limit. True when admitted; otherwise the refusal is answered here,
 * as JSON with an `error` for the /api/ handlers (their pages show it), in plain text elsewhere.
 */
export async function admitRouteHandlerBody(
  req: IncomingMessage,
  res: ServerResponse,
  options: { intake: BodyIntake; poster: (req: IncomingMessage) => Promise<Poster> },
): Promise<boolean> {
  const declared = Number(req.headers["content-length"]);
  if (declared === 0) return true;
  const who = await options.poster(req).catch((): Poster => ({ allowance: "stranger", person: null }));
  const address = req.headers[clientIpHeader];
  const refusal = options.intake.admit(req, res, {
    address: typeof address === "string" ? address : "unknown",
    person: who.person,
    // Past this the handler refuses the body (413) before reading it.
    bytes: Number.isFinite(declared) && declared > 0 ? Math.min(declared, routeBodyBytes) : routeBodyBytes,
  });
  if (!refusal) return true;
  res.setHeader("retry-after", String(refusal.retryAfterSeconds));
  if ((req.url ?? "").startsWith("/api/")) {
    const acceptLanguage = req.headers["accept-language"];
    const locale = readerLocale(req.headers.cookie, Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage);
    res.statusCode = refusal.status;
    res.setHeader("content-type", "application/json");
    res.setHeader("x-content-type-options", "nosniff");
    res.end(JSON.stringify({ error: sayKey(locale, refusal.key) }));
  } else answerPlainly(res, req.headers, refusal.status, refusal.key);
  // What the sender still sends is read and dropped, never kept, and cut off after a while.
  lingerAfterEarlyAnswer(req, res);
  return false;
}
