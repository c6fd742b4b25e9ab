import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { eventPhases, events } from "@/db/schema";
import { addBrief, addStaff, createEventFixture, dateEvent, db, signIn } from "../support/fixtures";

/**
 * Two organisers editing the same form at once, each on their own laptop. A save keeps what the
 * other saved meanwhile in fields it left alone; where both changed the same field, nothing is
 * saved until one of them has seen the other's words.
 */

async function organiserLaptops(browser: Browser) {
  const event = await createEventFixture();
  // Dated, as an event being edited is: both forms post the same dates.
  await dateEvent(event.id);
  const second = await addStaff(event.id, "organiser", "Second organiser");
  const open = async (accountId: string, javaScriptEnabled = true) => {
    const context = await browser.newContext({ javaScriptEnabled });
    await signIn(context, accountId);
    return context.newPage();
  };
  return { event, a: await open(event.organiser.id), b: await open(second.id), open: () => open(second.id, false) };
}

/** An agenda of one phase, as an organiser would have saved it. */
const addKickOff = async (eventId: string) =>
  (await db()).transact((tx) =>
    tx.insert(eventPhases).values({ id: randomUUID(), eventId, name: "Kick-off", startsAt: Date.UTC(2027, 2, 5, 18) }),
  );

const details = (page: Page) => page.getByRole("region", { name: "Details" });

/** Opens a page and waits for its live connection to hear the room (its first event on the socket). */
async function openLive(page: Page, path: string) {
  const heard = new Promise<void>((resolve) =>
    page.on("websocket", (ws) =>
      ws.on("framereceived", (frame) => {
        if (String(frame.payload).startsWith("42")) resolve();
      }),
    ),
  );
  await page.goto(path);
  await heard;
}

test("two organisers edit the event's details at once: neither loses the other's words", async ({ browser }) => {
  const { event, a, b } = await organiserLaptops(browser);
  await a.goto(`/o/${event.slug}/edit`);
  await openLive(b, `/o/${event.slug}/edit`);

  // B starts on the description; A changes the place. B's page follows A's save in the field B
  // has not touched, and keeps what B is typing.
  await details(b).getByLabel("Short description").fill("A weekend to make Brixton's parks better.");
  await details(a).getByLabel("Where").fill("Brixton Library, Brixton Oval");
  await details(a).getByRole("button", { name: "Save details" }).click();
  await expect(details(a).getByText("Saved. The public event page shows the new details.")).toBeVisible();
  await expect(details(b).getByLabel("Where")).toHaveValue("Brixton Library, Brixton Oval");
  await expect(details(b).getByLabel("Short description")).toHaveValue("A weekend to make Brixton's parks better.");
  await details(b).getByRole("button", { name: "Save details" }).click();
  await expect(details(b).getByText("Saved. The public event page shows the new details.")).toBeVisible();
  await expect(details(b).getByLabel("Where")).toHaveValue("Brixton Library, Brixton Oval");

  // A adds what to bring; B's untouched field follows, and B builds on A's words: no conflict.
  await details(a).getByLabel("What to bring").fill("Comfortable shoes");
  await details(a).getByRole("button", { name: "Save details" }).click();
  await expect(details(b).getByLabel("What to bring")).toHaveValue("Comfortable shoes");
  await details(b).getByLabel("What to bring").fill("Comfortable shoes and a water bottle");
  await details(b).getByRole("button", { name: "Save details" }).click();
  await expect(details(b).getByText("Saved. The public event page shows the new details.")).toBeVisible();
  await expect(details(a).getByLabel("What to bring")).toHaveValue("Comfortable shoes and a water bottle");

  // Both now rename the event, differently, B starting first. A saves first; B is told, and
  // nothing of B's is saved yet. (Had B's field followed A's name before B typed, B's name would
  // build on A's: no conflict, as above.)
  await details(b).getByLabel("Event name").fill("Brixton Parks Weekend");
  await details(b).getByLabel("Food").fill("Lunch from the market, both days.");
  await details(a).getByLabel("Event name").fill("Made in Brixton");
  await details(a).getByRole("button", { name: "Save details" }).click();
  await expect(details(a).getByText(/^Saved\./)).toBeVisible();
  await details(b).getByRole("button", { name: "Save details" }).click();
  await expect(details(b).getByText(/^Another organiser saved this form while you were editing it\./)).toBeVisible();
  await expect(
    details(b).getByText("Another organiser saved: “Made in Brixton”. Saving again replaces it with yours."),
  ).toBeVisible();
  await expect(details(b).getByLabel("Event name")).toHaveValue("Brixton Parks Weekend");
  await expect(details(b).getByLabel("Food")).toHaveValue("Lunch from the market, both days.");
  const stored = async () => (await (await db()).read.select().from(events).where(eq(events.id, event.id)))[0]!;
  expect((await stored()).name).toBe("Made in Brixton");
  expect((await stored()).food).toBe("");

  // B has seen A's name and keeps theirs: this time it saves.
  await details(b).getByRole("button", { name: "Save details" }).click();
  await expect(details(b).getByText("Saved. The public event page shows the new details.")).toBeVisible();
  expect(await stored()).toMatchObject({
    name: "Brixton Parks Weekend",
    place: "Brixton Library, Brixton Oval",
    description: "A weekend to make Brixton's parks better.",
    food: "Lunch from the market, both days.",
  });
  await a.context().close();
  await b.context().close();
});

/** The venue's Wi-Fi holds a save's answer until the organiser has done more: `release` lets it (and any later) through. */
async function holdAnswers(page: Page, path: string) {
  const held: (() => void)[] = [];
  let holding = true;
  await page.route(`**${path}`, async (route) => {
    if (holding && route.request().method() === "POST") {
      const response = await route.fetch();
      held.push(() => void route.fulfill({ response }));
      return;
    }
    await route.continue();
  });
  return {
    sent: () => expect.poll(() => held.length).toBe(1),
    release: () => {
      holding = false;
      for (const answer of held.splice(0)) answer();
    },
  };
}

test("words typed while a save is on its way stay in the form its answer draws, and save next time", async ({ browser }) => {
  const { event, b } = await organiserLaptops(browser);
  await b.goto(`/o/${event.slug}/edit`);
  const save = await holdAnswers(b, `/o/${event.slug}/edit`);
  await details(b).getByLabel("Where").fill("Brixton Library");
  await details(b).getByRole("button", { name: "Save details" }).click();
  await save.sent();
  await details(b).getByLabel("Food").fill("Lunch from the market");
  await details(b).getByLabel("Event name").fill("Brixton Parks Weekend");
  save.release();
  await expect(details(b).getByText("Saved. The public event page shows the new details.")).toBeVisible();
  await expect(details(b).getByLabel("Where")).toHaveValue("Brixton Library");
  await expect(details(b).getByLabel("Food")).toHaveValue("Lunch from the market");
  await expect(details(b).getByLabel("Event name")).toHaveValue("Brixton Parks Weekend");

  // Sent again: what was typed meanwhile is saved, as the person's own (no clash with their first save).
  await details(b).getByRole("button", { name: "Save details" }).click();
  const stored = async () => (await (await db()).read.select().from(events).where(eq(events.id, event.id)))[0]!;
  await expect.poll(async () => (await stored()).food).toBe("Lunch from the market");
  expect(await stored()).toMatchObject({ name: "Brixton Parks Weekend", place: "Brixton Library" });
  await expect(details(b).getByText(/^Another organiser saved/)).toHaveCount(0);
  await b.context().close();
});

test("phases added, moved and removed while the agenda's save is on its way stay, and save once each", async ({ browser }) => {
  const { event, b } = await organiserLaptops(browser);
  await addKickOff(event.id);
  await b.goto(`/o/${event.slug}/edit`);
  const save = await holdAnswers(b, `/o/${event.slug}/edit`);
  await b.getByRole("button", { name: "Add a phase" }).click();
  await b.getByLabel("Phase (phase 2)").fill("Explore day");
  await b.getByLabel("Starts (phase 2)").fill("2027-03-06T10:00");
  await b.getByRole("button", { name: "Save agenda" }).click();
  await save.sent();
  // Meanwhile: a third phase, typed into and moved above the second; the first renamed.
  await b.getByRole("button", { name: "Add a phase" }).click();
  await b.getByLabel("Phase (phase 3)").fill("Make day");
  await b.getByLabel("Starts (phase 3)").fill("2027-03-07T10:00");
  await b.getByRole("button", { name: "Move phase 3 up" }).click();
  await b.getByLabel("Phase (phase 1)").fill("Kick-off evening");
  save.release();
  await expect(b.getByText("Saved. The agenda has 2 phases.")).toBeVisible();
  await expect(b.getByLabel("Phase (phase 1)")).toHaveValue("Kick-off evening");
  await expect(b.getByLabel("Phase (phase 2)")).toHaveValue("Make day");
  await expect(b.getByLabel("Phase (phase 3)")).toHaveValue("Explore day");

  // Sent again: the phase the first save added is updated, not added twice, and no clash with their own save.
  await b.getByRole("button", { name: "Remove phase 2" }).click();
  await b.getByRole("button", { name: "Save agenda" }).click();
  const stored = async () =>
    (await (await db()).read.select().from(eventPhases).where(eq(eventPhases.eventId, event.id))).map((p) => p.name).sort();
  await expect.poll(stored).toEqual(["Explore day", "Kick-off evening"]);
  await expect(b.getByText("Saved. The agenda has 2 phases.")).toBeVisible();
  await b.getByRole("button", { name: "Add a phase" }).click();
  await b.getByLabel("Phase (phase 3)").fill("Make day");
  await b.getByLabel("Starts (phase 3)").fill("2027-03-07T10:00");
  await b.getByRole("button", { name: "Save agenda" }).click();
  await expect(b.getByText("Saved. The agenda has 3 phases.")).toBeVisible();
  expect(await stored()).toEqual(["Explore day", "Kick-off evening", "Make day"]);
  await b.context().close();
});

test("a language ticked while the languages' save is on its way stays ticked, and saves next time", async ({ browser }) => {
  const { event, b } = await organiserLaptops(browser);
  await b.goto(`/o/${event.slug}/edit`);
  const languages = b.getByRole("region", { name: "Languages" });
  const save = await holdAnswers(b, `/o/${event.slug}/edit`);
  await languages.getByRole("checkbox", { name: "Español" }).check();
  await languages.getByRole("button", { name: "Save languages" }).click();
  await save.sent();
  await languages.getByRole("checkbox", { name: "Polski" }).check();
  save.release();
  await expect(languages.getByText("Saved. The big screen speaks the event's language from now on.")).toBeVisible();
  await expect(languages.getByRole("checkbox", { name: "Polski" })).toBeChecked();
  await expect(languages.getByRole("checkbox", { name: "Español" })).toBeChecked();
  await languages.getByRole("button", { name: "Save languages" }).click();
  const stored = async () => (await (await db()).read.select().from(events).where(eq(events.id, event.id)))[0]!.joinLanguages;
  await expect.poll(stored).toEqual(["es", "pl"]);
  await expect(languages.getByText(/^Another organiser saved/)).toHaveCount(0);
  await b.context().close();
});

test("two parts of the editor saved one after the other, each answered in its own part, and what is typed meanwhile in either stays", async ({
  browser,
}) => {
  const { event, b } = await organiserLaptops(browser);
  await b.goto(`/o/${event.slug}/edit`);
  const languages = b.getByRole("region", { name: "Languages" });
  const save = await holdAnswers(b, `/o/${event.slug}/edit`);
  await details(b).getByLabel("Where").fill("Brixton Library");
  await details(b).getByRole("button", { name: "Save details" }).click();
  await save.sent();
  // The page is one form (without JavaScript, nothing typed in one part is lost to another's save);
  // with it, each part is sent and answered on its own, as when each was a form of its own.
  await languages.getByRole("checkbox", { name: "Polski" }).check();
  await languages.getByRole("button", { name: "Save languages" }).click();
  await details(b).getByLabel("Food").fill("Lunch from the market");
  await languages.getByRole("checkbox", { name: "Español" }).check();
  save.release();
  await expect(details(b).getByText("Saved. The public event page shows the new details.")).toBeVisible();
  await expect(languages.getByText("Saved. The big screen speaks the event's language from now on.")).toBeVisible();
  await expect(details(b).getByLabel("Food")).toHaveValue("Lunch from the market");
  await expect(languages.getByRole("checkbox", { name: "Español" })).toBeChecked();
  await expect(languages.getByRole("checkbox", { name: "Polski" })).toBeChecked();
  const stored = async () => (await (await db()).read.select().from(events).where(eq(events.id, event.id)))[0]!;
  expect(await stored()).toMatchObject({ place: "Brixton Library", food: "", joinLanguages: ["pl"] });

  // Each saved again: what was typed meanwhile is saved, with no clash with the person's own saves.
  await details(b).getByRole("button", { name: "Save details" }).click();
  await languages.getByRole("button", { name: "Save languages" }).click();
  await expect.poll(async () => (await stored()).food).toBe("Lunch from the market");
  await expect.poll(async () => (await stored()).joinLanguages).toEqual(["es", "pl"]);
  await expect(b.getByText(/^Another organiser saved/)).toHaveCount(0);
  await b.context().close();
});

test("two organisers edit one brief: a pack list one of them changed, and a field both changed", async ({ browser }) => {
  const { event, a, b } = await organiserLaptops(browser);
  const briefId = await addBrief(event.id, { title: "Love Your Space", problem: "Parks feel unsafe after dark." });
  await a.goto(`/o/${event.slug}/briefs/${briefId}`);
  await openLive(b, `/o/${event.slug}/briefs/${briefId}`);

  // B starts a data link; A adds a contact. B's contacts, untouched, follow A's save; B's
  // data link is kept as typed, and a list B then changes is merged on what it showed.
  await b.getByRole("button", { name: "Add a data link" }).click();
  await b.getByLabel("Title (data link 1)").fill("Park usage counts");
  await a.getByRole("button", { name: "Add a contact" }).click();
  await a.getByLabel("Role (contact 1)").fill("Parks team");
  await a.getByLabel("How to reach them (contact 1)").fill("In the room all weekend");
  await a.getByRole("button", { name: "Save brief" }).click();
  await expect(a.getByText("Saved.", { exact: true })).toBeVisible();
  await expect(b.getByLabel("Role (contact 1)")).toHaveValue("Parks team");
  await expect(b.getByLabel("Title (data link 1)")).toHaveValue("Park usage counts");
  await b.getByLabel("Web address (data link 1)").fill("https://data.example.org/parks");
  await b.getByLabel("How to reach them (contact 1)").fill("In the room all weekend; parks@lambeth.example");
  await b.getByRole("button", { name: "Save brief" }).click();
  await expect(b.getByText("Saved.", { exact: true })).toBeVisible();

  // Both rewrite the problem. A saves first; B is shown A's words, and B's are all still there.
  await b.getByLabel("The problem").fill("Nobody uses the parks after 4pm in winter.");
  await a.getByLabel("The problem").fill("Parks feel unsafe after dark, and nobody knows who to tell.");
  await a.getByRole("button", { name: "Save brief" }).click();
  await expect(a.getByText("Saved.", { exact: true })).toBeVisible();
  await b.getByRole("button", { name: "Save brief" }).click();
  await expect(b.getByText(/^Another organiser saved this form while you were editing it\./)).toBeVisible();
  await expect(
    b.getByText(/^Another organiser saved: “Parks feel unsafe after dark, and nobody knows who to tell\.”/),
  ).toBeVisible();
  await expect(b.getByLabel("The problem")).toHaveValue("Nobody uses the parks after 4pm in winter.");
  await expect(b.getByLabel("The problem")).toBeFocused();

  await b.getByRole("button", { name: "Save brief" }).click();
  await expect(b.getByText("Saved.", { exact: true })).toBeVisible();
  await a.reload();
  await expect(a.getByLabel("The problem")).toHaveValue("Nobody uses the parks after 4pm in winter.");
  await expect(a.getByLabel("Title (data link 1)")).toHaveValue("Park usage counts");
  await expect(a.getByLabel("How to reach them (contact 1)")).toHaveValue("In the room all weekend; parks@lambeth.example");
  await a.context().close();
  await b.context().close();
});

test("two organisers change the privacy settings at once: a period one chose is kept, a contact both typed is not overwritten", async ({
  browser,
}) => {
  const { event, a, b } = await organiserLaptops(browser);
  for (const page of [a, b]) await page.goto(`/o/${event.slug}/edit`);
  const privacy = (page: Page) => page.getByRole("region", { name: "Privacy" });

  await privacy(b).getByLabel("How people reach them about their data").fill("dpo@lambeth.example");
  await privacy(a).getByLabel("Keep people's details for").selectOption({ label: "2 years" });
  await privacy(a).getByLabel("How people reach them about their data").fill("privacy@lambeth.example");
  await privacy(a).getByRole("button", { name: "Save privacy settings" }).click();
  await expect(privacy(a).getByText(/^Saved\./)).toBeVisible();
  // B's open page follows the period A chose, which B never touched.
  await expect(privacy(b).getByLabel("Keep people's details for")).toHaveValue("24");

  await privacy(b).getByRole("button", { name: "Save privacy settings" }).click();
  await expect(
    privacy(b).getByText("Another organiser saved: “privacy@lambeth.example”. Saving again replaces it with yours."),
  ).toBeVisible();
  await expect(privacy(b).getByLabel("How people reach them about their data")).toHaveValue("dpo@lambeth.example");
  // The period A chose, which B never touched, is what B's form would now send.
  await expect(privacy(b).getByLabel("Keep people's details for")).toHaveValue("24");
  await privacy(b).getByRole("button", { name: "Save privacy settings" }).click();
  await expect(privacy(b).getByText("Saved. The privacy notice people see when they join says this now.")).toBeVisible();
  const [row] = await (await db()).read.select().from(events).where(eq(events.id, event.id));
  expect(row).toMatchObject({ privacyContact: "dpo@lambeth.example", retentionMonths: 24 });
  await a.context().close();
  await b.context().close();
});

test("an open agenda follows another organiser's save until it is edited, and an edit on top of it saves", async ({
  browser,
}) => {
  const { event, a, b } = await organiserLaptops(browser);
  await addKickOff(event.id);
  await a.goto(`/o/${event.slug}/edit`);
  await openLive(b, `/o/${event.slug}/edit`);

  await a.getByLabel("Phase (phase 1)").fill("Kick-off evening");
  await a.getByRole("button", { name: "Save agenda" }).click();
  await expect(a.getByText("Saved. The agenda has 1 phase.")).toBeVisible();
  await expect(b.getByLabel("Phase (phase 1)")).toHaveValue("Kick-off evening");

  await b.getByLabel("Phase (phase 1)").fill("Kick-off evening and dinner");
  await b.getByRole("button", { name: "Save agenda" }).click();
  await expect(b.getByText("Saved. The agenda has 1 phase.")).toBeVisible();
  await expect(a.getByLabel("Phase (phase 1)")).toHaveValue("Kick-off evening and dinner");
  await a.context().close();
  await b.context().close();
});

test("without JavaScript, an agenda another organiser changed meanwhile is not overwritten, and the phase typed is kept", async ({
  browser,
}) => {
  const { event, a, open } = await organiserLaptops(browser);
  await addKickOff(event.id);
  const b = await open();
  await b.goto(`/o/${event.slug}/edit`);
  await a.goto(`/o/${event.slug}/edit`);

  await a.getByLabel("Phase (phase 1)").fill("Kick-off evening");
  await a.getByRole("button", { name: "Save agenda" }).click();
  await expect(a.getByText("Saved. The agenda has 1 phase.")).toBeVisible();

  // B's page runs no script: its form is the one drawn before A's save.
  await b.getByLabel("Phase (phase 1)").fill("Opening night");
  await b.getByRole("button", { name: "Save agenda" }).click();
  await expect(
    b.getByText(
      /^Another organiser changed the agenda while you were editing it\. Nothing was saved yet\. Their agenda: Kick-off evening \(/,
    ),
  ).toBeVisible();
  await expect(b.getByLabel("Phase (phase 1)")).toHaveValue("Opening night");
  const names = async () =>
    (await (await db()).read.select().from(eventPhases).where(eq(eventPhases.eventId, event.id))).map((p) => p.name);
  expect(await names()).toEqual(["Kick-off evening"]);

  await b.getByRole("button", { name: "Save agenda" }).click();
  await expect(b.getByText("Saved. The agenda has 1 phase.")).toBeVisible();
  expect(await names()).toEqual(["Opening night"]);
  await a.reload();
  await expect(a.getByLabel("Phase (phase 1)")).toHaveValue("Opening night");
  await a.context().close();
  await b.context().close();
});

test("without JavaScript, a field to fix does not make the next save overwrite what another organiser saved meanwhile", async ({
  browser,
}) => {
  const { event, a, open } = await organiserLaptops(browser);
  const b = await open();
  await b.goto(`/o/${event.slug}/edit`);
  await a.goto(`/o/${event.slug}/edit`);

  // A moves the event; B's page, drawn before and running no script, still shows the old place.
  await details(a).getByLabel("Where").fill("Brixton Library");
  await details(a).getByRole("button", { name: "Save details" }).click();
  await expect(details(a).getByText("Saved. The public event page shows the new details.")).toBeVisible();

  // B describes the event but empties its name by mistake: refused, the page drawn again.
  await details(b).getByLabel("Short description").fill("A weekend to make the parks better.");
  await details(b).getByLabel("Event name").fill("");
  await details(b).getByRole("button", { name: "Save details" }).click();
  await expect(details(b).getByText("Nothing was saved yet: check the fields marked below.")).toBeVisible();
  // B names it again and saves: A's place stays, B's words are saved.
  await details(b).getByLabel("Event name").fill("Made in Brixton");
  await details(b).getByRole("button", { name: "Save details" }).click();
  await expect(details(b).getByText(/^Saved\. The public event page shows the new details\./)).toBeVisible();
  const [row] = await (await db()).read.select().from(events).where(eq(events.id, event.id));
  expect(row).toMatchObject({
    place: "Brixton Library",
    name: "Made in Brixton",
    description: "A weekend to make the parks better.",
  });
  await a.context().close();
  await b.context().close();
});

test("two organisers change the event's languages at once: each keeps the other's choice, and a clash is told", async ({
  browser,
}) => {
  const { event, a, b } = await organiserLaptops(browser);
  await a.goto(`/o/${event.slug}/edit`);
  await b.goto(`/o/${event.slug}/edit`);
  const languages = (page: Page) => page.getByRole("region", { name: "Languages" });
  const stored = async () => {
    const [row] = await (await db()).read.select().from(events).where(eq(events.id, event.id));
    return { language: row?.language, joinLanguages: row?.joinLanguages };
  };

  // B picks the main language; A adds Spanish to the join panel and saves first.
  await languages(b).getByLabel("The event's language").selectOption("fr");
  await languages(a).getByRole("checkbox", { name: "Español" }).check();
  await languages(a).getByRole("button", { name: "Save languages" }).click();
  await expect(languages(a).getByText("Saved. The big screen speaks the event's language from now on.")).toBeVisible();
  // B's open form follows A's save where B has not touched it, and keeps B's own choice.
  await expect(languages(b).getByRole("checkbox", { name: "Español" })).toBeChecked();
  await expect(languages(b).getByLabel("The event's language")).toHaveValue("fr");
  await languages(b).getByRole("button", { name: "Save languages" }).click();
  await expect(languages(b).getByText(/^Saved\. The big screen speaks the event's language from now on\./)).toBeVisible();
  expect(await stored()).toEqual({ language: "fr", joinLanguages: ["es"] });

  // Both change the main language: B is told which A chose, and nothing of B's is saved yet.
  await b.reload();
  await languages(b).getByLabel("The event's language").selectOption("pl");
  await a.reload();
  await languages(a).getByLabel("The event's language").selectOption("es");
  await languages(a).getByRole("button", { name: "Save languages" }).click();
  await expect(languages(a).getByText("Saved. The big screen speaks the event's language from now on.")).toBeVisible();
  await languages(b).getByRole("button", { name: "Save languages" }).click();
  await expect(languages(b).getByText("Another organiser saved: “Español”. Saving again replaces it with yours.")).toBeVisible();
  expect((await stored()).language).toBe("es");
  await languages(b).getByRole("button", { name: "Save languages" }).click();
  await expect(languages(b).getByText(/^Saved\./)).toBeVisible();
  expect((await stored()).language).toBe("pl");
  await a.context().close();
  await b.context().close();
});
