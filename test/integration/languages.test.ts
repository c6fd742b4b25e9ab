/**
 * What the server says reaches each phone in its person's language (issue 19): the refusal of a
 * command, the problems with what was typed, and a change of language on another device.
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accounts, events, participants } from "@/db/schema";
import { parseCookieHeader } from "@/lib/auth/cookies";
import { visitorLocale } from "@/lib/i18n/person-language";
import { clientsFor, nextEvent, ok, participantCookie, send, sendRaw, staffCookie, type TestSocket } from "./support/clients";
import { addParticipant, addStaff, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer, testSecret } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
let organiser: Awaited<ReturnType<typeof createAccount>>;
let event: Awaited<ReturnType<typeof createTestEvent>>;

beforeAll(async () => {
  t = await startTestServer();
  organiser = await createAccount(t.server.db, "Organiser");
});
afterAll(() => t.dispose());
beforeEach(async () => {
  clients = clientsFor(t.url);
  event = await createTestEvent(t.server.db, organiser.accountId);
});
afterEach(() => clients.closeAll());

const usedAllDots = {
  "en-GB": "You've used all your dots. Take one back to move it.",
  pt: "Já usou todos os seus pontos. Retire um para o mudar de sítio.",
  pl: "Wykorzystałeś/aś wszystkie kropki. Zabierz jedną, aby ją przenieść.",
  fr: "Vous avez utilisé toutes vos gommettes. Reprenez-en une pour la déplacer.",
  es: "Has usado todos tus puntos. Quita uno para moverlo.",
};

async function phone(options: { cookie?: string; headers?: Record<string, string>; stored?: string } = {}) {
  const id = await addParticipant(t.server.db, event.id, "Voter");
  if (options.stored) {
    await t.server.db.transact((tx) => tx.update(participants).set({ language: options.stored }).where(eq(participants.id, id)));
  }
  const cookie = [participantCookie(event.id, id), options.cookie].filter(Boolean).join("; ");
  const socket = await clients.connect({ eventId: event.id, cookie, headers: options.headers });
  return { id, socket };
}

/** A vote of one dot each on two ideas: a phone's second dot is refused. */
async function oneDotVote() {
  const staff = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
  const ideas: string[] = [];
  for (const text of ["Benches", "Murals"]) {
    ideas.push((await ok(staff, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text })).note.id);
  }
  const { round } = await ok(staff, "vote:open", { boardId: event.welcomeBoardId, dotsPerPerson: 1, maxPerTarget: 1 });
  return {
    async secondDot(socket: TestSocket) {
      await ok(socket, "vote:cast", { roundId: round.id, targetId: ideas[0] as string });
      const refused = await send(socket, "vote:cast", { roundId: round.id, targetId: ideas[1] as string });
      expect(refused.ok).toBe(false);
      expect(refused.error?.code).toBe("conflict");
      return refused.error?.message;
    },
  };
}

describe("refusals in the person's language", () => {
  it("a phone whose person chose Portuguese is refused in Portuguese; an English phone in English", async () => {
    const vote = await oneDotVote();
    const portuguese = await phone({ cookie: "mi_lang=pt" });
    const english = await phone();
    expect(await vote.secondDot(portuguese.socket)).toBe(usedAllDots.pt);
    expect(await vote.secondDot(english.socket)).toBe(usedAllDots["en-GB"]);
  });

  it("without a choice on this phone: the language kept for the person, else what the browser asks for", async () => {
    const vote = await oneDotVote();
    const kept = await phone({ stored: "fr", headers: { "accept-language": "pl" } });
    const asked = await phone({ headers: { "accept-language": "pl-PL,pl;q=0.9,en;q=0.5" } });
    const chosenHere = await phone({ cookie: "mi_lang=pt", stored: "pt" });
    // This phone's cookie says Portuguese, but French was chosen since, on another device: it follows.
    const away = await phone({ cookie: "mi_lang=pt", stored: "fr" });
    expect(await vote.secondDot(kept.socket)).toBe(usedAllDots.fr);
    expect(await vote.secondDot(asked.socket)).toBe(usedAllDots.pl);
    expect(await vote.secondDot(chosenHere.socket)).toBe(usedAllDots.pt);
    expect(await vote.secondDot(away.socket)).toBe(usedAllDots.fr);
  });

  it("a language chosen on another device: this phone's next refusal speaks it", async () => {
    const vote = await oneDotVote();
    const me = await phone();
    const told = nextEvent(me.socket, "language:chosen");
    t.server.realtime.languageChosen(me.id, "es");
    expect(await told).toEqual({ language: "es" });
    expect(await vote.secondDot(me.socket)).toBe(usedAllDots.es);
  });

  it("a staff member's language chosen on one page: their open console hears it and speaks it", async () => {
    const staff = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
    const told = nextEvent(staff, "language:chosen");
    t.server.realtime.accountLanguageChosen(organiser.accountId, "es");
    expect(await told).toEqual({ language: "es" });
    const empty = await sendRaw(staff, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "  " });
    expect(empty).toMatchObject({ ok: false, error: { message: "El campo «Nota» no puede estar vacío." } });
  });

  it("what was typed wrong: the message and each issue in the person's language, the paths unchanged", async () => {
    const { socket } = await phone({ cookie: "mi_lang=pl" });
    const empty = await sendRaw(socket, "note:create", {
      boardId: event.welcomeBoardId,
      column: event.welcomeColumn,
      text: "  ",
    });
    expect(empty).toEqual({
      ok: false,
      error: {
        code: "invalid",
        message: "Pole „Notatka” nie może być puste.",
        issues: [{ path: "text", message: "Pole „Notatka” nie może być puste." }],
      },
    });
    // An English phone reads the English exactly as the code wrote it.
    const english = await phone();
    const same = await sendRaw(english.socket, "note:create", {
      boardId: event.welcomeBoardId,
      column: event.welcomeColumn,
      text: "",
    });
    expect(same).toMatchObject({ ok: false, error: { message: "A note can't be empty" } });
  });

  it("why access ended, in the person's language, even once leaving has erased the language they chose", async () => {
    // Chosen on another device: this phone's own cookie says nothing, its browser asks for English.
    const { id, socket } = await phone({ stored: "fr", headers: { "accept-language": "en-GB" } });
    const ended = nextEvent(socket, "access:ended");
    await ok(socket, "event:leave", { deleteNotes: false });
    // "left" from the command itself, or "ended" if the periodic check of access got there first.
    const french: Record<string, string> = {
      left: "Vous avez quitté cet événement.",
      ended: "Vous n’êtes plus connecté à cet événement. Rechargez la page pour continuer.",
    };
    const { reason, message } = await ended;
    expect(message).toBe(french[reason]);
    // It could hint at where they are from: it goes with the rest of what they shared.
    const [left] = await t.server.db.read.select().from(participants).where(eq(participants.id, id));
    expect(left?.language).toBeNull();
  });
});

describe("the big screen speaks the event's language", () => {
  const emptyNote = { fr: "Le champ « Note » ne peut pas être vide.", es: "El campo «Nota» no puede estar vacío." };
  const emptyNoteOn = (socket: TestSocket) =>
    sendRaw(socket, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "  " });

  it("its refusals are in the event's language, not its laptop's, and follow a change of the event's", async () => {
    await t.server.db.transact((tx) => tx.update(events).set({ language: "fr" }).where(eq(events.id, event.id)));
    const laptop = { cookie: `${staffCookie(organiser.sessionToken)}; mi_lang=pl`, headers: { "accept-language": "pl" } };
    const screen = await clients.connect({ eventId: event.id, ...laptop, auth: { speaks: "event" } });
    const staffConsole = await clients.connect({ eventId: event.id, ...laptop });
    expect(await emptyNoteOn(screen)).toMatchObject({ ok: false, error: { message: emptyNote.fr } });
    // The console on the same laptop still speaks its reader's language.
    expect(await emptyNoteOn(staffConsole)).toMatchObject({
      ok: false,
      error: { message: "Pole „Notatka” nie może być puste." },
    });
    // The organiser picking a language for themselves leaves the screen as it is.
    const chosen = nextEvent(screen, "language:chosen");
    t.server.realtime.accountLanguageChosen(organiser.accountId, "pt");
    await chosen;
    expect(await emptyNoteOn(screen)).toMatchObject({ ok: false, error: { message: emptyNote.fr } });
    const changed = nextEvent(screen, "event:languages-changed");
    t.server.realtime.eventLanguagesChanged(event.id, "es");
    await changed;
    expect(await emptyNoteOn(screen)).toMatchObject({ ok: false, error: { message: emptyNote.es } });
  });
});

describe("one screen, one language: a page and its socket", () => {
  const emptyNote: Record<string, string> = {
    fr: "Le champ «\u00a0Note\u00a0» ne peut pas être vide.",
    pl: "Pole „Notatka” nie może być puste.",
    es: "El campo «Nota» no puede estar vacío.",
  };
  /** The language the page at `path` is drawn in, and the one its socket's refusals speak, for one browser. */
  async function pageAndSocket(path: string, cookie: string, acceptLanguage: string) {
    const page = await visitorLocale(t.server.db.read, {
      path,
      cookies: parseCookieHeader(cookie),
      acceptLanguage,
      secret: testSecret,
    });
    const socket = await clients.connect({ eventId: event.id, cookie, headers: { "accept-language": acceptLanguage } });
    const refused = await sendRaw(socket, "note:create", {
      boardId: event.welcomeBoardId,
      column: event.welcomeColumn,
      text: "  ",
    });
    return { page, message: (refused as { error?: { message?: string } }).error?.message };
  }

  it("a console on a browser that never chose, its person having picked French on another device: French, page and refusals", async () => {
    const staff = await createAccount(t.server.db, "Second organiser");
    await addStaff(t.server.db, event.id, staff.accountId, "organiser");
    await t.server.db.transact((tx) => tx.update(accounts).set({ language: "fr" }).where(eq(accounts.id, staff.accountId)));
    const seen = await pageAndSocket(`/f/${event.slug}`, staffCookie(staff.sessionToken), "en-GB,en;q=0.9");
    expect(seen).toEqual({ page: "fr", message: emptyNote.fr });
  });

  it("a browser whose own choice is older than the person's latest: both speak the latest", async () => {
    const staff = await createAccount(t.server.db, "Third organiser");
    await addStaff(t.server.db, event.id, staff.accountId, "facilitator");
    await t.server.db.transact((tx) => tx.update(accounts).set({ language: "es" }).where(eq(accounts.id, staff.accountId)));
    const seen = await pageAndSocket(`/f/${event.slug}`, `${staffCookie(staff.sessionToken)}; mi_lang=pl`, "pl");
    expect(seen).toEqual({ page: "es", message: emptyNote.es });
  });

  it("a phone that never chose on this browser, its person joined in Polish: Polish, page and refusals", async () => {
    const id = await addParticipant(t.server.db, event.id, "Zofia");
    await t.server.db.transact((tx) => tx.update(participants).set({ language: "pl" }).where(eq(participants.id, id)));
    const seen = await pageAndSocket(`/p/${event.slug}`, participantCookie(event.id, id), "en-GB");
    expect(seen).toEqual({ page: "pl", message: emptyNote.pl });
  });

  it("a page where a pick is not kept with the person in the event (joining, a project's update) follows this browser's pick", async () => {
    const id = await addParticipant(t.server.db, event.id, "Ola");
    await t.server.db.transact((tx) => tx.update(participants).set({ language: "pl" }).where(eq(participants.id, id)));
    const cookies = parseCookieHeader(`${participantCookie(event.id, id)}; mi_lang=fr`);
    const at = (path: string) => visitorLocale(t.server.db.read, { path, cookies, acceptLanguage: "en-GB", secret: testSecret });
    expect(await at(`/j/${event.joinCode}`)).toBe("fr");
    // On the event's own pages, the language she chose there last.
    expect(await at(`/p/${event.slug}`)).toBe("pl");
  });

  it("nobody kept a language: the browser's own choice, else what it asks for, for both", async () => {
    const id = await addParticipant(t.server.db, event.id, "Jay");
    const chosen = await pageAndSocket(`/p/${event.slug}`, `${participantCookie(event.id, id)}; mi_lang=fr`, "es");
    expect(chosen).toEqual({ page: "fr", message: emptyNote.fr });
    const asked = await pageAndSocket(`/p/${event.slug}`, participantCookie(event.id, id), "es-ES,es;q=0.9");
    expect(asked).toEqual({ page: "es", message: emptyNote.es });
  });
});
