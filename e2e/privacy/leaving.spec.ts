/**
 * Issue 17's privacy acceptance, from outside, with real sockets and real pages: an under-16
 * joins on a phone, shares access needs and a contact, changes age band on an open connection,
 * sends feedback, saves the showcase, cheers, votes, and leaves deleting their notes. Three
 * observers (a teammate, someone in another team, the big screen) record every socket message
 * and every read, and fetch every page and file they can reach with their own cookies: the full
 * name, the access needs and the contact appear in none. After leaving, a dump of the whole
 * database (every table, every column) holds none of that person's personal data.
 */
import { createClient } from "@libsql/client";
import { type BrowserContext, expect, test } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { contractVersion } from "@/lib/realtime/constants";
import { e2eBaseUrl, e2eDatabaseUrl } from "../support/config";
import { createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

test.use(phone);

const letters = () => Array.from({ length: 5 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");

type AckLike = { ok: boolean; result?: unknown; error?: { message: string } };

async function socketFor(context: BrowserContext, eventId: string) {
  const cookie = (await context.cookies(e2eBaseUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
  const socket: Socket = io(e2eBaseUrl, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    auth: { eventId, contractVersion },
    extraHeaders: { cookie, origin: e2eBaseUrl },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

let n = 0;
const send = (socket: Socket, name: string, payload: unknown) =>
  socket.timeout(20_000).emitWithAck(name, { id: `privacy-${Date.now()}-${n++}`, payload }) as Promise<AckLike>;
async function ok<T>(socket: Socket, name: string, payload: unknown): Promise<T> {
  const ack = await send(socket, name, payload);
  if (!ack.ok) throw new Error(`${name}: ${ack.error?.message}`);
  return ack.result as T;
}

test("an under-16's name, access needs and contact reach no other participant, screen, page or export, and leaving erases them", async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const surname = `Leaverson${letters()}`;
  const person = {
    name: `Yara ${surname}`,
    accessNeeds: `Needs step-free access ${letters()}`,
    contact: `yara.${surname.toLowerCase()}@example.org`,
    skill: `kazoo-${letters()}`,
  };
  const visible = [person.name, surname, person.accessNeeds, person.contact];

  const event = await createEventFixture();
  const staffContext = await browser.newContext();
  await signIn(staffContext, event.organiser.id);
  const staff = await socketFor(staffContext, event.id);
  const team1 = (await ok<{ team: { id: string } }>(staff, "team:create", { name: "Parks" })).team.id;
  const team2 = (await ok<{ team: { id: string } }>(staff, "team:create", { name: "Website" })).team.id;
  const teamBoard = (
    await ok<{ board: { id: string } }>(staff, "board:create", { title: "Parks ideas", template: "ideas", teamId: team1 })
  ).board.id;
  const column = (await ok<{ board: { columns: { key: string }[] } }>(staff, "board:open", { boardId: teamBoard })).board
    .columns[0]!.key;

  // The observers, each with their own cookies.
  const mateContext = await browser.newContext(phone);
  const otherContext = await browser.newContext(phone);
  await joinAs(mateContext, event.id, "Teammate");
  await joinAs(otherContext, event.id, "Other team");
  const screenContext = await browser.newContext();
  await signIn(screenContext, event.organiser.id);
  const observers = {
    teammate: { context: mateContext, socket: await socketFor(mateContext, event.id), home: `/p/${event.slug}` },
    otherTeam: { context: otherContext, socket: await socketFor(otherContext, event.id), home: `/p/${event.slug}` },
    bigScreen: { context: screenContext, socket: await socketFor(screenContext, event.id), home: `/s/${event.slug}` },
  };
  await ok(observers.teammate.socket, "team:join", { teamId: team1 });
  await ok(observers.otherTeam.socket, "team:join", { teamId: team2 });
  const seen: { where: string; text: string }[] = [];
  for (const [who, o] of Object.entries(observers)) {
    o.socket.onAny((name: string, ...args: unknown[]) => seen.push({ where: `${who} got ${name}`, text: JSON.stringify(args) }));
  }
  const roomBoard = (await ok<{ boards: { id: string; teamId: string | null }[] }>(staff, "event:snapshot", {})).boards.find(
    (b) => b.teamId === null,
  )!.id;
  // Every snapshot a screen reads (participants:details is the staff console's private list, never on a screen).
  const reads = async () => {
    for (const [who, o] of Object.entries(observers)) {
      for (const [name, payload] of [
        ["event:snapshot", {}],
        ["teams:snapshot", {}],
        ["board:open", { boardId: teamBoard }],
        ["board:open", { boardId: roomBoard }],
        ["vote:state", { boardId: teamBoard }],
        ["presentation:state", {}],
      ] as const) {
        seen.push({ where: `${who} read ${name}`, text: JSON.stringify(await send(o.socket, name, payload)) });
      }
    }
  };
  const pages = async () => {
    const participantPaths = [
      `/p/${event.slug}`,
      `/p/${event.slug}/b/${teamBoard}`,
      `/p/${event.slug}/presentations`,
      `/p/${event.slug}/showcase`,
      `/p/${event.slug}/judge`,
      `/e/${event.slug}`,
      `/e/${event.slug}/progress`,
      `/e/${event.slug}/calendar.ics`,
    ];
    const screenPaths = [`/s/${event.slug}`, `/s/${event.slug}/b/${teamBoard}`];
    for (const [who, o] of Object.entries(observers)) {
      for (const path of who === "bigScreen" ? screenPaths : participantPaths) {
        const res = await o.context.request.get(path, { maxRedirects: 0 });
        expect(res.status(), `${who} ${path}`).toBeLessThan(500);
        seen.push({ where: `${who} fetched ${path}`, text: await res.text() });
      }
    }
  };
  await reads();

  // The under-16 joins on a phone through the join page: the room hears of them before any age is said.
  await page.goto(`/j/${event.joinCode}`);
  await page.getByLabel("What should people call you?").fill(person.name);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}/me\\?welcome=1$`));
  const me = await socketFor(page.context(), event.id);
  await ok(me, "team:join", { teamId: team1 });
  const note = await ok<{ note: { id: string } }>(me, "note:create", { boardId: teamBoard, column, text: "A café in the park" });
  await reads();
  await pages();

  // Says they are under 16 (the age band changes on the open connection), with access needs and a contact.
  await ok(me, "profile:update", {
    skills: [person.skill],
    ageBand: "under_16",
    accessNeeds: person.accessNeeds,
    contactConsent: true,
    contact: person.contact,
  });
  await ok(me, "presentation:feedback", { teamId: team1, text: "We should open on Saturdays" });
  await ok(me, "showcase:save", { teamId: team1, fields: { title: "Park café" } });
  await ok(me, "presentation:react", { teamId: team2, kind: "clap" });
  const round = (
    await ok<{ round: { id: string } }>(staff, "vote:open", { boardId: teamBoard, dotsPerPerson: 2, maxPerTarget: 2 })
  ).round.id;
  await ok(me, "vote:cast", { roundId: round, targetId: note.note.id });
  await reads();
  await pages();

  // Nothing named them, before or after they said their age; access needs and contact reached nobody.
  const named = seen.filter((s) => visible.some((v) => s.text.includes(v)));
  expect(named.map((s) => `${s.where}: ${s.text.slice(0, 200)}`)).toEqual([]);
  // They were there, by initials (so the observers looked at the right things).
  const initials = `Y. ${surname[0]}.`;
  expect(seen.some((s) => s.where.endsWith("participant:joined") && s.text.includes(initials))).toBe(true);
  expect(seen.some((s) => s.where === "teammate read presentation:state" && s.text.includes(`"authorName":"${initials}"`))).toBe(
    true,
  );

  // Leaving, deleting their notes.
  const leftAt = seen.length;
  await ok(me, "event:leave", { deleteNotes: true });
  await expect.poll(() => seen.slice(leftAt).some((s) => s.where.endsWith("participant:left"))).toBe(true);
  me.disconnect();
  await reads();
  await pages();
  const afterLeaving = seen.slice(leftAt).filter((s) => [...visible, person.skill].some((v) => s.text.includes(v)));
  expect(afterLeaving.map((s) => s.where)).toEqual([]);

  // A dump of the whole database: every table, every column.
  const client = createClient({ url: e2eDatabaseUrl });
  try {
    const tables = (await client.execute("select name from sqlite_master where type = 'table'")).rows.map((r) => String(r[0]));
    const found: string[] = [];
    for (const table of tables) {
      const text = JSON.stringify((await client.execute(`select * from "${table}"`)).rows.map((r) => Object.values(r)));
      for (const v of [...visible, person.skill]) if (text.includes(v)) found.push(`${table}: ${v}`);
    }
    expect(found).toEqual([]);
  } finally {
    client.close();
  }
  for (const o of Object.values(observers)) o.socket.disconnect();
  staff.disconnect();
});
