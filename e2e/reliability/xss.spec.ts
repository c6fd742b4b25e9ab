/**
 * Known XSS payloads posted where people type (notes on the room's and a team's board, group
 * names, team names, display names, announcements, an event's name and details, a brief and its
 * Markdown) and then opened in Chromium on the phone, big-screen, facilitator, organiser and
 * public pages. A payload that runs calls `__xss`, opens a dialog, or shows up as live markup
 * (an element with its event handler, a javascript: link, a script); each counts. The payloads
 * must be on the page as text: `executed=0 injected=0` with `rendered` = every page.
 *
 * The organiser's exports are downloaded in Chromium too: each must be a download, never a page,
 * with the payloads in it as text.
 *
 * To cover a new page: add a row to `pagesToCheck`; a new export: `exportsToCheck`. New payloads
 * go in support/xss-payloads.ts.
 */
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { events, projects } from "@/db/schema";
import { joinEvent } from "@/lib/participants/join-event";
import { createProject } from "@/lib/projects/create-project";
import { e2eBaseUrl } from "../support/config";
import { addBrief, db } from "../support/fixtures";
import { command, connect, createWorld, type Role, report, type World } from "./support/world";
import { shortXssPayloads, xssPayloads } from "./support/xss-payloads";

const pagesToCheck: { path: (w: World, x: Extra) => string; as: Role; what: string }[] = [
  { what: "phone home", path: (w) => `/p/${w.a.slug}`, as: "participantA" },
  { what: "phone room board", path: (w) => `/p/${w.a.slug}/b/${w.roomBoard.id}`, as: "participantA" },
  { what: "phone team board", path: (w) => `/p/${w.a.slug}/b/${w.teamBoard.id}`, as: "participantA" },
  { what: "phone brief", path: (w, x) => `/p/${w.a.slug}/brief/${x.briefId}`, as: "participantA" },
  { what: "phone profile", path: (w) => `/p/${w.a.slug}/me`, as: "participantA" },
  { what: "big screen", path: (w) => `/s/${w.a.slug}`, as: "facilitatorA" },
  { what: "big screen board", path: (w) => `/s/${w.a.slug}/b/${w.roomBoard.id}`, as: "facilitatorA" },
  { what: "facilitator console", path: (w) => `/f/${w.a.slug}`, as: "facilitatorA" },
  { what: "facilitator board", path: (w) => `/f/${w.a.slug}/b/${w.teamBoard.id}`, as: "facilitatorA" },
  { what: "organiser event", path: (w) => `/o/${w.a.slug}`, as: "organiserA" },
  { what: "organiser brief", path: (w, x) => `/o/${w.a.slug}/briefs/${x.briefId}`, as: "organiserA" },
  { what: "organiser edit", path: (w) => `/o/${w.a.slug}/edit`, as: "organiserA" },
  { what: "organiser list", path: () => "/o", as: "organiserA" },
  { what: "public event", path: (w) => `/e/${w.a.slug}`, as: "anonymous" },
  { what: "phone showcase", path: (w) => `/p/${w.a.slug}/showcase`, as: "participantA" },
  { what: "phone presentations", path: (w) => `/p/${w.a.slug}/presentations`, as: "otherTeam" },
  { what: "facilitator presentations", path: (w) => `/f/${w.a.slug}/presentations`, as: "facilitatorA" },
  { what: "presentation results", path: (w) => `/f/${w.a.slug}/presentations/results`, as: "organiserA" },
  { what: "organiser review", path: (w) => `/o/${w.a.slug}/review`, as: "organiserA" },
  { what: "organiser projects", path: (w) => `/o/${w.a.slug}/projects`, as: "organiserA" },
  { what: "public progress", path: (w) => `/e/${w.a.slug}/progress`, as: "anonymous" },
];
/** The organiser's downloads, each carrying what people typed. */
const exportsToCheck = ["markdown", "json", "csv/notes", "csv/teams"];
type Extra = { briefId: string };
const markdownOf = (payloads: readonly string[]) => payloads.join("\n\n");

/** Posts every payload everywhere a person can type, through the real commands where there are some. */
async function postPayloads(w: World): Promise<Extra & { refused: number }> {
  let refused = 0;
  const attempt = async (p: Promise<unknown>) => p.catch(() => refused++);
  const phoneA = await connect(w.a.id, w.cookies.participantA);
  const staff = await connect(w.a.id, w.cookies.facilitatorA);
  try {
    for (const text of xssPayloads) {
      await attempt(command(phoneA, "note:create", { boardId: w.roomBoard.id, column: w.roomBoard.columns[0]?.key, text }));
      await attempt(command(phoneA, "note:create", { boardId: w.teamBoard.id, column: w.teamBoard.columns[0]?.key, text }));
    }
    const [first, second] = await Promise.all(
      [0, 1].map((i) =>
        command<{ note: { id: string } }>(phoneA, "note:create", {
          boardId: w.teamBoard.id,
          column: w.teamBoard.columns[0]?.key,
          text: `XSS-group ${i}`,
        }),
      ),
    );
    const grouped = await command<{ group?: { id: string } }>(phoneA, "note:group", {
      noteId: first?.note.id,
      withNoteId: second?.note.id,
    });
    for (const title of shortXssPayloads) {
      if (grouped.group) await attempt(command(phoneA, "group:rename", { groupId: grouped.group.id, title }));
      await attempt(command(staff, "team:create", { name: title }));
      await (await db()).transact((tx) => joinEvent(tx, { eventId: w.a.id, displayName: title }));
    }
    await attempt(command(phoneA, "profile:update", { skills: shortXssPayloads.slice(0, 2) }));
    for (const text of xssPayloads.slice(0, 6)) await attempt(command(staff, "announcement:send", { text }));
    // The showcase team one presents, and what the room writes back to it.
    const long = xssPayloads.join("\n").slice(0, 1900);
    await attempt(
      command(phoneA, "showcase:save", {
        teamId: w.team1.id,
        fields: {
          title: shortXssPayloads[0],
          summary: shortXssPayloads[1],
          made: long,
          learned: long,
          nextSteps: long,
          takenForwardBy: shortXssPayloads[2],
          needs: long,
          links: [{ title: shortXssPayloads[3], url: "https://example.org/made" }],
        },
      }),
    );
    // A script address as a link is refused by the showcase's own validation.
    await attempt(
      command(phoneA, "showcase:save", { teamId: w.team1.id, fields: { links: [{ title: "Run", url: "javascript:__xss(9)" }] } }),
    );
    const phoneOther = await connect(w.a.id, w.cookies.otherTeam);
    try {
      for (const text of xssPayloads.slice(0, 6))
        await attempt(command(phoneOther, "presentation:feedback", { teamId: w.team1.id, text }));
    } finally {
      phoneOther.disconnect();
    }
  } finally {
    phoneA.disconnect();
    staff.disconnect();
  }
  // A project after the weekend, public, as an organiser types it.
  await (await db()).transact(async (tx) => {
    const projectId = await createProject(tx, {
      eventId: w.a.id,
      teamId: w.team1.id,
      title: shortXssPayloads[3] as string,
      summary: markdownOf(xssPayloads),
      ownerName: shortXssPayloads[0] as string,
      ownerRole: shortXssPayloads[1] as string,
      coOwners: [{ name: shortXssPayloads[1] as string, role: shortXssPayloads[2] as string }],
    });
    await tx.update(projects).set({ isPublic: true }).where(eq(projects.id, projectId));
  });
  // What organisers type in forms: the event's details and a brief, Markdown and all.
  const markdown = markdownOf(xssPayloads);
  await (await db()).transact((tx) =>
    tx
      .update(events)
      .set({ description: markdown, place: shortXssPayloads[0], accessInfo: markdown })
      .where(eq(events.id, w.a.id)),
  );
  const briefId = await addBrief(w.a.id, {
    title: shortXssPayloads[1] as string,
    problem: markdown,
    whyItMatters: markdown,
    successLooksLike: markdown,
    mayNotChange: markdown,
    ownerRole: shortXssPayloads[2] as string,
    background: markdown,
  });
  return { briefId, refused };
}

test("no XSS payload runs or becomes markup on any page", async ({ browser }) => {
  // Every page as six identities: over 5 minutes while other suites share the 2 cores. A hang still never ends.
  test.setTimeout(600_000);
  const w = await createWorld();
  const extra = await postPayloads(w);
  let executed = 0;
  let injected = 0;
  let rendered = 0;
  const problems: string[] = [];
  // The detector itself works: on a page without our escaping or CSP, a payload is caught.
  {
    const page = await browser.newPage();
    const caught: string[] = [];
    await page.exposeFunction("__xss", (n: unknown) => caught.push(String(n)));
    await page.setContent(`<p>${xssPayloads[1]}</p>`);
    await expect.poll(() => caught.length, { message: "the __xss hook must catch an unescaped payload" }).toBeGreaterThan(0);
    await page.close();
  }
  for (const p of pagesToCheck) {
    const context = await browser.newContext();
    const cookie = w.cookies[p.as];
    if (cookie) {
      const [name, ...value] = cookie.split("=");
      await context.addCookies([
        { name: name as string, value: value.join("="), url: e2eBaseUrl, httpOnly: true, sameSite: "Lax" },
      ]);
    }
    const page = await context.newPage();
    const ran: string[] = [];
    await page.exposeFunction("__xssReport", (n: unknown) => ran.push(String(n)));
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      w.__xss = (n: unknown) => (w.__xssReport as (n: unknown) => void)(n);
      w.alert = w.confirm = w.prompt = (n: unknown) => (w.__xssReport as (n: unknown) => void)(`dialog ${n}`);
    });
    page.on("dialog", (d) => {
      ran.push(`dialog ${d.message()}`);
      void d.dismiss();
    });
    const path = p.path(w, extra);
    await page.goto(path);
    // Live pages load their notes over the socket: wait until the payloads are on screen.
    const shown = await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              document.body.innerText.includes("XSS-") ||
              Array.from(document.querySelectorAll("input, textarea")).some((f) =>
                (f as HTMLInputElement).value.includes("XSS-"),
              ),
          ),
        { timeout: 15_000 },
      )
      .toBe(true)
      .then(() => true)
      .catch(() => false);
    if (shown) rendered++;
    else problems.push(`${p.what} (${path}): no payload on the page`);
    // Hover and focus everything once, for payloads waiting on an interaction.
    await page.mouse.move(200, 200);
    await page.keyboard.press("Tab");
    const markup = await page.evaluate(() => {
      const found: string[] = [];
      for (const el of Array.from(document.querySelectorAll("*"))) {
        for (const a of Array.from(el.attributes)) {
          if (a.name.startsWith("on") && a.value.includes("__xss")) found.push(`${el.tagName} ${a.name}`);
          // React's own guard on a form it submits itself (a client-rendered form with a function
          // action): a fixed string of React's, never anything a person typed.
          const reactGuard = a.value.startsWith("javascript:throw new Error('A React form was unexpectedly submitted.");
          if (/^(href|src|data|action|formaction|srcdoc)$/.test(a.name) && /javascript:|__xss/i.test(a.value) && !reactGuard) {
            found.push(`${el.tagName} ${a.name}=${a.value.slice(0, 40)}`);
          }
        }
        // Next's own scripts carry the page's data as escaped JSON strings: data, not code.
        const text = el.textContent ?? "";
        if (el.tagName === "SCRIPT" && text.includes("__xss") && !/^\(?self\.__next_f/.test(text.trim())) {
          found.push(`SCRIPT ${text.slice(0, 60)}`);
        }
      }
      return found;
    });
    injected += markup.length;
    executed += ran.length;
    for (const m of markup) problems.push(`${p.what}: markup ${m}`);
    for (const r of ran) problems.push(`${p.what}: ran ${r}`);
    await context.close();
  }
  // Exports are files, never pages: Chromium must download each one, not render it, and the
  // payloads must be in it as text (CSV cells that start a formula are neutralised).
  let downloads = 0;
  for (const file of exportsToCheck) {
    const url = `${e2eBaseUrl}/o/${w.a.slug}/export/${file}`;
    const res = await fetch(url, { headers: { cookie: w.cookies.organiserA } });
    const body = await res.text();
    const type = res.headers.get("content-type") ?? "";
    if (!/^attachment/.test(res.headers.get("content-disposition") ?? "")) problems.push(`export ${file}: not an attachment`);
    if (/html|xml|svg/i.test(type)) problems.push(`export ${file}: served as ${type}`);
    if (res.headers.get("x-content-type-options") !== "nosniff") problems.push(`export ${file}: no nosniff`);
    if (!body.includes("XSS-")) problems.push(`export ${file}: no payload in it`);
    const context = await browser.newContext({ acceptDownloads: true });
    const [name, ...value] = w.cookies.organiserA.split("=");
    await context.addCookies([
      { name: name as string, value: value.join("="), url: e2eBaseUrl, httpOnly: true, sameSite: "Lax" },
    ]);
    const page = await context.newPage();
    const download = page.waitForEvent("download", { timeout: 15_000 }).catch(() => null);
    await page.goto(url).catch(() => undefined); // "Download is starting" aborts the navigation
    if (await download) downloads++;
    else problems.push(`export ${file}: Chromium did not download it`);
    await context.close();
  }

  const line = report(
    "xss",
    {
      payloads: xssPayloads.length + shortXssPayloads.length,
      pages: pagesToCheck.length,
      exports: downloads,
      rendered,
      executed,
      injected,
      refusedByValidation: extra.refused,
    },
    executed === 0 && injected === 0 && rendered === pagesToCheck.length && downloads === exportsToCheck.length,
  );
  expect(problems, line).toEqual([]);
});
