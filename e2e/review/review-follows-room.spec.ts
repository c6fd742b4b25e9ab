import { expect, test } from "@playwright/test";
import { createTeamFixture } from "../briefs/fixtures";
import { expectAccessible } from "../support/a11y";
import { addBrief, createEventFixture, joinAs, signIn } from "../support/fixtures";
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
