import { type Browser, expect, test, type WebSocketRoute } from "@playwright/test";
import { eventStaff } from "@/db/schema";
import { addStaff, createEventFixture, db, signIn } from "../support/fixtures";

/** An event with two organisers, each signed in on their own laptop. */
async function twoOrganisers(browser: Browser, name: string) {
  const event = await createEventFixture({ name });
  const second = await addStaff(event.id, "organiser", "Olu Coorganiser");
  const [laptopA, laptopB] = await Promise.all([
    browser.newContext({ viewport: { width: 1280, height: 720 } }),
    browser.newContext({ viewport: { width: 1280, height: 720 } }),
  ]);
  await signIn(laptopA, event.organiser.id);
  await signIn(laptopB, second.id);
  return { event, second, laptopA, laptopB };
}

test("two organisers on the event's page: an invitation, a new join code, a revoked invitation and a removal show on the other's page without a reload", async ({
  browser,
}) => {
  const { event, laptopA, laptopB } = await twoOrganisers(browser, "Made in Two Laptops");
  const [a, b, bConsole, bEditor, bInvite, bProjects] = await Promise.all([
    laptopA.newPage(),
    laptopB.newPage(),
    laptopB.newPage(),
    laptopB.newPage(),
    laptopB.newPage(),
    laptopB.newPage(),
  ]);
  await Promise.all([
    a.goto(`/o/${event.slug}`),
    b.goto(`/o/${event.slug}`),
    bConsole.goto(`/f/${event.slug}`),
    bEditor.goto(`/o/${event.slug}/edit`),
    bInvite.goto(`/o/${event.slug}/invite`),
    bProjects.goto(`/o/${event.slug}/projects`),
  ]);
  const invitations = (page: typeof a) =>
    page
      .getByRole("region", { name: "Invite a co-organiser or facilitator" })
      .getByRole("button", { name: /^Revoke facilitator invitation/ });
  await expect(invitations(a)).toHaveCount(0);
  const codeBefore = (await a.getByTestId("join-code").textContent())?.trim();

  // B invites a facilitator: A's page lists the invitation waiting; B's still shows the link made.
  await b.getByRole("radio", { name: /^Facilitator/ }).check();
  await b.getByRole("button", { name: "Create invitation link" }).click();
  await expect(b.getByLabel(/^Invitation link for a/)).toHaveValue(/\/invite\//);
  await expect(invitations(a)).toHaveCount(1);
  await expect(b.getByLabel(/^Invitation link for a/)).toHaveValue(/\/invite\//);

  // B changes the join code: A's page shows the new one.
  await b.getByText("Change join code…", { exact: true }).click();
  await b.getByRole("button", { name: "Yes, make a new code" }).click();
  await expect(b.getByText(/^The new join code is/)).toBeVisible();
  const codeAfter = (await b.getByTestId("join-code").textContent())?.trim();
  expect(codeAfter).not.toBe(codeBefore);
  await expect(a.getByTestId("join-code")).toHaveText(codeAfter ?? "");

  // A revokes the invitation: gone from B's page too.
  await invitations(a).click();
  await expect(invitations(a)).toHaveCount(0);
  await expect(invitations(b)).toHaveCount(0);

  await expect(bProjects.getByRole("heading", { name: "Projects", exact: true })).toBeVisible();
  // A takes B off the event: B's open pages, the console too, stop showing it at once.
  await expect(bConsole.locator('output[data-status="online"]').first()).toBeVisible();
  const staff = a.getByRole("region", { name: "People running this event" });
  await staff.getByText("Remove…").click();
  await staff.getByRole("button", { name: "Yes, remove Olu Coorganiser from this event" }).click();
  await expect(b.getByRole("heading", { name: "You don't have access to this event" })).toBeVisible();
  await expect(b.getByTestId("join-code")).toHaveCount(0);
  // Told they are not on the event's team (not sent to a participant's page they have none of).
  await expect(bConsole.getByRole("heading", { name: "You're not on this event's team" })).toBeVisible();
  await expect(bConsole.getByRole("link", { name: "Go to your events" })).toHaveAttribute("href", "/o");
  await expect(bConsole.getByRole("heading", { name: "Facilitator console" })).toHaveCount(0);
  await expect(bEditor.getByRole("heading", { name: "Only organisers can edit this event" })).toBeVisible();
  await expect(bEditor.getByLabel("Event name")).toHaveCount(0);
  // "Add a facilitator" no longer offers to make invitations to it, nor says its name.
  await expect(bInvite.getByRole("heading", { name: "We can't find that page" })).toBeVisible();
  await expect(bInvite.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);
  // The projects page (owners' emails, emails sent), which follows by asking, not by a socket.
  await expect(
    bProjects.getByText("Only organisers of this event can do that. If you've just been removed, reload the page."),
  ).toBeVisible();
  await expect(bProjects.getByRole("heading", { name: "Projects", exact: true })).toHaveCount(0);

  await Promise.all([laptopA.close(), laptopB.close()]);
});

test("a co-organiser taken off the event while their laptop is offline: their console stops showing it the moment it is back", async ({
  browser,
}) => {
  const { event, laptopA, laptopB } = await twoOrganisers(browser, "Made in Offline Laptop");
  const [a, bConsole] = await Promise.all([laptopA.newPage(), laptopB.newPage()]);
  await Promise.all([a.goto(`/o/${event.slug}`), bConsole.goto(`/f/${event.slug}`)]);
  await expect(bConsole.locator('output[data-status="online"]').first()).toBeVisible();
  await laptopB.setOffline(true);
  await expect(bConsole.locator('output[data-status="offline"]').first()).toBeVisible();
  const staff = a.getByRole("region", { name: "People running this event" });
  await staff.getByText("Remove…").click();
  await staff.getByRole("button", { name: "Yes, remove Olu Coorganiser from this event" }).click();
  await expect(staff.getByText("Olu Coorganiser")).toHaveCount(0);
  // Back online, the console's socket is refused at the door: the page is drawn again, as a refusal.
  await laptopB.setOffline(false);
  await expect(bConsole.getByRole("heading", { name: "You're not on this event's team" })).toBeVisible();
  await expect(bConsole.getByRole("heading", { name: "Facilitator console" })).toHaveCount(0);
  await Promise.all([laptopA.close(), laptopB.close()]);
});

test("an invitation made after the page connected and before its staff list loaded still shows on the other organiser's page", async ({
  browser,
}) => {
  const { event, laptopA, laptopB } = await twoOrganisers(browser, "Made in Slow Wi-Fi");
  const [a, b] = await Promise.all([laptopA.newPage(), laptopB.newPage()]);
  // A's page connects at once, but its question for the staff list waits here (a slow network):
  // B's invitation lands in that gap, so the list A gets already holds it and no message follows.
  const held: (() => void)[] = [];
  let holding = true;
  await a.routeWebSocket(/\/socket\.io\//, (ws: WebSocketRoute) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      // socket.io: `42<ack id>["staff:snapshot",…]` asks.
      if (holding && typeof message === "string" && /^42\d+\["staff:snapshot"/.test(message)) {
        held.push(() => server.send(message));
        return;
      }
      server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });
  await Promise.all([a.goto(`/o/${event.slug}`), b.goto(`/o/${event.slug}`)]);
  const invitations = (page: typeof a) =>
    page
      .getByRole("region", { name: "Invite a co-organiser or facilitator" })
      .getByRole("button", { name: /^Revoke facilitator invitation/ });
  await expect(invitations(a)).toHaveCount(0);
  await expect.poll(() => held.length).toBeGreaterThan(0);

  await b.getByRole("radio", { name: /^Facilitator/ }).check();
  await b.getByRole("button", { name: "Create invitation link" }).click();
  await expect(b.getByLabel(/^Invitation link for a/)).toHaveValue(/\/invite\//);
  holding = false;
  for (const send of held.splice(0)) send();
  await expect(invitations(a)).toHaveCount(1);

  await Promise.all([laptopA.close(), laptopB.close()]);
});

test("the events list follows another organiser: a new name, and an event taken off this person's list, without a reload", async ({
  browser,
}) => {
  const { event, second, laptopA, laptopB } = await twoOrganisers(browser, "Made in Lists");
  // Olu also helps run another event, whose organiser takes him off it later.
  const other = await createEventFixture({ name: "Made in Elsewhere" });
  await (await db()).transact((tx) =>
    tx.insert(eventStaff).values({ eventId: other.id, accountId: second.id, role: "facilitator" }),
  );
  const [a, b] = await Promise.all([laptopA.newPage(), laptopB.newPage()]);
  await Promise.all([a.goto("/o"), b.goto("/o")]);
  const cards = (page: typeof a) => page.getByRole("list").getByRole("link");
  await expect(cards(a).filter({ hasText: "Made in Lists" })).toHaveCount(1);
  await expect(cards(b).filter({ hasText: "Made in Elsewhere" })).toHaveCount(1);

  // B renames the shared event in its editor: A's list shows the new name.
  const editor = await laptopB.newPage();
  await editor.goto(`/o/${event.slug}/edit`);
  const details = editor.getByRole("region", { name: "Details" });
  await details.getByLabel("Event name").fill("Made in Lists and Ladders");
  await details.getByLabel("Starts").fill("2027-05-14T18:00");
  await details.getByLabel("Ends").fill("2027-05-16T17:00");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(editor.getByText("Saved. The public event page shows the new details.")).toBeVisible();
  await expect(cards(a).filter({ hasText: "Made in Lists and Ladders" })).toHaveCount(1);
  await expect(cards(b).filter({ hasText: "Made in Lists and Ladders" })).toHaveCount(1);

  // The other event's organiser takes B off it: it goes from B's list.
  const laptopC = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptopC, other.organiser.id);
  const c = await laptopC.newPage();
  await c.goto(`/o/${other.slug}`);
  const staff = c.getByRole("region", { name: "People running this event" });
  await staff.getByText("Remove…").click();
  await staff.getByRole("button", { name: "Yes, remove Olu Coorganiser from this event" }).click();
  await expect(staff.getByText("Olu Coorganiser")).toHaveCount(0);
  await expect(cards(b).filter({ hasText: "Made in Elsewhere" })).toHaveCount(0);
  await b.screenshot({ path: "e2e/.artifacts/screenshots/events-list-followed-1280.png", fullPage: true });
  await Promise.all([laptopA.close(), laptopB.close(), laptopC.close()]);
});
