/**
 * "Forget my address" (leaving, withdrawing consent, giving another address) on a migrated
 * database: the record of what the event emailed goes for exactly the spellings normaliseEmail
 * calls one mailbox (lib/text/email-address.ts), and stays for those a mail server keeps apart.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participants, sentEmails } from "@/db/schema";
import { eraseParticipant } from "@/lib/participants/erase-participant";
import { withdrawContactConsent } from "@/lib/participants/withdraw-consent";
import { addParticipant, createAccount, createTestEvent, emailedRow, openTempDatabase } from "./support/fixtures";

let t: Awaited<ReturnType<typeof openTempDatabase>>;
beforeAll(async () => {
  t = await openTempDatabase();
});
afterAll(() => t?.cleanup());

/** An event whose emails went to these spellings, and a person in it who gives `contact`. */
async function emailedTo(contact: string, recipients: string[]) {
  const organiser = await createAccount(t.db);
  const event = await createTestEvent(t.db, organiser.accountId);
  const personId = await addParticipant(t.db, event.id, "Jo Bloggs");
  await givesAddress(personId, contact);
  await t.db.transact((tx) => tx.insert(sentEmails).values(recipients.map((r) => emailedRow(event.id, r))));
  const kept = async () =>
    (await t.db.read.select().from(sentEmails).where(eq(sentEmails.eventId, event.id))).map((r) => r.recipient).sort();
  return { eventId: event.id, personId, kept };
}

const givesAddress = (participantId: string, contact: string) =>
  t.db.transact((tx) => tx.update(participants).set({ contactConsent: true, contact }).where(eq(participants.id, participantId)));

const sameMailbox = [
  "jo.bloggs@council.example",
  "Jo.Bloggs@Council.Example",
  " JO.BLOGGS@COUNCIL.EXAMPLE\t",
  "jo.bloggs＠council.example",
  "jo.bloggs@ｃｏｕｎｃｉｌ．example",
];
// A mail server delivers each of these somewhere else: perhaps to someone else.
const otherMailboxes = [
  "jobloggs@council.example",
  "jo.bloggs+weekend@council.example",
  "ｊｏ.bloggs@council.example",
  "jo.bloggs@council.example.org",
];

describe("someone's address forgotten", () => {
  it("when they leave, takes every spelling of their mailbox with it and no other mailbox", async () => {
    const w = await emailedTo("Jo.Bloggs@council.example ", [...sameMailbox, ...otherMailboxes]);
    await t.db.transact((tx) =>
      eraseParticipant(tx, { eventId: w.eventId, participantId: w.personId, deleteNotes: false, now: Date.now() }),
    );
    expect(await w.kept()).toEqual([...otherMailboxes].sort());
  });

  it("matches accented letters in either case and either Unicode form, as normaliseEmail does", async () => {
    // Typed with a combining accent (as macOS sends it); emailed precomposed and capitalised.
    const w = await emailedTo("e\u0301mile@council.example", ["\u00c9MILE@council.example", "emile@council.example"]);
    await t.db.transact((tx) => withdrawContactConsent(tx, w.personId));
    expect(await w.kept()).toEqual(["emile@council.example"]);
  });

  it("keeps the record while someone else in the event gives the same mailbox, however they typed it", async () => {
    const w = await emailedTo("parent@example.test", ["parent@example.test", "PARENT@example.test"]);
    const sibling = await addParticipant(t.db, w.eventId, "Sister", "under_16");
    await givesAddress(sibling, " Parent＠EXAMPLE.test");
    await t.db.transact((tx) => withdrawContactConsent(tx, w.personId));
    expect(await w.kept()).toEqual(["PARENT@example.test", "parent@example.test"]);
  });

  it("does not keep it for someone who gives only a look-alike mailbox", async () => {
    const w = await emailedTo("parent@example.test", ["parent@example.test"]);
    const sibling = await addParticipant(t.db, w.eventId, "Sister", "under_16");
    await givesAddress(sibling, "parent+kids@example.test");
    await t.db.transact((tx) => withdrawContactConsent(tx, w.personId));
    expect(await w.kept()).toEqual([]);
  });
});
