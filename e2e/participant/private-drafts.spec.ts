import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { participants } from "@/db/schema";
import { callServerAction, FormArg, serverActions } from "../reliability/support/server-actions";
import { createWorld } from "../reliability/support/world";
import { e2eBaseUrl } from "../support/config";
import { createAccount, createEventFixture, db, setEventStatus, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

test.use(phone);

test("a draft or archived event can't be found or joined: not by its phone page, its code, the code form or the join action", async ({
  page,
}) => {
  const join = serverActions(await createWorld()).find((a) => a.name === "joinEventAction");
  if (!join) throw new Error("joinEventAction is not in the build");
  for (const status of ["draft", "archived"] as const) {
    const event = await createEventFixture({ status: "draft" });
    if (status === "archived") await setEventStatus(event.id, "archived");

    // Its phone page doesn't send strangers to its join code.
    const phonePage = await fetch(`${e2eBaseUrl}/p/${event.slug}`, { redirect: "manual" });
    expect(phonePage.status, `${status} /p/<slug>`).toBe(404);
    expect(await phonePage.text()).not.toContain(event.joinCode);

    // Its code opens nothing (a draft's is as unknown as a made-up one; a finished event says so).
    const joinPage = await (await fetch(`${e2eBaseUrl}/j/${event.joinCode}`)).text();
    if (status === "draft") {
      expect(joinPage).toContain("That code didn&#x27;t match an event");
      expect(joinPage).not.toContain(event.name);
    } else expect(joinPage).toContain("has finished");
    // Nor does its privacy notice, which names the event; a finished event's notice stays readable.
    const notice = await fetch(`${e2eBaseUrl}/j/${event.joinCode}/privacy`);
    expect(notice.status, `${status} privacy notice`).toBe(status === "draft" ? 404 : 200);
    if (status === "draft") expect(await notice.text()).not.toContain(event.name);

    await page.goto("/j");
    await page.getByLabel("Join code").fill(event.joinCode);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(
      page.getByText(status === "draft" ? "We couldn't find an event with that code" : "That event has finished"),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/j$/);

    // The join action itself, called directly with the code, lets nobody in.
    const answer = await callServerAction(
      join,
      `/j/${event.joinCode}`,
      [event.joinCode, {}, new FormArg({ displayName: "Sam" })],
      "",
    );
    expect(answer).toBeLessThan(500);
    const joined = await (await db()).read.select().from(participants).where(eq(participants.eventId, event.id));
    expect(joined, `${status}: participants after the join action`).toEqual([]);
  }
});

test("a draft's staff pages tell nobody but its staff that it exists", async ({ browser }) => {
  const event = await createEventFixture({ status: "draft" });
  const madeUp = `no-such-event-${event.slug}`;
  const paths = (slug: string) => [`/f/${slug}`, `/s/${slug}`, `/f/${slug}/presentations`, `/o/${slug}`, `/o/${slug}/review`];

  // Not signed in: every one of them asks to sign in, whether the event exists or not.
  for (const [mine, other] of paths(event.slug).map((p, i) => [p, paths(madeUp)[i]!] as const)) {
    const a = await fetch(`${e2eBaseUrl}${mine}`, { redirect: "manual" });
    const b = await fetch(`${e2eBaseUrl}${other}`, { redirect: "manual" });
    expect(a.status, mine).toBe(b.status);
    expect(a.headers.get("location") ?? "", mine).toContain("/signin");
  }

  // Signed in, but not its staff: as unknown as a made-up address.
  const someoneElse = await browser.newContext();
  await signIn(someoneElse, (await createAccount("Organiser of another event")).id);
  const page = await someoneElse.newPage();
  for (const path of paths(event.slug)) {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBe(404);
    await expect(page.getByText(event.name)).toHaveCount(0);
  }
  const exported = await page.request.get(`/o/${event.slug}/export/json`);
  expect(exported.status()).toBe(404);

  // Its own staff still open it.
  const staff = await browser.newContext();
  await signIn(staff, event.organiser.id);
  const theirs = await staff.newPage();
  for (const path of [`/f/${event.slug}`, `/o/${event.slug}`]) {
    const answer = await theirs.goto(path);
    expect(answer?.status(), path).toBe(200);
  }
  await expect(theirs.getByRole("heading", { name: event.name })).toBeVisible();
});
