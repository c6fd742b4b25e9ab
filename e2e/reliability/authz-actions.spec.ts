/**
 * Who may change what through a server action, over HTTP: every role × every action that
 * changes event A, each cell a real POST with that role's cookies and arguments that would
 * change the event if the role were let in. The check is the database itself: after a refused
 * call, nothing of events A and B (and their catch-ups) differs; after an allowed call,
 * something does, so every refusal cell is one that could have failed. An action that changes
 * something else (organiser A's own account) names it too (`also`), and it is checked the same way.
 *
 * Pages are authz-pages.spec.ts; socket commands are test/reliability/authz.test.ts.
 * To add an action: one row in `cases`. A new action that is in the build but not here fails
 * the test, so none is forgotten.
 */
import { createHash } from "node:crypto";
import { createClient } from "@libsql/client";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { accountSessions, accounts } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { createInvite } from "@/lib/invites/create-invite";
import { e2eDatabaseUrl } from "../support/config";
import { addStaff, db } from "../support/fixtures";
import { callServerAction, FormArg, type ServerAction, serverActions } from "./support/server-actions";
import { createWorld, type Role, report, roles, sessionCookie, tinyPng, type World } from "./support/world";

type Who = Role | "organiserB";
const everyone: Who[] = [...roles, "organiserB"];
type Setup = World & { inviteHash: string; spareStaffId: string };
type Case = {
  name: string;
  args: (s: Setup) => unknown[];
  allowed: Who[];
  /** What the action may change besides events A and B, fingerprinted. */
  also?: (s: Setup) => Promise<string>;
};

const organiserOnly: Who[] = ["organiserA"];
const checkIn = {
  status: "on_track",
  progress: "The planters are in.",
  evidence: "",
  numbers: "",
  links: "",
  learning: "",
  helpNeeded: "",
  authorName: "Someone",
};

const renamedTo = "Renamed weekend";

/** Organiser A's own password here (every other fixture account has fixturePassword). */
const organiserAPassword = "organiser A's own passphrase";
const changedTo = "a brand new passphrase";

/** An account as a password change leaves it: its password and its sessions. */
async function accountFingerprint(accountId: string): Promise<string> {
  const read = (await db()).read;
  const [account] = await read.select({ passwordHash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, accountId));
  const sessions = await read
    .select({ tokenHash: accountSessions.tokenHash })
    .from(accountSessions)
    .where(eq(accountSessions.accountId, accountId));
  return JSON.stringify([account?.passwordHash, sessions.map((r) => r.tokenHash).sort()]);
}

/** Each argument list is what the real form sends, with values that change the event. */
const cases: Case[] = [
  // The event editor is one form (details, agenda, languages, privacy): each row is one section's button.
  {
    name: "saveEventEditor",
    args: (s) => [
      s.a.slug,
      {},
      new FormArg({
        intent: "details",
        name: renamedTo,
        place: "Town hall",
        startsAt: "2027-03-06T10:00",
        endsAt: "2027-03-07T17:00",
        description: "A weekend of making.",
        goals: "",
        accessInfo: "",
        childcare: "",
        food: "",
        whatToBring: "",
      }),
    ],
    allowed: organiserOnly,
  },
  {
    name: "saveEventEditor",
    args: (s) => [s.a.slug, {}, new FormArg({ intent: "languages", language: "pt", joinLanguages: "es" })],
    allowed: organiserOnly,
  },
  {
    name: "saveEventEditor",
    args: (s) => [
      s.a.slug,
      {},
      new FormArg({
        intent: "agenda",
        "phases.0.id": "",
        "phases.0.name": "Opening",
        "phases.0.startsAt": "2027-03-06T10:00",
        "phases.0.endsAt": "2027-03-06T11:00",
      }),
    ],
    allowed: organiserOnly,
  },
  { name: "createInviteAction", args: (s) => [s.a.slug, {}, new FormArg({ role: "organiser" })], allowed: organiserOnly },
  { name: "revokeInviteAction", args: (s) => [s.a.slug, new FormArg({ tokenHash: s.inviteHash })], allowed: organiserOnly },
  // A facilitator nobody else in the matrix depends on.
  { name: "removeStaffAction", args: (s) => [s.a.slug, new FormArg({ accountId: s.spareStaffId })], allowed: organiserOnly },
  { name: "regenerateJoinCodeAction", args: (s) => [s.a.slug, {}, new FormArg({ confirm: "yes" })], allowed: organiserOnly },
  {
    name: "createBriefAction",
    args: (s) => [s.a.slug, {}, new FormArg({ title: "A brief nobody asked for" })],
    allowed: organiserOnly,
  },
  {
    name: "moveBriefAction",
    args: (s) => [s.a.slug, new FormArg({ direction: "down", briefId: s.publicBrief })],
    allowed: organiserOnly,
  },
  {
    name: "saveBriefAction",
    args: (s) => [s.a.slug, s.draftBrief, {}, new FormArg({ title: "Rewritten brief", problem: "Rewritten problem" })],
    allowed: organiserOnly,
  },
  {
    // The brief's form also uploads and removes its pack's files (its "Upload file" and "Remove" buttons).
    name: "saveBriefAction",
    args: (s) => [
      s.a.slug,
      s.publicBrief,
      {},
      new FormArg({
        intent: "upload",
        fileTitle: "Site plan",
        file: new File([new Uint8Array(tinyPng)], "plan.png", { type: "image/png" }),
      }),
    ],
    allowed: organiserOnly,
  },
  {
    name: "saveBriefAction",
    args: (s) => [s.a.slug, s.publicBrief, {}, new FormArg({ intent: `remove:${s.draftFile}` })],
    allowed: organiserOnly,
  },
  {
    name: "createProjectAction",
    args: (s) => [
      s.a.slug,
      {},
      new FormArg({ teamId: "", title: "Repair café", summary: "", ownerName: "Bo", ownerRole: "", coOwners: "" }),
    ],
    allowed: organiserOnly,
  },
  {
    // A project's page is one form: each row is one part's button.
    name: "saveProjectPage",
    args: (s) => [
      s.a.slug,
      s.project,
      {},
      new FormArg({ intent: "milestones", rows: "1", "day-0": "45", "title-0": "First market stall", "dueAt-0": "2027-05-01" }),
    ],
    allowed: organiserOnly,
  },
  {
    name: "saveProjectPage",
    args: (s) => [
      s.a.slug,
      s.project,
      {},
      new FormArg({
        intent: "risks",
        "checked-first_aid": "on",
        "checkedBy-first_aid": "Ada",
        "notes-first_aid": "Kit in the shed",
      }),
    ],
    allowed: organiserOnly,
  },
  {
    name: "saveProjectPage",
    args: (s) => [s.a.slug, s.project, {}, new FormArg({ intent: "public", public: "yes" })],
    allowed: organiserOnly,
  },
  {
    name: "saveProjectPage",
    args: (s) => [s.a.slug, s.project, {}, new FormArg({ intent: "ownerLink.new" })],
    allowed: organiserOnly,
  },
  {
    name: "saveProjectPage",
    args: (s) => [s.a.slug, s.project, {}, new FormArg({ intent: "ownerEmail", ownerEmail: "owner@example.test" })],
    allowed: organiserOnly,
  },
  // These two only send email, and this matrix's server has no SMTP relay: they change nothing
  // for anyone (e2e/follow-up/reminders.spec.ts sends them for real, as the organiser).
  { name: "sendReminderAction", args: (s) => [s.a.slug, s.project, {}, new FormArg({})], allowed: [] },
  { name: "inviteToCatchUpAction", args: (s) => [s.a.slug, {}, new FormArg({})], allowed: [] },
  {
    name: "saveProjectPage",
    args: (s) => [s.a.slug, s.project, {}, new FormArg({ intent: "checkIn", ...checkIn })],
    allowed: organiserOnly,
  },
  {
    name: "createCatchUpAction",
    args: (s) => [
      s.a.slug,
      {},
      new FormArg({ name: "Three months on", place: "Library", startsAt: "2027-06-01T18:00", endsAt: "2027-06-01T20:00" }),
    ],
    allowed: organiserOnly,
  },
  // The presentations' times: the event's staff, as on the live console.
  {
    name: "saveTimesAction",
    args: (s) => [s.a.slug, {}, new FormArg({ present: "7", questions: "3" })],
    allowed: ["facilitatorA", "organiserA"],
  },
  // The console's forms posted without JavaScript: the event's staff, as on the live console.
  {
    name: "announceAction",
    args: (s) => [s.a.slug, {}, new FormArg({ text: "Lunch is ready" })],
    allowed: ["facilitatorA", "organiserA"],
  },
  {
    name: "createBoardAction",
    args: (s) => [s.a.slug, {}, new FormArg({ title: "More ideas", template: "ideas", teamId: "", columns: "" })],
    allowed: ["facilitatorA", "organiserA"],
  },
  // A participant's own profile without JavaScript: each of event A's participants, for themselves.
  {
    name: "saveProfileAction",
    args: (s) => [
      s.a.slug,
      false,
      {},
      new FormArg({
        displayName: "Dana",
        skill: "drawing",
        otherSkills: "",
        kind: "",
        ageBand: "18_plus",
        accessNeeds: "A quiet space",
      }),
    ],
    allowed: ["participantA", "otherTeam"],
  },
  // A team's reframe of its brief: its members, and staff naming the team (before the event is archived: a finished
  // event's participants may only leave and take their data).
  {
    name: "reframeBriefAction",
    args: (s) => [s.a.slug, s.publicBrief, {}, new FormArg({ text: "How might we share the corner plot?", teamId: s.team1.id })],
    allowed: ["participantA", "facilitatorA", "organiserA"],
  },
  // The signed-in account's own password, typed with organiser A's current one: only organiser A
  // changes organiser A's (and stays signed in for the rows after); anyone else, knowing it, changes nothing.
  {
    name: "changePasswordAction",
    args: () => [{}, new FormArg({ current: organiserAPassword, password: changedTo, confirm: changedTo })],
    allowed: organiserOnly,
    also: (s) => accountFingerprint(s.a.organiser.id),
  },
  // Last of the organiser's: an archived event takes no new participants.
  { name: "changeEventStatus", args: (s) => [s.a.slug, {}, new FormArg({ status: "archived" })], allowed: organiserOnly },
  // Leaving without JavaScript: each of event A's participants, themselves (late: they are gone after it).
  {
    name: "leaveEventAction",
    args: (s) => [s.a.slug, {}, new FormArg({ deleteNotes: "yes" })],
    allowed: ["participantA", "otherTeam"],
  },
  // Only the holder of the owner's link (a cookie nobody in this matrix has) may post as owner.
  { name: "ownerCheckInAction", args: (s) => [s.project, {}, new FormArg(checkIn)], allowed: [] },
  {
    name: "saveEventEditor",
    args: (s) => [
      s.a.slug,
      {},
      new FormArg({
        intent: "privacy",
        dataController: "London Borough of Lambeth",
        privacyContact: "dpo@lambeth.example",
        retentionMonths: "24",
      }),
    ],
    allowed: organiserOnly,
  },
  // Very last: deleting event A leaves nothing for the rows after it.
  // Last, and typed as the event is called by then (the editor's details row renamed it above).
  { name: "deleteEventAction", args: (s) => [s.a.slug, {}, new FormArg({ confirm: renamedTo })], allowed: organiserOnly },
];

/**
 * Actions that do not change an event this matrix owns, and why they are covered elsewhere:
 * accounts (set-up, sign-in and event creation belong to whoever is signed in, import to
 * organisers; the signin, review and import-archive specs), the join flow (open to anyone with the code by design), a phone's
 * own identity (forget, device link, signing out one of its own devices: they act only on the
 * caller's own participant), and invite
 * acceptance (the token is the authority; invites.spec).
 */
const notEventChanges = new Set([
  "setUpMadeIn",
  "signIn",
  "signOut",
  // Ends only the caller's own sessions (by their session cookie); the sign-in spec.
  "signOutEverywhere",
  "createEventAction",
  "importEventAction",
  "findEventByCode",
  "joinEventAction",
  "forgetThisPhone",
  "makeDeviceLink",
  "signOutDeviceAction",
  // Leaving a finished event: it erases only the caller's own participant (their cookie).
  "leaveAfterFinishAction",
  // The caller's own language: it changes only their own participant (by their cookie) and account.
  "chooseLanguage",
  // The signed-in account's own weekly email: it changes only that account's choice.
  "chooseDigestAction",
  "acceptInviteAction",
  "createAccountAndAccept",
  "requestResetAction",
  "resetPasswordAction",
]);

/** Everything stored about events A and B and the events that follow them up. */
async function fingerprint(eventIds: string[]): Promise<string> {
  const client = createClient({ url: e2eDatabaseUrl });
  try {
    const ids = eventIds.map((id) => `'${id.replaceAll("'", "''")}'`).join(",");
    const events = `(SELECT id FROM events WHERE id IN (${ids}) UNION SELECT event_id FROM event_follow_ups WHERE follows_event_id IN (${ids}))`;
    const tables = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
    );
    const hash = createHash("sha256");
    for (const { name } of tables.rows) {
      const table = String(name);
      const columns = (await client.execute(`PRAGMA table_info("${table}")`)).rows.map((r) => String(r.name));
      const scope =
        table === "events"
          ? `id IN ${events}`
          : columns.includes("event_id")
            ? `event_id IN ${events}`
            : columns.includes("project_id")
              ? `project_id IN (SELECT id FROM projects WHERE event_id IN ${events})`
              : columns.includes("brief_id")
                ? `brief_id IN (SELECT id FROM briefs WHERE event_id IN ${events})`
                : null;
      if (!scope) continue; // accounts and sessions: nobody in this matrix may create one
      const rows = await client.execute(`SELECT * FROM "${table}" WHERE ${scope} ORDER BY rowid`);
      hash.update(`${table}:${JSON.stringify(rows.rows)}\n`);
    }
    return hash.digest("hex");
  } finally {
    client.close();
  }
}

test("every role × every event-changing server action is let in or refused as the table says", async () => {
  test.setTimeout(240_000);
  const w = await createWorld();
  const invite = await (await db()).transact((tx) =>
    createInvite(tx, { eventId: w.a.id, role: "facilitator", createdBy: w.a.organiser.id }),
  );
  const spare = await addStaff(w.a.id, "facilitator", "Spare facilitator");
  const passwordHash = await hashPassword(organiserAPassword);
  await (await db()).transact((tx) => tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, w.a.organiser.id)));
  const s: Setup = { ...w, inviteHash: hashToken(invite.token), spareStaffId: spare.id };
  const cookies: Record<Who, string> = { ...w.cookies, organiserB: await sessionCookie(w.b.organiser.id) };
  const actions = serverActions(w);
  const byName = new Map(actions.map((a) => [a.name, a]));

  const uncovered = actions.filter((a) => !notEventChanges.has(a.name) && !cases.some((c) => c.name === a.name));
  expect(
    uncovered.map((a) => a.name),
    "server actions with no row in the matrix",
  ).toEqual([]);

  const unexpected: string[] = [];
  let cells = 0;
  const events = [w.a.id, w.b.id];
  const call = async (c: Case, action: ServerAction, who: Who) => {
    const state = async () => (await fingerprint(events)) + ((await c.also?.(s)) ?? "");
    const before = await state();
    const status = await callServerAction(action, action.paths[0]!, c.args(s), cookies[who]);
    const changed = (await state()) !== before;
    cells++;
    const want = c.allowed.includes(who);
    if (status >= 500) unexpected.push(`${who} ${c.name}: HTTP ${status}`);
    else if (changed !== want) unexpected.push(`${who} ${c.name}: ${want ? "changed nothing" : "changed the event"}`);
  };

  // Refusals first, while every argument still points at something that exists.
  for (const c of cases) {
    const action = byName.get(c.name);
    if (!action) {
      unexpected.push(`${c.name}: not in the build`);
      continue;
    }
    for (const who of everyone.filter((r) => !c.allowed.includes(r))) await call(c, action, who);
  }
  for (const c of cases) {
    const action = byName.get(c.name);
    if (action) for (const who of c.allowed) await call(c, action, who);
  }

  const line = report("authz-actions", { cells, actions: cases.length, unexpected: unexpected.length }, unexpected.length === 0);
  expect(unexpected, line).toEqual([]);
});
