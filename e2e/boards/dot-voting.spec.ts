import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { addBoardFixture, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";

/** An event with a board "Park ideas", and two people who joined it, each with the board open on their phone. */
async function twoPhonesOnABoard(browser: Browser, names: [string, string]) {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Park ideas", template: "ideas" });
  const phones = await Promise.all(
    names.map(async (name) => {
      const context = await browser.newContext(phone);
      await joinAs(context, event.id, name);
      const page = await context.newPage();
      await page.goto(`/p/${event.slug}/b/${board.id}`);
      return { context, page };
    }),
  );
  const pages = phones.map((p) => p.page) as [Page, Page];
  return { event, board, phones, pages };
}

test("a hidden-tally vote: phones vote, the screen counts voters only, the reveal ranks and the shortlist moves on", async ({
  browser,
}) => {
  // Three browsers and a whole vote: on a busy 2-core machine this takes over a minute.
  test.setTimeout(240_000);
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Park ideas", template: "ideas" });
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const desk = await laptop.newPage();
  await desk.goto(`/f/${event.slug}/b/${board.id}`);
  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}/b/${board.id}`);

  const phoneA = await browser.newContext(phone);
  const phoneB = await browser.newContext(phone);
  await joinAs(phoneA, event.id, "Amira");
  await joinAs(phoneB, event.id, "Ben");
  const a = await phoneA.newPage();
  const b = await phoneB.newPage();
  await a.goto(`/p/${event.slug}/b/${board.id}`);
  await b.goto(`/p/${event.slug}/b/${board.id}`);
  for (const text of ["Open the café earlier", "More benches by the pond", "A community noticeboard"]) {
    await a.getByLabel("Your note").fill(text);
    await a.getByRole("button", { name: /^Add note/ }).click();
    await expect(b.getByTestId("note").filter({ hasText: text })).toBeVisible();
  }

  // The facilitator opens a round: 2 dots each, 1 per note, tallies hidden, shortlist of 1.
  await desk.getByLabel("Dots each").fill("2");
  await desk.getByLabel("Most on one note").fill("1");
  await desk.getByLabel("Shortlist size").fill("1");
  await desk.getByLabel(/^Minutes/).fill("10");
  // Ben reads at 200 % text: the pinned banner must leave him room for the notes.
  await b.addStyleTag({ content: "html { font-size: 200% !important; }" });
  await desk.getByRole("button", { name: "Start voting" }).click();
  await expect(a.getByTestId("vote-banner")).toContainText(/Voting is open: 2 dots left.*closes in \d+:\d\d/);
  const banner = await b.getByTestId("vote-banner").boundingBox();
  const viewport = b.viewportSize();
  if (!banner || !viewport) throw new Error("no banner");
  // Before the now card it covered 45 % of the screen at 200 % text.
  expect(banner.height / viewport.height).toBeLessThan(0.25);
  await b.screenshot({ path: "e2e/.artifacts/screenshots/vote-banner-200pct-390x844.png" });
  await b.addStyleTag({ content: "html { font-size: 100% !important; }" });
  await expect(screen.getByTestId("screen-vote")).toContainText("Vote now on your phone");
  await expectAccessible(a);

  await a.getByRole("button", { name: "Add a dot to: More benches by the pond" }).click();
  await a.getByRole("button", { name: "Add a dot to: Open the café earlier" }).click();
  await expect(a.getByTestId("dots-left")).toHaveText("0 dots");
  await expect(a.getByRole("button", { name: "Add a dot to: A community noticeboard" })).toBeDisabled();
  // Changing your mind: take a dot back and place it elsewhere.
  await a.getByRole("button", { name: "Take a dot back from: Open the café earlier" }).click();
  await expect(a.getByTestId("dots-left")).toHaveText("1 dot");
  await a.getByRole("button", { name: "Add a dot to: A community noticeboard" }).click();
  await b.getByRole("button", { name: "Add a dot to: More benches by the pond" }).click();

  await expect(screen.getByTestId("screen-voted")).toHaveText("2 people voted · 3 dots");
  await expect(screen.getByTestId("tally")).toHaveCount(0);
  await expect(a.getByTestId("tally")).toHaveCount(0);
  await expectAccessible(screen);

  await desk.getByRole("button", { name: "Close voting" }).click();
  await expect(a.getByTestId("vote-banner")).toContainText("Voting has closed");
  await desk.getByRole("button", { name: "Reveal the results" }).click();

  const ranking = screen.getByTestId("vote-ranking");
  await expect(ranking.getByRole("listitem").first()).toContainText("More benches by the pond");
  await expect(ranking.getByRole("listitem").first()).toContainText("2 dots");
  await expect(screen.getByTestId("shortlisted")).toHaveCount(1);
  await expect(a.getByTestId("note").filter({ hasText: "More benches by the pond" }).getByTestId("tally")).toHaveText(/2 dots/);

  await desk.getByLabel("New board for the shortlist").fill("Our shortlist");
  await desk.getByRole("button", { name: "Carry the shortlist into a new board" }).click();
  await desk.getByRole("link", { name: "Open the shortlist board" }).click();
  await expect(desk.getByRole("heading", { name: "Our shortlist", exact: true })).toBeVisible();
  await expect(desk.getByTestId("wall-note")).toHaveCount(1);
  await expect(desk.getByTestId("wall-note")).toContainText("More benches by the pond");
  await expect(desk.getByTestId("wall-note")).toContainText("From Park ideas");

  await Promise.all([phoneA.close(), phoneB.close(), laptop.close()]);
});

test("dots on notes a facilitator deletes while the vote is open go back to the voters' phones, live", async ({ browser }) => {
  // A console and two phones: on a busy 2-core machine this takes over a minute.
  test.setTimeout(150_000);
  const { event, board, phones, pages } = await twoPhonesOnABoard(browser, ["Flooder Fred", "Ben"]);
  const [fred, ben] = pages;
  for (const [page, text] of [
    [fred, "Buy my raffle tickets"],
    [ben, "More benches by the pond"],
  ] as const) {
    await page.getByLabel("Your note").fill(text);
    await page.getByRole("button", { name: /^Add note/ }).click();
    await expect(fred.getByTestId("note").filter({ hasText: text })).toBeVisible();
    await expect(ben.getByTestId("note").filter({ hasText: text })).toBeVisible();
  }
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const staff = await commandSocket(event.id, event.organiser.id);
  try {
    await staff.command("vote:open", {
      boardId: board.id,
      dotsPerPerson: 2,
      maxPerTarget: 2,
      targets: "notes",
      talliesLive: true,
    });
    await ben.getByRole("button", { name: "Add a dot to: Buy my raffle tickets" }).click();
    await ben.getByRole("button", { name: "Add a dot to: Buy my raffle tickets" }).click();
    await expect(ben.getByTestId("dots-left")).toHaveText("0 dots");
    await expect(ben.getByRole("button", { name: "Add a dot to: More benches by the pond" })).toBeDisabled();

    // The facilitator clears Fred's notes: Ben's two dots are his to spend again.
    await signIn(laptop, event.organiser.id);
    const console_ = await laptop.newPage();
    await console_.goto(`/f/${event.slug}`);
    const row = console_.getByTestId("people-moderation").getByRole("listitem").filter({ hasText: "Flooder Fred" });
    await row.getByRole("button", { name: "Delete notes… by Flooder Fred" }).click();
    await row.getByRole("button", { name: "Yes, delete them" }).click();
    await expect(ben.getByTestId("note").filter({ hasText: "Buy my raffle tickets" })).toHaveCount(0);
    await expect(ben.getByTestId("dots-left")).toHaveText("2 dots");
    await ben.getByRole("button", { name: "Add a dot to: More benches by the pond" }).click();
    await expect(ben.getByTestId("dots-left")).toHaveText("1 dot");
    await expect(fred.getByTestId("note").filter({ hasText: "More benches by the pond" }).getByTestId("tally")).toHaveText(
      /1 dot/,
    );
  } finally {
    staff.close();
    await laptop.close();
    for (const p of phones) await p.context.close();
  }
});

test("a note deleted by mistake while the room votes on groups comes back with its group's dots when undone: the voters' phones show them", async ({
  browser,
}) => {
  const { event, board, phones, pages } = await twoPhonesOnABoard(browser, ["Amira", "Ben"]);
  const [amira, ben] = pages;
  const laptop = await browser.newContext(projector);
  for (const text of ["A water fountain", "A drinking tap by the swings", "More benches by the pond"]) {
    await amira.getByLabel("Your note").fill(text);
    await amira.getByRole("button", { name: /^Add note/ }).click();
    await expect(ben.getByTestId("note").filter({ hasText: text })).toBeVisible();
  }
  const staff = await commandSocket(event.id, event.organiser.id);
  try {
    // The facilitator groups the two water ideas and opens a vote on groups.
    const { notes } = (await staff.command("board:open", { boardId: board.id })) as { notes: { id: string; text: string }[] };
    const id = (text: string) => notes.find((n) => n.text === text)?.id ?? "";
    await staff.command("note:group", { noteId: id("A drinking tap by the swings"), withNoteId: id("A water fountain") });
    const { round } = (await staff.command("vote:open", {
      boardId: board.id,
      dotsPerPerson: 3,
      maxPerTarget: 2,
      targets: "groups",
      talliesLive: true,
    })) as { round: { id: string } };
    await signIn(laptop, event.organiser.id);
    const screen = await laptop.newPage();
    await screen.goto(`/s/${event.slug}/b/${board.id}`);
    const water = ben.getByTestId("vote-group");
    // The phone's cue says what takes dots in this vote; the untitled group is called after its
    // first note, and says what it holds.
    await expect(ben.getByText("Tap + on the groups you like most (up to 2 dots on one).")).toBeVisible();
    await expect(water.getByTestId("group-notes").getByRole("listitem")).toHaveText([
      "A water fountain",
      "A drinking tap by the swings",
    ]);
    await expect(ben.getByTestId("note").filter({ hasText: "A drinking tap" })).toContainText("Group with “A water fountain”");
    await water.getByRole("button", { name: "Add a dot to: Group with “A water fountain”" }).click();
    await water.getByRole("button", { name: "Add a dot to: Group with “A water fountain”" }).click();
    await expect(ben.getByTestId("dots-left")).toHaveText("1 dot");

    // Amira deletes one of the two: a group of one is no group, and Ben's dots are his again.
    await amira.getByRole("button", { name: "Delete note: A drinking tap by the swings" }).click();
    await expect(ben.getByTestId("vote-group")).toHaveCount(0);
    await expect(ben.getByTestId("dots-left")).toHaveText("3 dots");
    await amira.getByTestId("note-deleted").getByRole("button", { name: /^Undo/ }).click();

    // Undone: the group is back with Ben's two dots on it, on his phone without a reload.
    await expect(water.getByTestId("my-dots")).toHaveText("2");
    await expect(ben.getByTestId("dots-left")).toHaveText("1 dot");
    await expect(water.getByRole("button", { name: "Add a dot to: Group with “A water fountain”" })).toBeDisabled();
    await expect(amira.getByTestId("dots-left")).toHaveText("3 dots");
    // The room's count is the group's (a vote on groups puts no count on single notes), on the phones and the big screen.
    await expect(amira.getByTestId("vote-group").getByTestId("tally")).toHaveText(/2 dots/);
    await expect(amira.getByTestId("note").getByTestId("tally")).toHaveCount(0);
    await expect(screen.getByTestId("tally")).toHaveText([/2 dots/]);
    await ben.screenshot({ path: "e2e/.artifacts/screenshots/vote-undo-390x844.png" });
    // Still his to move: taken back, it can be spent again.
    await water.getByRole("button", { name: "Take a dot back from: Group with “A water fountain”" }).click();
    await expect(ben.getByTestId("dots-left")).toHaveText("2 dots");
    await ben.reload();
    await expect(ben.getByTestId("vote-group").getByTestId("my-dots")).toHaveText("1");

    // A second round, on single notes: the console's list of earlier rounds says what the first was on.
    const desk = await laptop.newPage();
    await desk.goto(`/f/${event.slug}/b/${board.id}`);
    await staff.command("vote:close", { roundId: round.id });
    await staff.command("vote:open", {
      boardId: board.id,
      dotsPerPerson: 2,
      maxPerTarget: 1,
      targets: "notes",
      talliesLive: true,
    });
    await desk.getByText("Earlier rounds on this board (1)").click();
    await expect(desk.getByText(/: 3 dots each on groups, closed$/)).toBeVisible();
  } finally {
    staff.close();
    await laptop.close();
    for (const p of phones) await p.context.close();
  }
});
