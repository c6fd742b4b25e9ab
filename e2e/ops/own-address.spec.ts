/**
 * A server reached on its own (no proxy, the default bind address): the page a form leads to
 * prints links at the address the browser used. Next renders a server action's redirect with a
 * fetch to its own bind address, so that page's Host was 0.0.0.0 and the organiser was shown
 * http://0.0.0.0:PORT/… links right after creating an event.
 */
import { networkInterfaces } from "node:os";
import { expect, test } from "@playwright/test";
import { lanIPv4 } from "@/lib/network/reachable-address";
import { createProject } from "@/lib/projects/create-project";
import { type AppServer, startAppServer } from "../support/app-server";
import { e2ePort } from "../support/config";
import { createAccount, createEventFixture, db, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

// An offset of its own: another spec's server on the same port would be stopped under this one.
const offset = 89;
let server: AppServer;
// One server for the file's tests: run in parallel, each worker would start its own on this port.
test.describe.configure({ mode: "serial" });

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

/**
 * Opened as the README says (localhost, no PUBLIC_URL), every link the organiser or a participant
 * hands to someone else starts with the address the join link shows: this machine's on the
 * network, which the other person's phone can open, never "127.0.0.1" or "localhost".
 */
test("invitation, owner's and other-device links use the join link's address, not the one only this computer opens", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const opened = `http://127.0.0.1:${e2ePort + offset}`;
  const lan = lanIPv4(networkInterfaces());
  // Without a network (a sandbox) there is no other address: the links keep the one opened.
  const forOthers = lan ? `http://${lan}:${e2ePort + offset}` : opened;
  const event = await createEventFixture({ status: "published" });
  const desk = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(desk, event.organiser.id);
  const page = await desk.newPage();
  await page.goto(`${opened}/o/${event.slug}`);
  await expect(page.getByText(`${forOthers}/j/${event.joinCode}`, { exact: true })).toBeVisible();

  await page.getByRole("radio", { name: /^Facilitator/ }).check();
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const invite = page.getByLabel(/^Invitation link for a/);
  await expect(invite).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  expect(new URL(await invite.inputValue()).origin).toBe(forOthers);

  const projectId = await (await db()).transact((tx) =>
    createProject(tx, {
      eventId: event.id,
      title: "Lights on the path",
      teamId: null,
      summary: "",
      ownerName: "Amélie",
      ownerRole: "Resident",
      ownerEmail: "",
      coOwners: [],
    }),
  );
  await page.goto(`${opened}/o/${event.slug}/projects/${projectId}`);
  await page.getByRole("button", { name: "Make the owner's link" }).click();
  await expect(page.locator("#owner-link")).toHaveValue(/\/u\/[A-Za-z0-9_-]{43}$/);
  expect(new URL(await page.locator("#owner-link").inputValue()).origin).toBe(forOthers);

  const pocket = await browser.newContext(phone);
  await joinAs(pocket, event.id, "Ama");
  const mobile = await pocket.newPage();
  await mobile.goto(`${opened}/p/${event.slug}/device`);
  await mobile.getByRole("button", { name: "Show my personal link" }).click();
  await expect(mobile.getByTestId("device-link")).toHaveText(/\/c\/[A-Za-z0-9_-]{20,}$/);
  expect(new URL((await mobile.getByTestId("device-link").textContent())?.trim() ?? "").origin).toBe(forOthers);
  if (lan) {
    for (const local of ["127.0.0.1", "localhost"]) {
      await expect(page.locator("#owner-link")).not.toHaveValue(new RegExp(local.replaceAll(".", "\\.")));
      await expect(mobile.getByTestId("device-link")).not.toContainText(local);
    }
  }
  await desk.close();
  await pocket.close();
});
