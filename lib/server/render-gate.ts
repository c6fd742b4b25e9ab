import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { clientIpHeader } from "@/lib/rate-limit/form-limit";
import { isRouteHandlerPath } from "./action-gate";
import { lingerAfterEarlyAnswer } from "./linger";
import { answerPlainly } from "./plain-answer";
import { createRenderTurns, type Refusal, type RenderLimits, renderLimits } from "./render-turns";

/** How each request that renders a page was let through (`madein_render_admissions_total`). */
export type RenderOutcome = "now" | "waited" | "gone" | "overran" | Refusal;

/**
 * Marks Next's request to itself from inside a render that has its turn (the page a server action
 * redirects to, fetched and streamed within the action's answer, request headers copied): it
 * renders on its parent's turn. Made to wait for a turn of its own, a few actions at once would
 * hold every place their own redirects wait for. A random value per process, never sent to a
 * client, and a client's header of that name is dropped.
 */
const turnHeader = "x-madein-render-turn";

/** Seconds a refused browser is told to wait (`Retry-After`): a line moves about 40 pages a second. */
export const retryAfterSeconds = 5;

/** The files of `public/`, served as they are, by path. */
export function publicFiles(dir = "public"): Set<string> {
  try {
    return new Set(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map(
          (entry) =>
            `/${join(entry.parentPath, entry.name)
              .slice(dir.length + 1)
              .replaceAll("\\", "/")}`,
        ),
    );
  } catch {
    return new Set();
  }
}

/**
 * Whether a request renders a page: documents, React's navigations and prefetches, server
 * actions (they render the page again), and not-found pages. Not Next's files and chunks
 * (`/_next/`), `public/`, nor route handlers (photos, files, exports, the version polls): they
 * read and send, and have limits of their own. `/healthz`, `/readyz`, `/metrics` and socket.io
 * are answered before this is asked.
 */
export function rendersPage(method: string | undefined, path: string, files: ReadonlySet<string>): boolean {
  if (method !== "GET" && method !== "HEAD" && method !== "POST") return false;
  if (path.startsWith("/_next/") || path.startsWith("/__nextjs")) return false;
  return !files.has(path) && !isRouteHandlerPath(path);
}

export type RenderGateOptions = {
  limits?: Partial<RenderLimits>;
  /** The person a request comes from, for a line of their own inside their address's; null: nobody we know. */
  personOf?: (req: IncomingMessage) => Promise<string | null>;
  files?: ReadonlySet<string>;
  onOutcome?: (outcome: RenderOutcome) => void;
  /** How often waiting requests are checked for having waited too long. */
  sweepMs?: number;
};

/**
 * Fair turns at rendering pages (lib/server/render-turns.ts), per client address
 * (`x-madein-client-ip`, set from the peer or a trusted proxy's X-Forwarded-For): a few
 * renders at once per address, the rest in its line, past that a quick 503 in the reader's
 * language with `Retry-After`. A request whose client goes away while waiting leaves the line.
 */
export function createRenderGate(options: RenderGateOptions = {}) {
  const turns = createRenderTurns({ ...renderLimits, ...options.limits });
  const files = options.files ?? publicFiles();
  const ticket = randomBytes(18).toString("base64url");
  const counted = (outcome: RenderOutcome) => options.onOutcome?.(outcome);
  const sweep = setInterval(() => {
    const { overran } = turns.expire();
    for (let i = 0; i < overran; i++) counted("overran");
  }, options.sweepMs ?? 1_000);
  sweep.unref();

  const refuse = (req: IncomingMessage, res: ServerResponse, why: Refusal) => {
    counted(why);
    if (res.headersSent || res.destroyed) return;
    res.setHeader("retry-after", String(retryAfterSeconds));
    res.setHeader("cache-control", "no-store");
    // A form's script reads the refusal and shows it (lib/forms/refusal.ts), as the action gate's.
    answerPlainly(res, req.headers, 503, "server.pagesBusy", { forScript: typeof req.headers["next-action"] === "string" });
    // A post refused before its body was read: its sender reads the answer, not a reset.
    lingerAfterEarlyAnswer(req, res);
  };

  return {
    /** Calls `render` at this request's turn, at once if it renders no page; answers 503 itself otherwise. */
    async admit(req: IncomingMessage, res: ServerResponse, render: () => void) {
      const given = req.headers[turnHeader];
      delete req.headers[turnHeader];
      if (given === ticket) return render();
      if (!rendersPage(req.method, (req.url ?? "/").split("?")[0] ?? "/", files)) return render();
      const address = String(req.headers[clientIpHeader] ?? req.socket.remoteAddress ?? "unknown");
      let state: "asking" | "waiting" | "rendering" | "done" = "asking";
      const gone = () => state === "done";
      let leave = () => {};
      const ended = () => {
        if (state === "waiting") counted("gone");
        if (state !== "done") leave();
        state = "done";
      };
      // Before the response: the client going away while this waits. After: the render's end.
      res.once("close", ended);
      res.once("finish", ended);
      const go = () => {
        state = "rendering";
        req.headers[turnHeader] = ticket;
        render();
      };
      // Only a request that would wait needs to say who it is: its line depends on it.
      const person = turns.wouldWait(address) && options.personOf ? await options.personOf(req).catch(() => null) : null;
      if (gone()) return; // while it said who it is
      const turn = turns.enter(
        { address, person, prefetch: req.headers["next-router-prefetch"] !== undefined },
        {
          start: () => {
            counted("waited");
            go();
          },
          refuse: (why) => {
            state = "done";
            refuse(req, res, why);
          },
        },
      );
      leave = turn.leave;
      if (turn.outcome === "now") {
        counted("now");
        go();
      } else if (turn.outcome === "waiting") state = "waiting";
      else {
        state = "done";
        refuse(req, res, turn.outcome);
      }
    },
    inFlight: () => turns.inFlight(),
    waiting: () => turns.waiting(),
    stop: () => clearInterval(sweep),
  };
}

export type RenderGate = ReturnType<typeof createRenderGate>;
