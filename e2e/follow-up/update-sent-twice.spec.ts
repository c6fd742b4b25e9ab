import { expect, test } from "@playwright/test";
import { phonePhoto } from "../../test/support/test-images";
import { e2eBaseUrl } from "../support/config";
import { projectWithOwnerLink } from "../support/fixtures";
import { phone } from "../support/viewports";

/**
 * An owner's update sent twice: a phone without JavaScript that reloads the answer to the form
 * (the browser sends it again), as people do to check it went. The update is there once.
 */
test("an owner's update sent again by a reload is saved once", async ({ browser }) => {
  const { projectId, token } = await projectWithOwnerLink();
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

test("an update refused without JavaScript says at the photos field that its photos must be chosen again", async ({
  browser,
}) => {
  const { projectId, token } = await projectWithOwnerLink();
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false, baseURL: e2eBaseUrl });
  const page = await context.newPage();
  await page.goto(`/u/${token}`);
  await expect(page).toHaveURL(new RegExp(`/update/${projectId}$`));
  // No "how is it going" chosen: refused, and the browser never fills a file field again.
  await page.getByLabel("What has happened since last time?").fill("Twelve books borrowed in the first week.");
  await page.getByLabel("Photos (optional)").setInputFiles([
    { name: "shelf.jpg", mimeType: "image/jpeg", buffer: await phonePhoto("jpeg", { width: 400, height: 300 }) },
    { name: "books.jpg", mimeType: "image/jpeg", buffer: await phonePhoto("jpeg", { width: 400, height: 300 }) },
  ]);
  await page.getByRole("button", { name: "Save update" }).click();
  await expect(page.getByLabel("What has happened since last time?")).toHaveValue("Twelve books borrowed in the first week.");
  const photos = page.getByLabel("Photos (optional)");
  await expect(photos).toHaveAttribute("aria-invalid", "true");
  await expect(photos).toHaveAccessibleDescription(/Your 2 photos were not kept: choose them again\./);
  await context.close();
});
