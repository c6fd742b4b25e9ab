/**
 * When the server is too busy to answer a screen's snapshot (a whole room reloading at once; see
 * SECURITY.md, the read budgets), the phone says so in plain words and asks again by itself: the
 * person does nothing and the page fills in. The server's refusal is made here by answering the
 * phone's first people-and-teams snapshot with the server's own `rate_limited` refusal on its way
 * back; every other message passes between the real phone and the real server untouched.
 */
import { expect, test, type WebSocketRoute } from "@playwright/test";
import { createEventFixture, joinAs } from "../support/fixtures";
import { phone } from "../support/viewports";
import { addTeam } from "../teams/support";

test.use(phone);

const busy = "Lots of screens are reloading at once. This screen will try again by itself in a moment.";

test("a phone refused as busy says so, asks again by itself, and shows the teams", async ({ browser }) => {
  const event = await createEventFixture();
  await addTeam(event.id, "Pop-up Library");
  const handset = await browser.newContext(phone);
  await joinAs(handset, event.id, "Kofi");
  const page = await handset.newPage();

  let refused = 0;
  let asked = 0;
  // The phone's asking again is held here until the test has read the message, then let through.
  let holding = true;
  const held: (() => void)[] = [];
  await page.routeWebSocket(/\/socket\.io\//, (ws: WebSocketRoute) => {
    const server = ws.connectToServer();
    let refuseAck: string | null = null;
    ws.onMessage((message) => {
      // socket.io: `42<ack id>["teams:snapshot",…]` asks, `43<ack id>[…]` answers.
      const ask = typeof message === "string" ? /^42(\d+)\["teams:snapshot"/.exec(message) : null;
      if (ask) {
        asked++;
        if (asked === 1) refuseAck = ask[1] ?? null;
        else if (holding) return void held.push(() => server.send(message));
      }
      server.send(message);
    });
    server.onMessage((message) => {
      if (refuseAck !== null && typeof message === "string" && message.startsWith(`43${refuseAck}[`)) {
        refused++;
        ws.send(`43${refuseAck}${JSON.stringify([{ ok: false, error: { code: "rate_limited", message: busy } }])}`);
        refuseAck = null;
        return;
      }
      ws.send(message);
    });
  });

  await page.goto(`/p/${event.slug}`);
  await expect(page.getByText(busy)).toBeVisible();
  await page.screenshot({ path: "e2e/.artifacts/screenshots/busy-room-phone.png" });
  // It asks again without a tap or a reload: the teams arrive and the message goes.
  await expect.poll(() => asked).toBeGreaterThanOrEqual(2);
  holding = false;
  for (const send of held.splice(0)) send();
  await expect(page.getByRole("heading", { name: "Choose a team" })).toBeVisible();
  await expect(page.getByTestId("team-option").filter({ hasText: "Pop-up Library" })).toBeVisible();
  await expect(page.getByText(busy)).toHaveCount(0);
  expect(refused).toBe(1);
  expect(asked).toBeGreaterThanOrEqual(2);
  await handset.close();
});
