/**
 * Every server-action form, posted without JavaScript (a phone that submits before the page has
 * hydrated on slow venue Wi-Fi): each must answer with a normal page (the form again with its
 * message, or the next page) in time, and the server must still answer /healthz afterwards.
 *
 * The forms are found, not listed: every page route in the build (its app-paths manifest) is
 * opened in Chromium with JavaScript off, as each identity that can see something there, and
 * every <form> carrying React's `$ACTION_` fields is collected. Each is then posted by the browser
 * itself, with the values a person would type (valid), with values the action must refuse, and,
 * for forms with nothing to type, by someone the action must refuse. A valid post runs in a world
 * of its own, so one form's effect (a new join code, an archived event, a signed-out session)
 * never hides another's. A server action in the build that no crawled form posts fails the test,
 * unless `notForms` says why; a route whose params this file can't fill fails it too.
 */
import { rmSync } from "node:fs";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { createInvite } from "@/lib/invites/create-invite";
import { newOwnerLink } from "@/lib/projects/owner-link";
import { serverManifest } from "@/lib/server/dist-dir";
import { e2eBaseUrl, e2ePort } from "../support/config";
import { db, fixturePassword } from "../support/fixtures";
import { ownServer } from "../support/own-server";
import { serverActions } from "./support/server-actions";
import { createWorld, participantIn, report, sessionCookie, tinyPng } from "./support/world";

/** A stuck render never answers; a busy two-core machine (a password hashed under load included) answers well within this. */
const answerWithinMs = 20_000;

/** Server actions no <form> posts: a script calls them, so there is no page without JavaScript. */
const notForms: Record<string, string> = {
  forgetThisPhone: "leaving is a socket command first, then this, from a script",
  // Reachable only with state this crawl doesn't make yet; each is posted elsewhere:
  resetPasswordAction: "needs a live emailed reset token: posted without JavaScript in e2e/follow-up/reminders.spec.ts",
  sendReminderAction: "shown only when SMTP is configured: e2e/follow-up/reminders.spec.ts",
  inviteToCatchUpAction: "shown only when SMTP is configured: test/integration/email.test.ts",
  chooseDigestAction:
    "shown only when SMTP is configured: posted without JavaScript in e2e/organiser/weekly-email-choice.spec.ts",
  signOutDeviceAction: "needs a second device signed in as the person: e2e/participant/continue-on-device.spec.ts",
  leaveAfterFinishAction:
    "shown only once the event is archived: posted without JavaScript in e2e/participant/leave-after-finish.spec.ts",
};

type Identity = "anonymous" | "participantA" | "facilitatorA" | "organiserA" | "organiserB" | "owner";
const identities: Identity[] = ["anonymous", "participantA", "facilitatorA", "organiserA", "organiserB", "owner"];

async function makeWorld() {
  const w = await createWorld();
  const invite = await (await db()).transact((tx) =>
    createInvite(tx, { eventId: w.a.id, role: "facilitator", createdBy: w.a.organiser.id }),
  );
  return { ...w, inviteToken: invite.token };
}
type World = Awaited<ReturnType<typeof makeWorld>>;

/** A fresh cookie for each page visit: a post may sign the last one out or make it leave. */
async function cookieFor(w: World, who: Identity, base: string): Promise<string> {
  switch (who) {
    case "anonymous":
      return "";
    case "participantA":
      return (await participantIn(w.a.id, "Resident posting forms", w.team1.id)).cookie;
    case "facilitatorA":
      return sessionCookie(w.facilitator.id);
    case "organiserA":
      return sessionCookie(w.a.organiser.id);
    case "organiserB":
      return sessionCookie(w.b.organiser.id);
    case "owner": {
      // The owner's device, as their link makes it: /u/<token> sets the cookie.
      const token = await (await db()).transact((tx) => newOwnerLink(tx, w.project));
      const res = await fetch(`${base}/u/${token}`, { redirect: "manual" });
      return res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
    }
  }
}

/** Values for a route's params; a route with a param not here fails the test. */
const paramValues: Record<string, (w: World) => string[]> = {
  slug: (w) => [w.a.slug],
  boardId: (w) => [w.roomBoard.id, w.teamBoard.id],
  briefId: (w) => [w.publicBrief, w.draftBrief],
  projectId: (w) => [w.project],
  token: (w) => [w.inviteToken],
  code: (w) => [w.a.joinCode],
};

/** Every page route of the build, as a template: "/o/[slug]/briefs/[briefId]". */
function pageRoutes(): string[] {
  const manifest = serverManifest<Record<string, string>>("app-paths-manifest.json");
  return Object.keys(manifest)
    .filter((k) => k.endsWith("/page") && !/\/_(not-found|global-error)\//.test(`${k}/`))
    .map((k) => k.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/");
}

/** Each way to fill a route's params in this world. */
function pathsOf(route: string, w: World): string[] {
  let paths = [""];
  for (const part of route.split("/").filter(Boolean)) {
    const param = /^\[(\w+)\]$/.exec(part)?.[1];
    if (!param) {
      paths = paths.map((p) => `${p}/${part}`);
      continue;
    }
    const values = paramValues[param];
    if (!values) throw new Error(`no value for [${param}] in ${route}: add one to paramValues`);
    paths = paths.flatMap((p) => values(w).map((v) => `${p}/${encodeURIComponent(v)}`));
  }
  return paths.map((p) => p || "/");
}

type FoundForm = { index: number; actionId: string; hasUserFields: boolean; hasHiddenFields: boolean; fileFields: string[] };

/** The page's server-action forms: React writes `$ACTION_ID_<id>`, or `$ACTION_REF_n` + `$ACTION_n:0` for a bound action. */
async function actionForms(page: Page): Promise<FoundForm[]> {
  return page.evaluate(() => {
    const found: { index: number; actionId: string; hasUserFields: boolean; hasHiddenFields: boolean; fileFields: string[] }[] =
      [];
    Array.from(document.forms).forEach((form, index) => {
      const controls = Array.from(form.elements) as HTMLInputElement[];
      let actionId = "";
      for (const c of controls) {
        if (c.name.startsWith("$ACTION_ID_")) actionId = c.name.slice("$ACTION_ID_".length);
        const ref = /^\$ACTION_REF_(.+)$/.exec(c.name)?.[1];
        if (ref) {
          const head = controls.find((x) => x.name === `$ACTION_${ref}:0`);
          actionId = head ? (JSON.parse(head.value) as { id: string }).id : "";
        }
      }
      // A form whose only buttons are disabled (a first brief's "move up") is not one a person can post.
      const submitters = Array.from(
        form.querySelectorAll<HTMLButtonElement>('button[type="submit"], button:not([type]), input[type="submit"]'),
      );
      if (!actionId || (submitters.length > 0 && submitters.every((b) => b.disabled))) return;
      const user = controls.filter(
        (c) => c.name && !c.name.startsWith("$ACTION") && c.type !== "hidden" && c.tagName !== "BUTTON" && c.type !== "submit",
      );
      found.push({
        index,
        actionId,
        hasUserFields: user.length > 0,
        hasHiddenFields: controls.some((c) => c.type === "hidden" && c.name && !c.name.startsWith("$ACTION")),
        fileFields: user.filter((c) => c.type === "file").map((c) => c.name),
      });
    });
    return found;
  });
}

/**
 * Forms without a server action that post somewhere on purpose, by method and target path. Each
 * carries nothing personal: a GET puts its fields into the URL (history, logs, referrers).
 */
const plainFormsAllowed: Record<string, string> = {};

type DeadForm = { who: Identity; path: string; method: string; target: string; fields: string[] };

/**
 * The page's forms that have no server action and are not allowed above: posted without
 * JavaScript, they send what was typed to a page that ignores it (a GET puts it in the URL).
 */
async function deadForms(page: Page, who: Identity, path: string): Promise<DeadForm[]> {
  const plain = await page.evaluate(() =>
    Array.from(document.forms)
      .filter((form) => !Array.from(form.elements).some((c) => (c as HTMLInputElement).name?.startsWith("$ACTION")))
      .map((form) => ({
        method: (form.getAttribute("method") ?? "get").toUpperCase(),
        target: new URL(form.action || location.href).pathname,
        fields: [
          ...new Set(
            Array.from(form.elements)
              .map((c) => (c as HTMLInputElement).name || (c as HTMLInputElement).id || c.tagName.toLowerCase())
              .filter((n) => n !== "button"),
          ),
        ],
      })),
  );
  return plain
    .filter((f) => !plainFormsAllowed[`${f.method} ${f.target.replace(/\/[^/]*[0-9][^/]*$/, "/[…]")}`])
    .map((f) => ({ who, path, ...f }));
}

type Mode = "valid" | "refused";

/** Fills form `index` as a person would (valid) or with what its action must refuse, then marks its submit button. */
async function fill(page: Page, index: number, mode: Mode, named: Record<string, string>) {
  await page.evaluate(
    ({ index, mode, named }) => {
      const form = document.forms[index] as HTMLFormElement;
      const textual = ["text", "textarea", "email", "password", "search", "url", "tel", "number", "date", "datetime-local"];
      const radiosDone = new Set<string>();
      for (const el of Array.from(form.elements) as (HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement)[]) {
        if (!el.name || el.name.startsWith("$ACTION") || el.tagName === "BUTTON") continue;
        if (el instanceof HTMLSelectElement) {
          if (mode === "refused") {
            el.add(new Option("Not an option", "not-an-option"));
            el.value = "not-an-option";
          } else if (!el.value) {
            el.value = Array.from(el.options).find((o) => o.value)?.value ?? "";
          }
          continue;
        }
        if (el.type === "hidden") {
          // Someone editing the page: a hidden id or choice that names nothing.
          if (mode === "refused") el.value = "not-a-thing";
          continue;
        }
        if (el.type === "radio" && el instanceof HTMLInputElement) {
          if (radiosDone.has(el.name)) continue;
          radiosDone.add(el.name);
          const group = Array.from(form.elements).filter(
            (x): x is HTMLInputElement => x instanceof HTMLInputElement && x.type === "radio" && x.name === el.name,
          );
          const checked = group.find((r) => r.checked) ?? group[0];
          if (!checked) continue;
          checked.checked = true;
          if (mode === "refused") checked.value = "not-an-option";
          continue;
        }
        if (!textual.includes(el.type)) continue;
        if (mode === "refused") {
          // A required field left empty, anything else far too long and with markup in it.
          el.value = el.required ? "" : `<${"x".repeat(5_000)}>`;
          continue;
        }
        const value = named[el.name];
        if (value !== undefined) el.value = value;
        else if (!el.value) {
          const later = /endsAt$/i.test(el.name);
          el.value =
            el.type === "email"
              ? `someone-${Math.random().toString(36).slice(2)}@example.org`
              : el.type === "password"
                ? (named.password ?? "a long enough password")
                : el.type === "datetime-local"
                  ? later
                    ? "2027-03-06T17:00"
                    : "2027-03-06T10:00"
                  : el.type === "date"
                    ? "2027-05-01"
                    : el.type === "number"
                      ? (el as HTMLInputElement).min || "1"
                      : el.type === "url"
                        ? "https://example.org"
                        : "Made up words";
        }
      }
      const submit = Array.from(
        form.querySelectorAll<HTMLButtonElement>('button[type="submit"], button:not([type]), input[type="submit"]'),
      ).find((b) => !b.disabled);
      (submit ?? form).setAttribute("data-nojs-submit", "yes");
    },
    { index, mode, named },
  );
}

type Post = { label: string; ms: number; status: number | null; problem?: string };

/** Submits the marked form with the browser and waits for the page it answers with. */
async function submit(page: Page, label: string, base: string): Promise<Post> {
  const started = Date.now();
  const statuses: number[] = [];
  page.on("response", (r) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) statuses.push(r.status());
  });
  try {
    await Promise.all([
      page.waitForNavigation({ timeout: answerWithinMs, waitUntil: "domcontentloaded" }),
      page
        .evaluate(() => {
          const el = document.querySelector<HTMLElement>('[data-nojs-submit="yes"]');
          if (el instanceof HTMLFormElement) el.submit();
          else el?.click();
        })
        // The page it was on may be gone already: that is the navigation we wait for.
        .catch(() => undefined),
    ]);
  } catch (error) {
    return { label, ms: Date.now() - started, status: null, problem: `no answer: ${String(error).split("\n")[0]}` };
  }
  const ms = Date.now() - started;
  const worst = Math.max(0, ...statuses);
  const health = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(answerWithinMs) }).then(
    (r) => r.status,
    () => 0,
  );
  if (health !== 200) return { label, ms, status: worst, problem: "/healthz stopped answering" };
  if (worst >= 500) return { label, ms, status: worst, problem: `HTTP ${worst}` };
  return { label, ms, status: worst };
}

type Target = { who: Identity; route: string; pathIndex: number; actionId: string; nth: number; form: FoundForm; base: string };

const jarOf = (cookie: string, base: string) =>
  cookie
    .split("; ")
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf("=");
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: base, httpOnly: true, sameSite: "Lax" as const };
    });

const progress = (message: string) => {
  if (process.env.RELIABILITY_DEBUG) console.log(`no-js-forms: ${new Date().toISOString().slice(11, 19)} ${message}`);
};

async function openAs(browser: Browser, w: World, who: Identity, path: string, base: string) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: base });
  await context.addCookies(jarOf(await cookieFor(w, who, base), base));
  const page = await context.newPage();
  const res = await page.goto(path, { timeout: 30_000 });
  return { context, page, status: res?.status() ?? 0 };
}

/** Finds a target's form again on its page (in this world), by its action and its place among that action's forms. */
async function locate(page: Page, t: Target) {
  return (await actionForms(page)).filter((f) => f.actionId === t.actionId)[t.nth] ?? null;
}

/** Values a person would type into fields of these names; anything else is filled by its type. */
const namedFor =
  (w: World) =>
  (route: string): Record<string, string> => ({
    code: w.a.joinCode,
    displayName: "Sam",
    password: fixturePassword,
    ...(route === "/signin" ? { email: w.a.organiser.email } : {}),
  });

/** Opens every path as `who` (one browser and one cookie: crawling only reads) and collects each action's first form. */
async function crawl(
  browser: Browser,
  w: World,
  who: Identity,
  paths: [string, string, number][],
  base: string,
  dead?: DeadForm[],
) {
  const nameOf = new Map(serverActions(w).map((a) => [a.id, a.name]));
  const targets = new Map<string, Target>();
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: base });
  await context.addCookies(jarOf(await cookieFor(w, who, base), base));
  const page = await context.newPage();
  try {
    for (const [route, path, pathIndex] of paths) {
      const res = await page.goto(path, { timeout: 30_000 });
      expect(res?.status() ?? 0, `${who} GET ${path}`).toBeLessThan(500);
      // Sent elsewhere (a participant opening a join link goes to the room): that page is crawled as itself.
      if (new URL(page.url()).pathname !== path) continue;
      dead?.push(...(await deadForms(page, who, path)));
      const forms = await actionForms(page);
      for (const form of forms) {
        const nth = forms.filter((f) => f.actionId === form.actionId && f.index < form.index).length;
        const key = `${who} ${nameOf.get(form.actionId) ?? form.actionId}`;
        if (!targets.has(key)) targets.set(key, { who, route, pathIndex, actionId: form.actionId, nth, form, base });
      }
    }
  } finally {
    await context.close();
  }
  return targets;
}

const everyPathIn = (w: World) =>
  pageRoutes().flatMap((route) => pathsOf(route, w).map((path, i): [string, string, number] => [route, path, i]));
/** A fresh install has no events: only the routes without params. */
const freshPaths = () =>
  pageRoutes()
    .filter((r) => !r.includes("["))
    .map((r): [string, string, number] => [r, r, 0]);

/** A server of the test's own on an empty database, for the set-up form (the shared test database has accounts, so /setup is closed there). */
async function freshInstall(offset: number) {
  const file = `e2e/.artifacts/no-js-setup-${e2ePort}-${offset}.db`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  const fresh = ownServer(offset, `file:./${file}`);
  await fresh.start();
  return fresh;
}

/**
 * Posts every target's form: refused first, all in the crawled world (a refusal changes nothing),
 * then valid, in a world of its own for this identity. A post that changed its world so that the
 * next form is gone (a new join code, a signed-out session) moves on to a fresh world.
 */
async function postEvery(browser: Browser, w: World, targets: Target[]) {
  const nameOf = new Map(serverActions(w).map((a) => [a.id, a.name]));
  const posts: Post[] = [];
  /** Posts a target's form; false when the form is not on its page in this world (and `retry` allows another). */
  const post = async (t: Target, mode: Mode, world: World, asNobody = false, retry = false): Promise<boolean> => {
    const path = pathsOf(t.route, world)[t.pathIndex] as string;
    const label = `${t.who}${asNobody ? "→nobody" : ""} ${nameOf.get(t.actionId)} on ${t.route} (${mode})`;
    const { context, page } = await openAs(browser, world, t.who, path, t.base);
    try {
      const form = await locate(page, t);
      if (!form) {
        if (!retry) posts.push({ label, ms: 0, status: null, problem: "form not on the page" });
        return false;
      }
      await fill(page, form.index, mode, namedFor(world)(t.route));
      if (mode === "valid") {
        for (const field of form.fileFields) {
          const input = page.locator("form").nth(form.index).locator(`input[name="${field}"]`);
          const accept = (await input.getAttribute("accept")) ?? "";
          const file = accept.includes("json")
            ? { name: "event.json", mimeType: "application/json", buffer: Buffer.from(await exportOf(world)) }
            : { name: "plan.png", mimeType: "image/png", buffer: Buffer.from(tinyPng) };
          await input.setInputFiles(file);
        }
      }
      if (asNobody) await context.clearCookies();
      posts.push(await submit(page, label, t.base));
      return true;
    } finally {
      await context.close();
    }
  };
  for (const t of targets) {
    // With nothing to type or tamper with, the only refusal is the wrong person (posting it as its
    // own identity would be a valid post, which may change this shared world).
    if (t.form.hasUserFields || t.form.hasHiddenFields) await post(t, "refused", w);
    if (!t.form.hasUserFields && t.who !== "anonymous") await post(t, "refused", w, true);
  }
  progress(`${posts.length} refused posts done`);
  let world: World | null = null;
  for (const t of targets) {
    world ??= await makeWorld();
    if (await post(t, "valid", world, false, true)) continue;
    world = await makeWorld();
    await post(t, "valid", world);
  }
  progress(`${posts.length} posts done`);
  return posts;
}

function expectAllAnswered(name: string, forms: number, posts: Post[]) {
  const problems = posts.filter((p) => p.problem);
  const slowest = Math.max(0, ...posts.map((p) => p.ms));
  const line = report(name, { forms, posts: posts.length, problems: problems.length, slowestMs: slowest }, problems.length === 0);
  expect(
    problems.map((p) => `${p.label}: ${p.problem} after ${p.ms} ms`),
    line,
  ).toEqual([]);
  expect(forms, `no form found to post: ${line}`).toBeGreaterThan(0);
}

/** The organiser sees most forms: their posts are shared among several tests, so each has time enough on a busy machine. */
const partsOf: Partial<Record<Identity, number>> = { organiserA: 3 };

// One test per identity (and part), so the posts spread over the workers and each has its own time.
for (const who of identities) {
  const parts = partsOf[who] ?? 1;
  for (let part = 0; part < parts; part++) {
    const title = parts > 1 ? `${who} (part ${part + 1} of ${parts})` : who;
    test(`every server-action form ${title} can see answers promptly without JavaScript, valid or refused`, async ({
      browser,
    }) => {
      test.setTimeout(600_000);
      const w = await makeWorld();
      const targets = [...(await crawl(browser, w, who, everyPathIn(w), e2eBaseUrl)).values()].filter(
        (_, i) => i % parts === part,
      );
      progress(`${title}: ${targets.length} forms`);
      expectAllAnswered(`no-js-forms ${title}`, targets.length, await postEvery(browser, w, targets));
    });
  }
}

test("a fresh install's forms the shared server can't show answer promptly without JavaScript, valid or refused", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const w = await makeWorld();
  // The sign-in form and the like are posted as anonymous on the shared server already.
  const shown = new Set([...(await crawl(browser, w, "anonymous", freshPaths(), e2eBaseUrl)).values()].map((t) => t.actionId));
  const fresh = await freshInstall(47);
  try {
    const targets = [...(await crawl(browser, w, "anonymous", freshPaths(), fresh.base)).values()].filter(
      (t) => !shown.has(t.actionId),
    );
    expectAllAnswered("no-js-forms fresh install", targets.length, await postEvery(browser, w, targets));
  } finally {
    await fresh.kill();
  }
});

test("every server action in the build is posted by a form someone can see, and every form someone can see posts to one", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const w = await makeWorld();
  const fresh = await freshInstall(48);
  const reached = new Set<string>();
  const dead: DeadForm[] = [];
  const nameOf = new Map(serverActions(w).map((a) => [a.id, a.name]));
  try {
    for (const who of identities) {
      for (const t of (await crawl(browser, w, who, everyPathIn(w), e2eBaseUrl, dead)).values())
        reached.add(nameOf.get(t.actionId) ?? t.actionId);
    }
    for (const t of (await crawl(browser, w, "anonymous", freshPaths(), fresh.base)).values()) {
      reached.add(nameOf.get(t.actionId) ?? t.actionId);
    }
  } finally {
    await fresh.kill();
  }
  const unreached = serverActions(w)
    .map((a) => a.name)
    .filter((name) => !reached.has(name) && !notForms[name]);
  expect(unreached, "server actions no crawled form posts (add a way to reach them, or a reason to notForms)").toEqual([]);
  // Drawn by the server, such a form is posted natively by a phone that taps before the page
  // hydrates: what was typed is lost, and a GET puts it in the address.
  expect(
    dead.map((f) => `${f.who} ${f.method} ${f.path} → ${f.target} [${f.fields.join(", ")}]`),
    "forms in the server's HTML that post to no server action (give them one, or don't draw them before the page is live)",
  ).toEqual([]);
});

/** Event A's export, as the import form takes it. */
async function exportOf(w: World) {
  const res = await fetch(`${e2eBaseUrl}/o/${w.a.slug}/export/json`, {
    headers: { cookie: await sessionCookie(w.a.organiser.id) },
  });
  return res.text();
}
