import { expect, test } from "@playwright/test";
import { createProject } from "@/lib/projects/create-project";
import { newOwnerLink } from "@/lib/projects/owner-link";
import { e2eBaseUrl } from "../support/config";
import { createEventFixture, db } from "../support/fixtures";
import { phone } from "../support/viewports";

/**
 * An owner's update sent twice: a phone without JavaScript that reloads the answer to the form
 * (the browser sends it again), as people do to check it went. The update is there once.
 */
test("an owner's update sent again by a reload is saved once", async ({ browser }) => {
  const event = await createEventFixture();
  const { projectId, token } = await (await db()).transact(async (tx) => {
    const id = await createProject(tx, {
      eventId: event.id,
      teamId: null,
      title: "Street library",
      summary: "",
      ownerName: "Amara",
      ownerRole: "Resident",
      coOwners: [],
    });
    return { projectId: id, token: await newOwnerLink(tx, id) };
  });
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false, baseURL: e2eBaseUrl });
  const page = await context.newPage();
  await page.goto(`/u/${token}`);
  await expect(page).toHaveURL(new RegExp(`/update/${projectId}$`));

  await page.getByText("On track", { exact: true }).click();
  await page.getByLabel("What has happened since last time?").fill("Twelve books borrowed in the first week.");
  await page.getByRole("button", { name: "Save update" }).click();
  await expect(page.getByText("Thank you: your update is saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Thank you: your update is saved.")).toBeVisible();
  await expect(page.getByText("Twelve books borrowed in the first week.")).toHaveCount(1);

  // A new update from the page the answer drew is a new one, not taken for the first sent again.
  await page.getByText("Stuck", { exact: true }).click();
  await page.getByLabel("What has happened since last time?").fill("The shelf was taken down.");
  await page.getByRole("button", { name: "Save update" }).click();
  await expect(page.getByText("The shelf was taken down.")).toHaveCount(1);
  await expect(page.getByText("Twelve books borrowed in the first week.")).toHaveCount(1);
  await context.close();
});
