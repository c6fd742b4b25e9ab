/**
 * Who may open what, over HTTP: {anonymous, participant of event A (team one), participant in
 * another team, facilitator A, organiser A, participant of event B} × every page and file route
 * of event A (and event B's staff pages), each cell a real request with that role's cookies.
 * The socket side of the matrix is test/reliability/authz.test.ts; this is its page half.
 *
 * Outcomes: ok (the page or file), signin (sent to sign in), join (sent to join the event),
 * refused (a page saying it isn't theirs), notfound (404: as if it did not exist).
 * To add a page: one row in `pages` with the outcome for each role.
 */
import { expect, test } from "@playwright/test";
import { e2eBaseUrl } from "../support/config";
import { createWorld, type Role, report, roles, uploadPhoto, type World } from "./support/world";

type Outcome = "ok" | "signin" | "join" | "refused" | "notfound" | "forbidden" | "unauthorized";
type Row = { path: (w: World) => string; expect: Record<Role, Outcome> | ((role: Role) => Outcome) };

const staff = (role: Role) => role === "facilitatorA" || role === "organiserA";
const inA = (role: Role) => role === "participantA" || role === "otherTeam" || staff(role);

/** Facilitator and big-screen pages: staff in; a participant of the event refused; others sign in. */
const staffPage = (role: Role): Outcome =>
  staff(role) ? "ok" : role === "participantA" || role === "otherTeam" ? "refused" : "signin";
/** Phone pages: anyone of event A (staff too); everyone else is sent to join. */
const phonePage = (role: Role): Outcome => (inA(role) ? "ok" : "join");
/** Organiser area: accounts only; facilitators may look at the event, not edit it. */
const organiserEdit = (role: Role): Outcome => (role === "organiserA" ? "ok" : role === "facilitatorA" ? "refused" : "signin");
const accountsOnly = (role: Role): Outcome => (staff(role) ? "ok" : "signin");
const everyone = (): Outcome => "ok";
/** Export downloads answer with a status, not a page: 401 without an account, 403 for a facilitator. */
const exportFile = (role: Role): Outcome =>
  role === "organiserA" ? "ok" : role === "facilitatorA" ? "forbidden" : "unauthorized";

const pages: Row[] = [
  { path: (w) => `/e/${w.a.slug}`, expect: everyone },
  { path: (w) => `/e/${w.a.slug}/calendar.ics`, expect: everyone },
  // The home page's list of published events: what the home page shows anyone.
  { path: () => "/home-version", expect: everyone },
  { path: (w) => `/p/${w.a.slug}`, expect: phonePage },
  { path: (w) => `/p/${w.a.slug}/me`, expect: phonePage },
  { path: (w) => `/p/${w.a.slug}/device`, expect: phonePage },
  { path: (w) => `/p/${w.a.slug}/b/${w.roomBoard.id}`, expect: phonePage },
  { path: (w) => `/p/${w.a.slug}/b/${w.teamBoard.id}`, expect: phonePage },
  { path: (w) => `/p/${w.a.slug}/brief/${w.publicBrief}`, expect: phonePage },
  // A draft brief is the organisers' until published.
  { path: (w) => `/p/${w.a.slug}/brief/${w.draftBrief}`, expect: (r) => (staff(r) ? "ok" : inA(r) ? "notfound" : "join") },
  // Event B's board under event A's address: not there.
  { path: (w) => `/p/${w.a.slug}/b/${w.boardB.id}`, expect: (r) => (inA(r) ? "notfound" : "join") },
  { path: (w) => `/f/${w.a.slug}`, expect: staffPage },
  { path: (w) => `/f/${w.a.slug}/b/${w.teamBoard.id}`, expect: staffPage },
  { path: (w) => `/s/${w.a.slug}`, expect: staffPage },
  { path: (w) => `/s/${w.a.slug}/b/${w.roomBoard.id}`, expect: staffPage },
  { path: () => "/o", expect: accountsOnly },
  // The events list's fingerprint: an answer, not a page (401 without an account).
  { path: () => "/o/version", expect: (r) => (staff(r) ? "ok" : "unauthorized") },
  { path: (w) => `/o/${w.a.slug}`, expect: accountsOnly },
  { path: (w) => `/o/${w.a.slug}/edit`, expect: organiserEdit },
  { path: (w) => `/o/${w.a.slug}/briefs/${w.publicBrief}`, expect: organiserEdit },
  { path: (w) => `/o/${w.a.slug}/briefs/${w.draftBrief}`, expect: organiserEdit },
  // Event B's staff pages: nobody here runs event B.
  { path: (w) => `/o/${w.b.slug}`, expect: (r) => (staff(r) ? "refused" : "signin") },
  { path: (w) => `/f/${w.b.slug}`, expect: (r) => (staff(r) ? "refused" : r === "participantB" ? "refused" : "signin") },
  { path: (w) => `/s/${w.b.slug}`, expect: (r) => (staff(r) ? "refused" : r === "participantB" ? "refused" : "signin") },
  // Files: a published brief's pack is public; a draft's only for its staff; photos only for the event.
  { path: (w) => `/files/${w.publicFile}`, expect: everyone },
  { path: (w) => `/files/${w.draftFile}`, expect: (r) => (staff(r) ? "ok" : "notfound") },
  { path: (w) => `/photos/${w.photoId}`, expect: (r) => (inA(r) ? "ok" : "notfound") },
  // Presentations: the team's showcase and the room's responses on phones; running it is staff's.
  { path: (w) => `/p/${w.a.slug}/showcase`, expect: phonePage },
  { path: (w) => `/p/${w.a.slug}/presentations`, expect: phonePage },
  { path: (w) => `/p/${w.a.slug}/judge`, expect: phonePage },
  { path: (w) => `/f/${w.a.slug}/presentations`, expect: staffPage },
  { path: (w) => `/f/${w.a.slug}/presentations/results`, expect: staffPage },
  // After the weekend: the review, projects and exports hold contact details: organisers only.
  { path: (w) => `/o/${w.a.slug}/review`, expect: organiserEdit },
  { path: (w) => `/o/${w.a.slug}/audit`, expect: organiserEdit },
  { path: (w) => `/o/${w.a.slug}/projects`, expect: organiserEdit },
  { path: (w) => `/o/${w.a.slug}/export/markdown`, expect: exportFile },
  { path: (w) => `/o/${w.a.slug}/export/json`, expect: exportFile },
  { path: (w) => `/o/${w.a.slug}/export/csv/people`, expect: exportFile },
  { path: (w) => `/o/${w.a.slug}/export/archive`, expect: exportFile },
  { path: (w) => `/o/${w.b.slug}/export/json`, expect: (r) => (staff(r) ? "forbidden" : "unauthorized") },
  { path: (w) => `/e/${w.a.slug}/progress`, expect: everyone },
  // The join page's fingerprint: only for the page's own signed token, which a guess does not hold.
  { path: (w) => `/j/${w.a.joinCode}/version`, expect: () => "notfound" },
  { path: (w) => `/j/${w.a.joinCode}/version?t=${w.a.id}:${w.a.joinCode}.forged`, expect: () => "notfound" },
  // An invitation's fingerprint: for whoever holds the link (an unknown link's says so, and nothing else).
  { path: () => `/invite/${"x".repeat(43)}/version`, expect: everyone },
];

const refusalTexts = [
  /Not available/,
  /You don't have access to this event/,
  /Only organisers can/,
  /Only organisers of this event can/,
];

async function outcomeOf(path: string, cookie: string): Promise<{ outcome: Outcome | string; status: number }> {
  const res = await fetch(`${e2eBaseUrl}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const location = res.headers.get("location") ?? "";
  if (res.status >= 300 && res.status < 400) {
    if (location.includes("/signin")) return { outcome: "signin", status: res.status };
    if (location.includes("/j/") || location.includes("/j?")) return { outcome: "join", status: res.status };
    return { outcome: `redirect:${location}`, status: res.status };
  }
  if (res.status === 404) return { outcome: "notfound", status: 404 };
  if (res.status === 401) return { outcome: "unauthorized", status: 401 };
  if (res.status === 403) return { outcome: "forbidden", status: 403 };
  if (res.status !== 200) return { outcome: `status:${res.status}`, status: res.status };
  const type = res.headers.get("content-type") ?? "";
  if (type.startsWith("text/html")) {
    const html = await res.text();
    // Next streams a late redirect or notFound() into a 200 page: read its markers too.
    if (/NEXT_REDIRECT;[^;]*;\/signin/.test(html)) return { outcome: "signin", status: 200 };
    if (/NEXT_REDIRECT;[^;]*;\/j\//.test(html)) return { outcome: "join", status: 200 };
    if (/NEXT_HTTP_ERROR_FALLBACK;404/.test(html)) return { outcome: "notfound", status: 200 };
    // What the page shows, not its scripts: the client's message catalogues carry every refusal's words.
    const shown = html
      .replace(/<script\b[\s\S]*?<\/script>/g, "")
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
    if (refusalTexts.some((r) => r.test(shown))) return { outcome: "refused", status: 200 };
  }
  return { outcome: "ok", status: 200 };
}

test("every role × every page answers as the table says", async () => {
  test.setTimeout(180_000);
  const w = await createWorld();
  const unexpected: string[] = [];
  let cells = 0;
  for (const row of pages) {
    const path = row.path(w);
    for (const role of roles) {
      const want = typeof row.expect === "function" ? row.expect(role) : row.expect[role];
      const got = await outcomeOf(path, w.cookies[role]);
      cells++;
      if (got.outcome !== want) unexpected.push(`${role} ${path}: expected ${want}, got ${got.outcome} (${got.status})`);
    }
  }
  // Uploading a photo: members of the board's team and staff; event B's participant cannot even see the board.
  const uploadExpect: Record<Role, number> = {
    anonymous: 404,
    participantA: 201,
    otherTeam: 403,
    facilitatorA: 201,
    organiserA: 201,
    participantB: 404,
  };
  for (const role of roles) {
    const { status } = await uploadPhoto(w.teamBoard.id, w.cookies[role]);
    cells++;
    if (status !== uploadExpect[role]) unexpected.push(`${role} POST photo: expected ${uploadExpect[role]}, got ${status}`);
  }
  const line = report("authz-pages", { cells, unexpected: unexpected.length }, unexpected.length === 0);
  expect(unexpected, line).toEqual([]);
});
