import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import { answerPlainly } from "./plain-answer";

/** The methods pages, forms and route handlers answer; anything else (TRACE, PUT…) is the client's mistake. */
const methods = new Set(["GET", "HEAD", "POST", "OPTIONS"]);

/**
 * A request the server answers itself, before Next: Next would answer each with a 500 and an
 * error-level log line (a path that isn't valid percent-encoding, a method nothing here uses,
 * Next's own error page asked for by name), so a stranger could fill the error log at will.
 */
export function requestMistake(method: string | undefined, url: string | undefined) {
  const path = (url ?? "/").split("?")[0] ?? "/";
  if (!methods.has(method ?? "GET")) return { status: 405, key: "server.notUsedHere" } as const;
  try {
    decodeURIComponent(path);
  } catch {
    return { status: 400, key: "server.badAddress" } as const;
  }
  if (/^\/_global-error(?:\/|$)/.test(path)) return { status: 404, key: "server.notFound" } as const;
  return null;
}

/** Answers a request mistake in plain text, in the language this browser chose or asks for. */
export function answerMistake(
  res: ServerResponse,
  headers: IncomingHttpHeaders,
  mistake: NonNullable<ReturnType<typeof requestMistake>>,
) {
  if (mistake.status === 405) res.setHeader("allow", [...methods].join(", "));
  answerPlainly(res, headers, mistake.status, mistake.key);
}
