/**
 * fast-check-generated malformed requests for every route handler and every server action (read
 * from the build's server-reference manifest, so a new action is fuzzed without a change here),
 * from an anonymous visitor, a participant and an organiser: wrong types, `__proto__`, deep
 * nesting, huge strings, unknown fields, broken encodings, made-up action ids and path params.
 * No request may answer 5xx (`http5xx=0`), and the server must still answer afterwards.
 * RELIABILITY_LONG=1 runs ten times as many cases.
 */
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { distDir } from "@/lib/server/dist-dir";
import { e2eBaseUrl, e2eDatabaseUrl } from "../support/config";
import { createEventFixture } from "../support/fixtures";
import { ownServer } from "../support/own-server";
import { serverActions } from "./support/server-actions";
import { createWorld, type Role, report, sessionCookie } from "./support/world";

const long = process.env.RELIABILITY_LONG === "1";
const casesPerTarget = long ? 150 : 15;
/**
 * The default run replays the same cases every time (a fixed seed), so CI is repeatable; the long
 * run explores with a new seed each time and prints it, so whatever it finds can be replayed with
 * FUZZ_SEED=<seed>. FUZZ_PATH=<part of a page path> narrows the server-action cases to the
 * actions of matching pages, to replay one finding quickly.
 */
const baseSeed = Number(process.env.FUZZ_SEED ?? (long ? Date.now() % 2 ** 31 : 20_261_121));
let samples = 0;
const sample = <T>(arbitrary: fc.Arbitrary<T>, runs: number): T[] =>
  fc.sample(arbitrary, { numRuns: runs, seed: baseSeed + samples++ });

/** Values a hostile client might send anywhere: wrong types, prototype keys, nesting, size. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "$K1",
    "$@0",
    "$Q2",
    "$F1",
    "$T",
    "$undefined",
    "$Infinity",
    "$n9",
    "$D",
    "$Y",
    "$h",
  ),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 100, max: 3_000 }).map((depth) => {
    let v: unknown = "deep";
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')),
);
const fieldName = fc.oneof(
  fc.constantFrom("name", "email", "password", "title", "slug", "status", "code", "displayName", "file", "id", "briefId", "next"),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "0",
    "1_name",
    "1_file",
    "$ACTION_ID_x",
    "$ACTION_REF_1",
    "$ACTION_1:0",
    "$ACTION_KEY",
  ),
  fc.string({ maxLength: 20 }),
);
const text = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? "undefined"));

type Body = { body: BodyInit | undefined; contentType?: string; what: string };
const body: fc.Arbitrary<Body> = fc.oneof(
  // React's reply encoding: a JSON array of arguments.
  fc
    .array(nasty, { maxLength: 4 })
    .map((args) => ({ body: JSON.stringify(args), contentType: "text/plain;charset=UTF-8", what: "json args" })),
  // A form post: field "0" holds the arguments, fields "_1_…" the FormData they may point at.
  fc
    .tuple(fc.array(nasty, { maxLength: 4 }), fc.array(fc.tuple(fieldName, nasty), { maxLength: 12 }), fc.boolean())
    .map(([args, fields, withRoot]) => {
      const form = new FormData();
      if (withRoot) form.set("0", JSON.stringify(args));
      // React prefixes the fields of the form an argument refers to ("$K1") with "_1_".
      for (const [k, v] of fields) form.append(withRoot && !k.startsWith("_1_") ? `_1_${k}` : k, text(v));
      if (fields.length % 3 === 0) form.append("_1_file", new Blob([text(fields)]), "evil.svg");
      // A field with no name at all: Next's multipart parser hands React an undefined key.
      if (fields.length % 4 === 1) form.append("", text(fields[0]?.[1]));
      if (withRoot) {
        // The root goes last, as React writes it, so the form it refers to is complete.
        form.delete("0");
        form.set("0", JSON.stringify(args));
      }
      return { body: form, what: "form" };
    }),
  // Broken encodings.
  fc
    .tuple(
      fc.string({ maxLength: 2_000 }),
      fc.constantFrom(
        "multipart/form-data",
        "multipart/form-data; boundary=x",
        "application/json",
        "application/x-www-form-urlencoded",
        "text/plain",
        "application/octet-stream",
        "",
      ),
    )
    .map(([raw, contentType]) => ({ body: raw, contentType, what: `raw ${contentType || "none"}` })),
  fc.constant({ body: undefined, what: "empty" }),
);

type Result = { status: number; label: string };

async function send(method: string, path: string, cookie: string, b: Body, extra: Record<string, string> = {}): Promise<Result> {
  const headers: Record<string, string> = { origin: e2eBaseUrl, ...extra };
  if (cookie) headers.cookie = cookie;
  if (b.contentType !== undefined) headers["content-type"] = b.contentType;
  const label = `${method} ${path.slice(0, 120)} ${b.what} ${JSON.stringify(extra).slice(0, 80)}`;
  try {
    const res = await fetch(`${e2eBaseUrl}${path}`, {
      method,
      headers,
      body: method === "GET" || method === "HEAD" ? undefined : b.body,
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    await res.arrayBuffer().catch(() => undefined);
    return { status: res.status, label };
  } catch (error) {
    // A dropped connection counts as a crash too.
    return { status: 599, label: `${label}: ${String(error).slice(0, 120)}` };
  }
}

const param = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
    "%E0%A4%A",
    "%",
    "a".repeat(5_000),
    "00000000-0000-0000-0000-000000000000",
  ),
  fc.uuid(),
);
const seg = (s: string) => (/%/.test(s) ? s : encodeURIComponent(s)) || "x";

test("no malformed request to a route or server action answers 5xx", async () => {
  test.setTimeout(long ? 1_800_000 : 480_000);
  const w = await createWorld();
  const cookieFor = async (role: Role) => (role === "organiserA" ? await sessionCookie(w.a.organiser.id) : w.cookies[role]);
  const fuzzRoles: Role[] = ["anonymous", "participantA", "organiserA"];
  const failures: Result[] = [];
  let cases = 0;
  const check = (r: Result) => {
    cases++;
    if (r.status >= 500) failures.push(r);
  };

  // Server actions: every one, on each page it belongs to, as each role.
  for (const action of serverActions(w)) {
    for (const path of action.paths) {
      if (process.env.FUZZ_PATH && !path.includes(process.env.FUZZ_PATH)) continue;
      for (const role of fuzzRoles) {
        const cookie = await cookieFor(role); // fresh: a fuzzed signOut may have ended the last one
        for (const b of sample(body, casesPerTarget)) check(await send("POST", path, cookie, b, { "next-action": action.id }));
      }
    }
  }
  // Made-up action ids and odd action headers.
  const ids = sample(
    fc.oneof(
      fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 40, maxLength: 42 }),
      fc.string({ maxLength: 50 }),
      fc.constant(""),
    ),
    casesPerTarget * 3,
  );
  for (const [i, id] of ids.entries()) {
    check(await send("POST", i % 2 ? `/o/${w.a.slug}` : "/", "", sample(body, 1)[0] as Body, { "next-action": id }));
  }

  // Route handlers, with their own and malformed params, every method.
  const routes: ((p: string) => string)[] = [
    (p) => `/api/boards/${p}/photos`,
    (p) => `/photos/${p}`,
    (p) => `/files/${p}`,
    (p) => `/e/${p}/calendar.ics`,
    (p) => `/c/${p}`,
    (p) => `/e/${p}/version?page=${p}`,
  ];
  const realParams = [w.teamBoard.id, w.photoId, w.publicFile, w.a.slug, "no-such-token", w.a.slug];
  for (const [i, route] of routes.entries()) {
    for (const role of fuzzRoles) {
      const cookie = await cookieFor(role);
      const samples = sample(
        fc.tuple(param, body, fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD")),
        casesPerTarget,
      );
      for (const [p, b, method] of samples) {
        check(await send(method, route(p.length % 2 ? seg(p) : (realParams[i] as string)), cookie, b));
      }
    }
  }

  // Pages with malformed params (they run our code too).
  const pages = ["/e/", "/j/", "/p/", "/f/", "/s/", "/o/", "/invite/"];
  for (const p of sample(fc.tuple(fc.constantFrom(...pages), param, fc.constantFrom(...fuzzRoles)), casesPerTarget * 4)) {
    check(await send("GET", `${p[0]}${seg(p[1])}`, await cookieFor(p[2]), { body: undefined, what: "page" }));
  }
  for (const p of sample(param, casesPerTarget)) {
    check(await send("GET", `/p/${w.a.slug}/b/${seg(p)}`, w.cookies.participantA, { body: undefined, what: "board page" }));
    check(
      await send("GET", `/o/${w.a.slug}/briefs/${seg(p)}`, await cookieFor("organiserA"), {
        body: undefined,
        what: "brief page",
      }),
    );
  }

  const alive = await fetch(`${e2eBaseUrl}/e/${w.a.slug}`);
  const http5xx = failures.length;
  const line = report(
    "fuzz-http",
    { cases, http5xx, actions: serverActions(w).length, stillServing: alive.status === 200 ? 1 : 0, seed: baseSeed },
    http5xx === 0 && alive.status === 200,
  );
  expect(
    failures.slice(0, 10).map((f) => `${f.status} ${f.label}`),
    line,
  ).toEqual([]);
});

test("a form posted to any route handler of the build is answered by the handler, never with a server error", async () => {
  // Every route handler the build has, from its own manifest: one added tomorrow is covered too.
  const manifest = JSON.parse(readFileSync(join(distDir(), "server", "app-paths-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  const paths = Object.keys(manifest)
    .filter((p) => p.endsWith("/route"))
    .map((p) =>
      p
        .slice(0, -"/route".length)
        .split("/")
        .filter((s) => s && !/^\(.*\)$/.test(s))
        .map((s) => (/^\[.+\]$/.test(s) ? "no-such-thing" : s))
        .join("/"),
    );
  expect(paths.length).toBeGreaterThan(10);
  const failures: string[] = [];
  for (const path of paths) {
    for (const body of [multipartForm(), new URLSearchParams({ a: "b" })]) {
      const res = await fetch(`${e2eBaseUrl}/${path}`, {
        method: "POST",
        headers: { origin: e2eBaseUrl },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(30_000),
      });
      if (res.status >= 500) failures.push(`${res.status} /${path}`);
    }
  }
  expect(failures).toEqual([]);
});

function multipartForm() {
  const form = new FormData();
  form.set("a", "b");
  return form;
}

/** Sends `head` and `body` as they are (fetch can't send an empty Origin or a target that isn't a path); the status. */
function rawStatus(base: string, head: string[], body = Buffer.alloc(0)) {
  const { port } = new URL(base);
  return new Promise<number>((resolve) => {
    const socket = connect(Number(port), "127.0.0.1", () => {
      socket.write(`${[...head, `Content-Length: ${body.length}`, "Connection: close", "", ""].join("\r\n")}`);
      socket.write(body);
    });
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (status) {
        resolve(Number(status[1]));
        socket.destroy();
      }
    });
    socket.on("error", () => resolve(599));
    socket.on("close", () => resolve(599));
  });
}

/** The hidden fields of the form on `html` holding the field `field`, as a browser without JavaScript posts them. */
function hiddenFieldsOf(html: string, field: string) {
  const start = html.lastIndexOf("<form", html.indexOf(`name="${field}"`));
  const form = html.slice(start, html.indexOf("</form>", start));
  const fromHtml = (v: string) => v.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&amp;", "&");
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(
    ([, name, value]) => [name as string, fromHtml(value ?? "")] as const,
  );
}

test("odd requests that made Next answer 500 get a 4xx, and the server logs no error for them", async () => {
  test.setTimeout(240_000);
  // Its own server, so its log holds only these requests.
  const own = ownServer(96, e2eDatabaseUrl, {}, { keepOutput: true });
  await own.start();
  try {
    const event = await createEventFixture();
    const joinPath = `/j/${event.joinCode}`;
    const fields = hiddenFieldsOf(await (await fetch(`${own.base}${joinPath}`)).text(), "displayName");
    const ref = fields.find(([name]) => name.startsWith("$ACTION_REF_"))?.[0];
    if (!ref) throw new Error("the join form has no bound action");
    const prefix = `$ACTION_${ref.slice("$ACTION_REF_".length)}:`;
    const joinId = JSON.parse(fields.find(([name]) => name === `${prefix}0`)?.[1] ?? "{}").id as string;
    const host = [`Host: ${new URL(own.base).host}`];
    const origin = { origin: own.base };

    /** The join form without JavaScript, its bound arguments replaced by `bound` (undefined: left out). */
    const noScript = (bound: string | undefined, headers: Record<string, string> = origin) => {
      const form = new FormData();
      for (const [name, value] of fields) {
        if (name === `${prefix}1`) {
          if (bound !== undefined) form.append(name, bound);
        } else form.append(name, value);
      }
      form.append("displayName", "Sam");
      return fetch(`${own.base}${joinPath}`, { method: "POST", headers, body: form, redirect: "manual" });
    };
    /** The join action as React's client calls it, with these arguments. */
    const scripted = (args: string) =>
      fetch(`${own.base}${joinPath}`, {
        method: "POST",
        headers: { ...origin, "next-action": joinId, "content-type": "text/plain;charset=UTF-8" },
        body: args,
        redirect: "manual",
      });
    /** A navigation's RSC request, followed through the redirect Next makes to its cache-busting address. */
    const navigation = async (tree: string) => {
      const headers = { rsc: "1", "next-router-state-tree": tree };
      const first = await fetch(`${own.base}/e/${event.slug}`, { headers, redirect: "manual" });
      const to = first.status === 307 ? first.headers.get("location") : null;
      return to ? fetch(new URL(to, own.base), { headers, redirect: "manual" }) : first;
    };
    const status = async (answer: Promise<Response>) => {
      const res = await answer;
      await res.arrayBuffer();
      return res.status;
    };
    const emptyOriginPost = async () => {
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      form.append("displayName", "Sam");
      const encoded = new Response(form);
      const body = Buffer.from(await encoded.arrayBuffer());
      return rawStatus(
        own.base,
        [`POST ${joinPath} HTTP/1.1`, ...host, "Origin: ", `Content-Type: ${encoded.headers.get("content-type")}`],
        body,
      );
    };
    /** The join action as React's client calls it with a form: its arguments ("0") as given. */
    const scriptedForm = (...zeros: (string | Blob)[]) => {
      const form = new FormData();
      form.append("1_displayName", "Sam");
      for (const zero of zeros) form.append("0", zero);
      return fetch(`${own.base}${joinPath}`, {
        method: "POST",
        headers: { ...origin, "next-action": joinId },
        body: form,
        redirect: "manual",
      });
    };
    const args = JSON.stringify([event.joinCode, {}, "$K1"]);
    const half = "a".repeat(500_001);
    const cases: [string, () => Promise<number>][] = [
      ["an empty Origin header", emptyOriginPost],
      ["no JavaScript, a Map among the bound arguments", () => status(noScript('[{"a":"$Q9"}]'))],
      ["no JavaScript, a temporary reference bound", () => status(noScript('["$T"]'))],
      ["no JavaScript, a Blob reference bound", () => status(noScript('["$B1"]'))],
      ["no JavaScript, a 301-digit BigInt bound", () => status(noScript(`["$n${"9".repeat(301)}"]`))],
      ["no JavaScript, 1,001 bound arguments", () => status(noScript(JSON.stringify(Array(1001).fill(1))))],
      ["no JavaScript, the bound arguments left out", () => status(noScript(undefined))],
      ["a script's 301-digit BigInt", () => status(scripted(`["$n${"9".repeat(301)}"]`))],
      ["a script's negative 300-digit BigInt", () => status(scripted(`["$n-${"9".repeat(300)}"]`))],
      ["a script's arrays past a million slots", () => status(scripted(JSON.stringify([half, half])))],
      ["a script's arguments sent twice", () => status(scriptedForm(args, args))],
      ["a script's arguments sent as a file", () => status(scriptedForm(new Blob([args], { type: "application/json" })))],
      ["OPTIONS *", () => rawStatus(own.base, ["OPTIONS * HTTP/1.1", ...host])],
      ["GET *", () => rawStatus(own.base, ["GET * HTTP/1.1", ...host])],
      ["GET in absolute form", () => rawStatus(own.base, ["GET http://elsewhere.example/x HTTP/1.1", ...host])],
      ["a navigation's router state that isn't one", () => status(navigation("nope"))],
      ["a navigation's router state that isn't percent-encoding", () => status(navigation("%"))],
    ];
    const unexpected: string[] = [];
    for (const [what, send] of cases) {
      const answered = await send();
      if (answered < 400 || answered >= 500) unexpected.push(`${what}: HTTP ${answered}`);
    }
    // The join form itself still works without JavaScript.
    const joined = await status(noScript(fields.find(([name]) => name === `${prefix}1`)?.[1]));
    // Next's own error lines go to stderr ("⨯ Error: …"); ours are JSON with "level":"error".
    const errorLines = own
      .output()
      .split("\n")
      .filter((line) => /"level":"error"|\bError\b|⨯/.test(line));
    const line = report(
      "odd-requests",
      { cases: cases.length, not4xx: unexpected.length, errorLines: errorLines.length },
      unexpected.length === 0 && errorLines.length === 0 && joined === 303,
    );
    expect(unexpected, line).toEqual([]);
    expect(errorLines.slice(0, 5), line).toEqual([]);
    expect(joined, line).toBe(303);
  } finally {
    await own.kill();
  }
});
