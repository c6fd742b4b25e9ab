/**
 * Phones connect websocket-first (lib/realtime/client/connection.ts). A venue whose network
 * drops websocket upgrades (an old proxy, a captive portal) must still get a live board: the
 * phone falls back to long-polling. Here that network is a small proxy in front of the server
 * that passes every HTTP request and kills every upgrade.
 */
import { once } from "node:events";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { e2eBaseUrl } from "../support/config";
import { addBoardFixture, createEventFixture, joinAs } from "../support/fixtures";
import { phone } from "../support/viewports";

/** An HTTP proxy to the test server that refuses websockets, counting what it saw. */
async function proxyWithoutWebsockets() {
  const target = new URL(e2eBaseUrl);
  const seen = { upgrades: 0, polls: 0 };
  const server = createServer((req, res) => {
    if (req.url?.startsWith("/socket.io/") && req.url.includes("transport=polling")) seen.polls++;
    const forward = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  server.on("upgrade", (_req, socket) => {
    seen.upgrades++;
    socket.destroy();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

async function addNote(page: Page, text: string) {
  await page.getByLabel("Your note").fill(text);
  await page.getByRole("button", { name: /^Add note/ }).click();
}

test("a phone on a network that blocks websockets still follows the board, over long-polling", async ({ browser }) => {
  const proxy = await proxyWithoutWebsockets();
  try {
    const event = await createEventFixture();
    const board = await addBoardFixture(event.id, { title: "Ideas for the park" });
    const blockedContext = await browser.newContext(phone);
    const openContext = await browser.newContext(phone);
    await joinAs(blockedContext, event.id, "Amira"); // cookies are per host, not per port
    await joinAs(openContext, event.id, "Ben");
    const amira = await blockedContext.newPage();
    const ben = await openContext.newPage();
    await amira.goto(`${proxy.url}/p/${event.slug}/b/${board.id}`);
    await ben.goto(`/p/${event.slug}/b/${board.id}`);
    await expect(amira.getByRole("heading", { name: "Ideas for the park" })).toBeVisible();

    await addNote(amira, "Benches that face the sun");
    await expect(ben.getByTestId("note").filter({ hasText: "Benches that face the sun" })).toContainText("Amira");
    await addNote(ben, "A water fountain by the swings");
    await expect(amira.getByTestId("note").filter({ hasText: "A water fountain by the swings" })).toContainText("Ben");

    // It tried a websocket first, was refused, and stayed on long-polling.
    expect(proxy.seen.upgrades).toBeGreaterThan(0);
    expect(proxy.seen.polls).toBeGreaterThan(0);
    await blockedContext.close();
    await openContext.close();
  } finally {
    proxy.close();
  }
});
