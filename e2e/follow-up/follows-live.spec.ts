import { expect, test } from "@playwright/test";
import { createProject } from "@/lib/projects/create-project";
import { newOwnerLink } from "@/lib/projects/owner-link";
import { e2eBaseUrl } from "../support/config";
import { createEventFixture, db, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

/**
 * The follow-up pages follow what others do, with no reload: an owner's update shows on the
 * organisers' projects list and project page, and an update the organisers record shows on the
 * owner's phone. The owner's device hears of its own project only.
 */
test("an owner's update shows on the organisers' pages, and theirs on the owner's phone, without a reload", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const { projectId, otherId, token } = await (await db()).transact(async (tx) => {
    const fields = { eventId: event.id, teamId: null, summary: "", ownerName: "Amara", ownerRole: "Resident", coOwners: [] };
    const id = await createProject(tx, { ...fields, title: "Street library" });
    const other = await createProject(tx, { ...fields, title: "Repair café" });
    return { projectId: id, otherId: other, token: await newOwnerLink(tx, id) };
  });

  const desk = await browser.newContext({ viewport: { width: 1280, height: 720 }, baseURL: e2eBaseUrl });
  await signIn(desk, event.organiser.id);
  const list = await desk.newPage();
  await list.goto(`/o/${event.slug}/projects`);
  const detail = await desk.newPage();
  await detail.goto(`/o/${event.slug}/projects/${projectId}`);
  await expect(detail.getByRole("heading", { name: "Street library" })).toBeVisible();

  const hand = await browser.newContext({ ...phone, baseURL: e2eBaseUrl });
  const owner = await hand.newPage();
  await owner.goto(`/u/${token}`);
  await expect(owner).toHaveURL(new RegExp(`/update/${projectId}$`));

  await owner.getByText("Stuck", { exact: true }).click();
  await owner.getByLabel("What has happened since last time?").fill("The shelf was taken down.");
  await owner.getByLabel("What help do you need? (optional)").fill("A van for one afternoon");
  await owner.getByRole("button", { name: "Save update" }).click();
  await expect(owner.getByText("Thank you: your update is saved.")).toBeVisible();

  await expect(list.getByTestId("nudges").getByText("Asks for help: A van for one afternoon")).toBeVisible();
  await expect(detail.getByText("The shelf was taken down.")).toBeVisible();

  await detail.getByText("On track", { exact: true }).click();
  await detail.getByLabel("What has happened since last time?").fill("Moved to the library porch.");
  await detail.getByRole("button", { name: "Save update" }).click();
  await expect(owner.getByText("Moved to the library porch.")).toBeVisible();

  // The owner's device may ask after its own project only; a signed-out device after none.
  expect((await hand.request.get(`/update/${otherId}/version`)).status()).toBe(403);
  expect((await hand.request.get(`/o/${event.slug}/projects/version`)).status()).toBe(403);
  expect((await hand.request.get(`/update/${projectId}/version`)).status()).toBe(200);
  await hand.close();
  await desk.close();
});
