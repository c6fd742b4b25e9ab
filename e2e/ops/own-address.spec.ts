/**
 * A server reached on its own (no proxy, the default bind address): the page a form leads to
 * prints links at the address the browser used. Next renders a server action's redirect with a
 * fetch to its own bind address, so that page's Host was 0.0.0.0 and the organiser was shown
 * http://0.0.0.0:PORT/… links right after creating an event.
 */
import { expect, test } from "@playwright/test";
import { type AppServer, startAppServer } from "../support/app-server";
import { e2ePort } from "../support/config";
import { createAccount, signIn } from "../support/fixtures";

const offset = 91;
let server: AppServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startAppServer(offset, { HOST: "0.0.0.0", TRUST_PROXY_HOPS: "0" });
});
test.afterAll(async () => {
  await server?.stop();
});

test("after 'Create event', the organiser's links use the address they opened", async ({ page, context }) => {
  const account = await createAccount("Ada Organiser");
  await signIn(context, account.id);
  const name = `Made in Stockwell ${Date.now().toString(36)}`;
  // The address this browser opened: not the bind address.
  const opened = `http://127.0.0.1:${e2ePort + offset}`;
  await page.goto(`${opened}/o`);
  await page.getByLabel("Event name").fill(name);
  await page.getByLabel("Starts").fill("2027-05-14T18:00");
  await page.getByLabel("Ends").fill("2027-05-16T17:00");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const slug = new URL(page.url()).pathname.split("/").pop();
  await expect(page.getByText(`${opened}/s/${slug}`, { exact: true })).toBeVisible();
  await expect(page.getByText("0.0.0.0")).toHaveCount(0);
});
