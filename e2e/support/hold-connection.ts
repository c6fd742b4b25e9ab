import type { Page, Route, WebSocketRoute } from "@playwright/test";

/**
 * Holds back a page's live connection, as a slow venue network or a restarting server would:
 * every websocket is refused and every long-polling request waits, until `release` lets them
 * through. The page is then told its network is back (its "offline" and "online" events), so it
 * reconnects at once rather than after socket.io's backoff.
 */
export async function holdConnection(page: Page) {
  let held = true;
  const waiting: Route[] = [];
  await page.route("**/socket.io/**", (route) => (held ? waiting.push(route) : route.continue()));
  await page.routeWebSocket(/\/socket\.io\//, (ws: WebSocketRoute) => {
    if (held) void ws.close();
    else ws.connectToServer();
  });
  return async function release() {
    held = false;
    for (const route of waiting.splice(0)) await route.continue().catch(() => {});
    await page.context().setOffline(true);
    await page.context().setOffline(false);
  };
}
