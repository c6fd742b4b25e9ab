import type { IncomingHttpHeaders, ServerResponse } from "node:http";
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { answerPlainly } from "./plain-answer";

/** The methods pages, forms and route handlers answer; anything else (TRACE, PUT…) is the client's mistake. */
const methods = new Set(["GET", "HEAD", "POST", "OPTIONS"]);

/**
 * Whether the router state a client-side navigation sends (`Next-Router-State-Tree`, read when
 * `RSC: 1`) is one Next can read: Next throws on any other, a 500. Judged by Next's own parser,
 * so the two can't disagree.
 */
function routerStateOk(headers: IncomingHttpHeaders) {
  if (headers.rsc !== "1") return true;
  try {
    parseAndValidateFlightRouterState(headers["next-router-state-tree"]);
    return true;
  } catch {
    return false;
  }
}

/**
 * A request the server answers itself, before Next: Next would answer each with a 500 and an
 * error-level log line (a request target that isn't a path, such as `OPTIONS *` or
 * `GET http://elsewhere/`; a path that isn't valid percent-encoding; a method nothing here uses;
 * Next's own error page asked for by name; a navigation's router state it can't read), so a
 * stranger could fill the error log at will.
 */
export function requestMistake(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders = {}) {
  const target = url ?? "/";
  const path = target.split("?")[0] ?? "/";
  if (!methods.has(method ?? "GET")) return { status: 405, key: "server.notUsedHere" } as const;
  // Browsers always send a path; Next glues whatever comes to its own origin and parses that.
  if (!target.startsWith("/")) return { status: 400, key: "server.badAddress" } as const;
  try {
    decodeURIComponent(path);
  } catch {
    return { status: 400, key: "server.badAddress" } as const;
  }
  if (/^\/_global-error(?:\/|$)/.test(path)) return { status: 404, key: "server.notFound" } as const;
  if (!routerStateOk(headers)) return { status: 400, key: "server.badRequest" } as const;
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
