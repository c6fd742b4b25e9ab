import type { IncomingMessage, ServerResponse } from "node:http";
import { maxPhotoMb } from "@/lib/files/photo-limits";
import { checkInBodyBytes, maxCheckInPhotos } from "@/lib/projects/check-in-limits";
import { clientIpHeader } from "@/lib/rate-limit/form-limit";
import { originAllowed, requestOrigin } from "@/lib/realtime/origin";
import { serverManifest } from "@/lib/server/dist-dir";
import { lingerAfterEarlyAnswer } from "@/lib/server/linger";
import type { BodyIntake } from "./body-intake";
import { answerPlainly } from "./plain-answer";
import type { Poster } from "./post-allowance";

/**
 * A gate in front of Next's server-action decoder. Next answers 500 to a server-action request
 * whose body it cannot decode (broken multipart, not JSON, React references to chunks that do
 * not exist), and a crafted body is a client's mistake, not ours. The gate reads the body, checks
 * it is one of the encodings React's `encodeReply` produces for our forms, and answers 400 if
 * not; otherwise it hands Next the bytes it read (as the request's `actionBody` meta, which Next
 * reads instead of the stream). What the arguments mean is then each action's job.
 */
const requestMeta = Symbol.for("NextInternalRequestMeta");
const mb = 1024 * 1024;
// Next's own limit is 51 MB (next.config.ts), for one page only: an event's zip to import (up to
// 50 MB), for signed-in staff only. The forms that carry files are staff's (a brief's 10 MB
// file) and check-ins (four 8 MB photos), which owners and staff post: they may send a
// check-in's worth. Everybody else's forms carry words only, so a post is cut off at 1 MB. The
// gate asks who is posting before it reads a byte, so nobody gets more than that.
const importPath = "/o/import";
/** Where check-ins are posted: an owner's page, and the organiser's page of the project. */
const checkInPath = /^\/update\/[^/]+\/?$|^\/o\/[^/]+\/projects\/[^/]+\/?$/;
const formBytes = mb;
/** Who is posting, as far as how much they may send (lib/server/post-allowance.ts). */
export type Allowance = "staff" | "owner" | "participant" | "stranger";
const pathOf = (url: string | undefined) => (url ?? "/").split("?")[0] ?? "/";
export const maxBodyBytes = (url: string | undefined, who: Allowance) => {
  const path = pathOf(url);
  if (who === "staff") return path === importPath ? 52 * mb : checkInBodyBytes;
  if (who === "owner" && checkInPath.test(path)) return checkInBodyBytes;
  return formBytes;
};

/** What a post over its limit is told: the limit of what that form carries, in the reader's words. */
export function tooBigMessage(url: string | undefined, who: Allowance): { key: string; values?: Record<string, number> } {
  const limit = maxBodyBytes(url, who);
  if (limit > checkInBodyBytes) return { key: "server.importTooBig" };
  if (limit === checkInBodyBytes && checkInPath.test(pathOf(url))) {
    return { key: "server.checkInTooBig", values: { photos: maxCheckInPhotos, size: maxPhotoMb } };
  }
  return { key: limit > formBytes ? "server.tooBig" : "server.formTooBig" };
}

/** Strings with a meaning in React's reply format that our clients can produce. */
const allowedDollar = /^\$(\$|undefined$|Infinity$|-Infinity$|NaN$|-0$|D\d)/;
const bigInt = /^\$n-?\d+$/;
// React refuses a BigInt of more than 300 characters (its sign included) by throwing: a 500.
const bigIntDigits = 300;
const formReference = /^\$K\d+$/;
// React's decoder counts the slots of nested arrays, and the characters of the strings in them,
// and throws past a million (its default `arraySizeLimit`): counted here the same way.
const arraySizeLimit = 1_000_000;

const dollarOk = (value: string, allowForms: boolean) =>
  allowedDollar.test(value) ||
  (bigInt.test(value) && value.length - 2 <= bigIntDigits) ||
  (allowForms && formReference.test(value));

type ArrayCount = { count: number; fork: boolean };
/** Counts slots as React's decoder does: false once it would throw. */
const countSlots = (array: ArrayCount, slots: number) => {
  array.count += slots;
  return !array.fork || array.count <= arraySizeLimit;
};

function referencesOk(value: unknown, allowForms: boolean, array: ArrayCount | null = null, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") {
    if (value.startsWith("$") && !dollarOk(value, allowForms)) return false;
    return !array || countSlots(array, value.length);
  }
  if (Array.isArray(value)) {
    const count = array ?? { count: 0, fork: false };
    if (value.length > 1) count.fork = true;
    return countSlots(count, value.length + 1) && value.every((v) => referencesOk(v, allowForms, count, depth + 1));
  }
  if (value && typeof value === "object") {
    // An object's members start counting afresh, as React's do.
    return Object.entries(value).every(([k, v]) => !k.startsWith("$") && referencesOk(v, allowForms, null, depth + 1));
  }
  return true;
}

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

// React's decoder binds at most 1,000 arguments to an action, and throws past them.
const maxBoundArguments = 1000;

/**
 * A form posted without JavaScript names its action in `$ACTION_REF_<n>`; `$ACTION_<n>:0` holds
 * `{"id", "bound"}`, and `bound` points at the field holding the arguments the page bound
 * (`"$@1"`: `$ACTION_<n>:1`). React's decodeAction reads them and throws (a 500) on a descriptor
 * that isn't one, a pointer to a field that isn't there or to itself, arguments that aren't a
 * list, or references among them: all checked here, as for a script's arguments.
 */
function noScriptActionProblem(form: FormData): string | null {
  const refs = [...form.keys()].filter((name) => name.startsWith("$ACTION_REF_"));
  // Next takes at most two: the form's and its submit button's.
  if (refs.length > 2) return "too many actions";
  for (const ref of refs) {
    const prefix = `$ACTION_${ref.slice("$ACTION_REF_".length)}:`;
    const field = (id: number) => {
      const values = form.getAll(`${prefix}${id}`);
      return values.length === 1 && typeof values[0] === "string" ? parseJson(values[0]) : { ok: false as const };
    };
    const descriptor = field(0);
    if (!descriptor.ok) return `${prefix}0 is not an action`;
    const { id, bound, ...rest } = (descriptor.value ?? {}) as Record<string, unknown>;
    if (typeof descriptor.value !== "object" || Array.isArray(descriptor.value) || typeof id !== "string") {
      return `${prefix}0 is not an action`;
    }
    if (Object.keys(rest).length > 0) return `${prefix}0 carries more than an action`;
    if (bound === null || bound === undefined) continue;
    const pointer = typeof bound === "string" ? /^\$@([0-9a-f]{1,6})$/.exec(bound) : null;
    const at = pointer ? Number.parseInt(pointer[1] as string, 16) : 0;
    if (at === 0) return `${prefix}0 binds what isn't there`;
    const args = field(at);
    if (!args.ok || !Array.isArray(args.value)) return `${prefix}${at} is not a list`;
    if (args.value.length > maxBoundArguments) return `${prefix}${at} binds too much`;
    if (!referencesOk(args.value, false)) return `${prefix}${at} refers to something that isn't there`;
  }
  return null;
}

/** Why this server-action body can't be a real one, or null when it can. */
export async function actionBodyProblem(contentType: string, body: Buffer, isFetchAction: boolean): Promise<string | null> {
  if (contentType.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    } catch {
      return "broken multipart body";
    }
    const numbered = new Set<string>();
    for (const [name, value] of form.entries()) {
      // Browsers and React never send one; Next's multipart parser turns its name into undefined
      // and React's decoder then throws (a 500) on it.
      if (name === "") return "a field without a name";
      // Fetch actions: "0" is the arguments, other numbered fields are outlined values. React's
      // decoder reads each once, as text: a second one, or a file, and it throws.
      const outlined = isFetchAction && /^\d+$/.test(name);
      if (outlined && (typeof value !== "string" || numbered.has(name))) return `field ${name} is not one text`;
      if (outlined) numbered.add(name);
      if (typeof value !== "string") continue;
      if (outlined) {
        const parsed = parseJson(value);
        if (!parsed.ok) return `field ${name} is not JSON`;
        if (name === "0" && !Array.isArray(parsed.value)) return "arguments are not a list";
        if (!referencesOk(parsed.value, true)) return `field ${name} refers to something that isn't there`;
      }
      // Forms posted without JavaScript carry their bound arguments as JSON too.
      if (!isFetchAction && /^\$ACTION_[^:]*:\d+$/.test(name) && !parseJson(value).ok) return `${name} is not JSON`;
    }
    if (isFetchAction && !form.has("0")) return "no arguments";
    return isFetchAction ? null : noScriptActionProblem(form);
  }
  if (!isFetchAction) return null; // not an action at all: Next renders the page
  const parsed = parseJson(body.toString("utf8"));
  if (!parsed.ok) return "arguments are not JSON";
  if (!Array.isArray(parsed.value)) return "arguments are not a list";
  if (!referencesOk(parsed.value, false)) return "arguments refer to something that isn't there";
  return null;
}

/**
 * Route handlers read their own bodies; only pages take server actions. Tested on the path
 * alone: `/signin/forgot?/calendar.ics` is a page, whatever its query says. Without a build to
 * read them from (dev), the handlers known when this was written.
 */
const knownRouteHandlers = /^\/(api|photos|files)\/|^\/c\/[^/]+\/now$|\/calendar\.ics$/;

/**
 * The paths of the build's route handlers (`app-paths-manifest.json` keys ending in `/route`), as
 * one pattern: route groups dropped, a dynamic segment any one segment, a catch-all the rest.
 * A multipart post to one of them is its own business: taken for a server action, its body was
 * read here first and the handler failed on it (500).
 */
export function routeHandlerPattern(appPaths: readonly string[]): RegExp | null {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const patterns = appPaths
    .filter((path) => path.endsWith("/route"))
    .map((path) => {
      const segments = path
        .slice(0, -"/route".length)
        .split("/")
        .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment))
        .map((segment) => {
          if (/^\[\[\.\.\..+\]\]$/.test(segment)) return "(?:/.*)?";
          if (/^\[\.\.\..+\]$/.test(segment)) return "/.+";
          if (/^\[.+\]$/.test(segment)) return "/[^/]+";
          return `/${literal(segment)}`;
        });
      return segments.join("") || "/";
    });
  return patterns.length > 0 ? new RegExp(`^(?:${patterns.join("|")})/?$`) : null;
}

let builtRouteHandlers: RegExp | null | undefined;
/** Whether a path is one of the build's route handlers (not a page). */
export function isRouteHandlerPath(path: string) {
  if (builtRouteHandlers === undefined) {
    try {
      builtRouteHandlers = routeHandlerPattern(Object.keys(serverManifest<Record<string, string>>("app-paths-manifest.json")));
    } catch {
      builtRouteHandlers = null; // dev, or no build: the known ones
    }
  }
  return knownRouteHandlers.test(path) || builtRouteHandlers?.test(path) === true;
}

const isActionRequest = (req: IncomingMessage) =>
  req.method === "POST" &&
  (typeof req.headers["next-action"] === "string" || (req.headers["content-type"] ?? "").startsWith("multipart/form-data")) &&
  !isRouteHandlerPath(pathOf(req.url));

/**
 * The ids of the build's server actions, or null when they can't be known (dev rebuilds them as
 * it goes). An id that is not one of ours is a stale page or a made-up request: Next would
 * render the page for it, or fail on a crafted one.
 */
let knownIds: Set<string> | null | undefined;
function knownActionIds(dev: boolean): Set<string> | null {
  if (dev) return null;
  if (knownIds !== undefined) return knownIds;
  try {
    const manifest = serverManifest<{ node?: Record<string, unknown> }>("server-reference-manifest.json");
    knownIds = new Set(Object.keys(manifest.node ?? {}));
  } catch {
    knownIds = null;
  }
  return knownIds;
}

/**
 * Whether a server action comes from one of our own pages. Next refuses another site's (or a
 * sandboxed page's `null`) Origin by throwing, which answers 500; it is the sender's mistake or
 * a cross-site forgery, so it gets a 403 here, by the same rule as sockets and uploads (scheme
 * included). A request without Origin is not a browser riding on someone's cookies: Next lets
 * it through, and so do we.
 */
function fromOurOrigin(req: IncomingMessage, publicUrl: string | undefined) {
  const origin = req.headers.origin;
  // Next compares the Origin with X-Forwarded-Host when there is one (its first value), and
  // throws on a mismatch: refused here first, as the mistake or forgery it is.
  const forwarded = req.headers["x-forwarded-host"];
  const forwardedHost = (Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(",")[0])?.trim();
  const sent = Array.isArray(origin) ? origin[0] : origin;
  if (forwardedHost && sent) {
    try {
      if (new URL(sent).host !== forwardedHost) return false;
    } catch {
      return false;
    }
  }
  const proto = req.headers["x-forwarded-proto"];
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const site = requestOrigin(req.headers.host, Array.isArray(proto) ? proto[0] : proto, encrypted);
  return originAllowed(Array.isArray(origin) ? origin[0] : origin, site, publicUrl);
}

/** A post a route handler reads itself (a photo's upload): taken in by the server's body budget, not by the gate. */
export const isRouteHandlerPost = (req: IncomingMessage) => req.method === "POST" && isRouteHandlerPath(pathOf(req.url));

/**
 * Calls `next` with the request, unchanged if it is not a server action, with its body checked
 * and stashed if it is; answers 403/400/408/413/429/503 itself otherwise. `poster` says who is
 * posting (lib/server/post-allowance.ts), `intake` admits the body against the process's budget
 * and cuts it off if it arrives too slowly (lib/server/body-intake.ts).
 */
export async function gateServerActions(
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
  options: { dev?: boolean; publicUrl?: string; poster: (req: IncomingMessage) => Promise<Poster>; intake?: BodyIntake },
) {
  const { dev = false, publicUrl } = options;
  if (!isActionRequest(req)) return next();
  // A fetch action's answer is read by the form's script, which shows it (lib/forms/refusal.ts).
  const forScript = typeof req.headers["next-action"] === "string";
  const refuse = (status: number, key: string, values?: Record<string, number>) => {
    answerPlainly(res, req.headers, status, key, { values, forScript });
    // The rest of the body, if any, is read and dropped, never kept, and cut off after a while.
    lingerAfterEarlyAnswer(req, res);
  };
  if (!fromOurOrigin(req, publicUrl)) return refuse(403, "server.otherSite");
  const actionId = req.headers["next-action"];
  const known = knownActionIds(dev);
  if (typeof actionId === "string" && known && !known.has(actionId)) return refuse(404, "server.formOutOfDate");
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  const stop = () => {
    done = true;
    chunks.length = 0;
  };
  // The body waits unread meanwhile: a stream flows only once something listens for its data.
  const who = await options.poster(req).catch((): Poster => ({ allowance: "stranger", person: null }));
  const limit = maxBodyBytes(req.url, who.allowance);
  const tooBig = () => {
    stop();
    const message = tooBigMessage(req.url, who.allowance);
    refuse(413, message.key, message.values);
  };
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) return tooBig();
  const address = req.headers[clientIpHeader];
  const refusal = options.intake?.admit(req, res, {
    address: typeof address === "string" ? address : "unknown",
    person: who.person,
    // Sent in chunks, a body may take anything up to its limit.
    bytes: Number.isFinite(declared) && declared >= 0 ? declared : limit,
    onSlow: () => {
      if (done) return;
      stop();
      refuse(408, "server.tooSlow");
    },
  });
  if (refusal) {
    res.setHeader("retry-after", String(refusal.retryAfterSeconds));
    return refuse(refusal.status, refusal.key);
  }
  req.on("data", (chunk: Buffer) => {
    if (done) return;
    size += chunk.length;
    if (size > limit) tooBig();
    else chunks.push(chunk);
  });
  req.on("error", () => {
    if (done) return;
    stop();
    answerPlainly(res, req.headers, 400, "server.cutShort", { forScript });
  });
  req.on("end", async () => {
    if (done) return;
    done = true;
    const body = Buffer.concat(chunks);
    chunks.length = 0;
    const problem = await actionBodyProblem(req.headers["content-type"] ?? "", body, forScript).catch(() => "unreadable");
    if (problem) return answerPlainly(res, req.headers, 400, "server.formUnreadable", { forScript });
    const meta = (req as unknown as Record<symbol, Record<string, unknown> | undefined>)[requestMeta] ?? {};
    (req as unknown as Record<symbol, unknown>)[requestMeta] = { ...meta, actionBody: body };
    next();
  });
}
