import { expect, test } from "@playwright/test";
import { createTeamFixture } from "../briefs/fixtures";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { addBoardFixture, addBrief, addStaff, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

test("the review follows the room while it is open: a rename, a reframe and someone leaving", async ({ browser }) => {
  const event = await createEventFixture();
  const briefId = await addBrief(event.id, { title: "Love Your Space", problem: "Small parks are under-used." });
  const desk = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const phoneContext = await browser.newContext(phone);
  const mateContext = await browser.newContext(phone);
  try {
    await signIn(desk, event.organiser.id);
    const dan = await joinAs(phoneContext, event.id, "Dan Rivers");
    const eve = await joinAs(mateContext, event.id, "Eve Stone");
    await createTeamFixture({
      eventId: event.id,
      briefId,
      name: "Park Rangers",
      participantIds: [dan.participantId, eve.participantId],
    });

    const review = await desk.newPage();
    await review.goto(`/o/${event.slug}/review`);
    const team = review.getByRole("article", { name: "Team: Park Rangers" });
    await expect(team.getByText("Dan Rivers", { exact: true })).toBeVisible();
    await expect(review.getByText("2 people joined; 2 stayed to the end.")).toBeVisible();

    // Dan renames himself on his phone: the open review says the new name, without a reload.
    const me = await phoneContext.newPage();
    await me.goto(`/p/${event.slug}/me`);
    await me.getByLabel("Your name").fill("Daniel Rivers");
    await me.getByRole("button", { name: "Save changes" }).click();
    await expect(me.getByText("Saved.")).toBeVisible();
    await expect(team.getByText("Daniel Rivers", { exact: true })).toBeVisible();
    await expect(team.getByText("Dan Rivers", { exact: true })).toHaveCount(0);

    // Eve reframes the team's brief: the review shows it too.
    const brief = await mateContext.newPage();
    await brief.goto(`/p/${event.slug}/brief/${briefId}`);
    await brief.getByLabel("The problem as your team now sees it").fill("Nobody has told people the parks are theirs.");
    await brief.getByRole("button", { name: "Save our reframed problem" }).click();
    await expect(brief.getByText("Saved. Your reframed problem is now shown next to the original.")).toBeVisible();
    await expect(team.getByText("Nobody has told people the parks are theirs.")).toBeVisible();

    // Dan leaves: he is gone from his team's members, and the attendance counts it.
    await me.getByRole("button", { name: "Leave the event…" }).click();
    await me.getByRole("button", { name: "Yes, leave the event" }).click();
    await expect(me).toHaveURL(/\/j\?left=1$/);
    await expect(team.getByText("Daniel Rivers")).toHaveCount(0);
    await expect(team.getByText("Eve Stone", { exact: true })).toBeVisible();
    await expect(review.getByText("2 people joined; 1 stayed to the end.")).toBeVisible();
    await expectAccessible(review);
  } finally {
    await desk.close();
    await phoneContext.close();
    await mateContext.close();
  }
});

test("the review follows what the room makes too: a note, a showcase, the running of the room; a busy room redraws it a few times, not once per note", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const event = await createEventFixture();
  const briefId = await addBrief(event.id, { title: "Love Your Space", problem: "Small parks are under-used." });
  const desk = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const phoneContext = await browser.newContext(phone);
  const facilitator = await addStaff(event.id, "facilitator", "Sam");
  const staff = await commandSocket(event.id, facilitator.id);
  try {
    await signIn(desk, event.organiser.id);
    const dan = await joinAs(phoneContext, event.id, "Dan Rivers");
    const teamId = await createTeamFixture({
      eventId: event.id,
      briefId,
      name: "Park Rangers",
      participantIds: [dan.participantId],
    });
    const board = await addBoardFixture(event.id, { title: "Park ideas", template: "ideas", teamId });

    const review = await desk.newPage();
    await review.goto(`/o/${event.slug}/review`);
    const team = review.getByRole("article", { name: "Team: Park Rangers" });
    await expect(team.getByText("Park ideas")).toBeVisible();
    await expect(review.getByText("Nobody has run the room from the console yet.")).toBeVisible();

    // Dan writes on his team's board: the open review shows his note.
    const phonePage = await phoneContext.newPage();
    await phonePage.goto(`/p/${event.slug}/b/${board.id}`);
    await phonePage.getByLabel("Your note").fill("Benches by the pond");
    await phonePage.getByRole("button", { name: /Add note/ }).click();
    await expect(team.getByText("Benches by the pond")).toBeVisible();

    // His team's showcase, written on his phone.
    await phonePage.goto(`/p/${event.slug}/showcase`);
    await phonePage.getByLabel("Title").fill("Pocket parks map");
    await expect(phonePage.getByTestId("showcase-status")).toHaveText("All changes saved");
    await expect(team.getByTestId("review-showcase")).toContainText("Pocket parks map");

    // The facilitator runs the room: the log of how it was run grows.
    await staff.command("timer:start", { minutes: 5 });
    await expect(review.getByTestId("review-activity-entry").filter({ hasText: "started the timer (5:00)" })).toHaveCount(1);

    // A busy room: twenty notes as fast as they come. The review ends up with every one of them,
    // drawn again a handful of times (at most once every 5 s, review-follower.tsx), not twenty.
    const redraws: string[] = [];
    review.on("request", (r) => {
      if (r.headers().rsc === "1" && new URL(r.url()).pathname === `/o/${event.slug}/review`) redraws.push(r.url());
    });
    const started = Date.now();
    for (let n = 1; n <= 20; n++) {
      await staff.command("note:create", { boardId: board.id, column: "ideas", text: `Quick idea ${n}` });
    }
    await expect(team.getByText("Quick idea 20", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(team.getByText("Quick idea 1", { exact: true })).toBeVisible();
    const seconds = (Date.now() - started) / 1000;
    expect(redraws.length).toBeGreaterThan(0);
    expect(redraws.length).toBeLessThanOrEqual(Math.ceil(seconds / 5) + 2);
    await expectAccessible(review);
    await review.screenshot({ path: "e2e/.artifacts/review-follows-1280.png" });
  } finally {
    staff.close();
    await desk.close();
    await phoneContext.close();
  }
});
