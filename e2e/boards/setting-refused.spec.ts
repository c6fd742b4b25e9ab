/**
 * A board setting the room refuses is said beside its toggle, and the toggle goes back to how
 * the board is: the facilitator who ticked "Locked" is never left believing the board is locked.
 * The refusal is made here by answering the laptop's lock with the server's own `not_found`
 * answer (the board gone from the event) instead of sending it on; every other message passes
 * between the real laptop and the real server untouched.
 */
import { expect, test, type WebSocketRoute } from "@playwright/test";
import { addBoardFixture, addStaff, createEventFixture, signIn } from "../support/fixtures";

const missing = "That board doesn't exist.";

test("a refused lock of a board is said at the toggle, which shows the board unlocked", async ({ browser }) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { template: "ideas", title: "Where we feel unsafe" });
  const facilitator = await addStaff(event.id, "facilitator");
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, facilitator.id);
  const page = await laptop.newPage();

  let refused = 0;
  await page.routeWebSocket(/\/socket\.io\//, (ws: WebSocketRoute) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      // socket.io: `42<ack id>["board:update",…]` asks, `43<ack id>[…]` answers.
      const lock = typeof message === "string" ? /^42(\d+)\["board:update",.*"locked":true/.exec(message) : null;
      if (lock) {
        refused++;
        return void ws.send(`43${lock[1]}${JSON.stringify([{ ok: false, error: { code: "not_found", message: missing } }])}`);
      }
      server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });

  await page.goto(`/f/${event.slug}/b/${board.id}`);
  const locked = page.getByLabel("Locked");
  await expect(locked).not.toBeChecked();
  await locked.click();
  const why = page.getByRole("alert").filter({ hasText: missing });
  await expect(why).toBeVisible();
  await expect(locked).not.toBeChecked();
  await expect(locked).toHaveAccessibleDescription(missing);
  expect(refused).toBe(1);

  // The other settings still change, and the reason stays with the toggle it belongs to.
  const hidden = page.getByLabel("Hidden until reveal");
  await hidden.click();
  await expect(hidden).toBeChecked();
  await expect(why).toBeVisible();
  await expect(hidden).not.toHaveAccessibleDescription(missing);
  await laptop.close();
});
