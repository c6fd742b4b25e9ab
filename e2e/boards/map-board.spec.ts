import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { addBoardFixture, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";
import { neighbourhoodMap } from "./map-image";

const shots = "e2e/.artifacts/screenshots";

/** Where a pin's point is, as fractions of the drawn map: what a person sees, not what the DOM says. */
async function seenAt(page: Page, pin: Locator) {
  const map = await page.getByTestId("map").getByRole("img").boundingBox();
  const attrs = { x: Number(await pin.getAttribute("data-pin-x")), y: Number(await pin.getAttribute("data-pin-y")) };
  const marker = await pin.locator(":scope > :first-child").boundingBox();
  if (!map || !marker) throw new Error("map or pin not drawn");
  return {
    attrs,
    drawn: {
      x: (marker.x + marker.width / 2 - map.x) / map.width,
      y: (marker.y + marker.height / 2 - map.y) / map.height,
    },
  };
}

test("a phone pins a note on the map, the projector shows it there, and a keyboard move reaches the phone", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Our streets", template: "map" });

  // The facilitator uploads the map from the laptop.
  const laptopContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await signIn(laptopContext, event.organiser.id);
  const laptop = await laptopContext.newPage();
  await laptop.goto(`/f/${event.slug}/b/${board.id}`);
  await expect(laptop.getByText("The map hasn't been added yet.")).toBeVisible();
  await laptop
    .getByLabel("Image of the map")
    .setInputFiles({ name: "area.png", mimeType: "image/png", buffer: neighbourhoodMap() });
  await laptop.getByRole("button", { name: "Upload the map" }).click();
  await expect(laptop.getByText("The map is up on every screen.")).toBeVisible();
  await expect(laptop.getByTestId("map").getByRole("img")).toBeVisible();

  const screenContext = await browser.newContext(projector);
  await signIn(screenContext, event.organiser.id);
  const screen = await screenContext.newPage();
  await screen.goto(`/s/${event.slug}/b/${board.id}`);
  await expect(screen.getByTestId("map").getByRole("img")).toBeVisible();

  const phoneContext = await browser.newContext(phone);
  await joinAs(phoneContext, event.id, "Amira");
  const mobile = await phoneContext.newPage();
  await mobile.goto(`/p/${event.slug}/b/${board.id}`);
  const spot = mobile.getByTestId("map-spot");
  await expect(spot).toBeVisible();

  // Writing without a pin is refused with a message; nothing is sent.
  await mobile.getByLabel("Your note", { exact: true }).fill("Broken bench by the river");
  await mobile.getByRole("button", { name: /^Add note/ }).click();
  await expect(mobile.getByText("Tap the map where your note belongs first.")).toBeVisible();

  // Tap a quarter across and 70% down, then write the note.
  const box = await spot.boundingBox();
  if (!box) throw new Error("map not drawn");
  await spot.tap({ position: { x: box.width * 0.25, y: box.height * 0.7 } });
  await expect(mobile.getByTestId("pin-choice")).toHaveText("Pinned bottom left of the map.");
  await mobile.getByRole("button", { name: /^Add note/ }).click();
  await expect(mobile.getByTestId("note").filter({ hasText: "Broken bench by the river" })).toContainText("Pin 1");

  // The projector shows the pin at that place, with the note's text.
  const projected = screen.getByTestId("map-pin").filter({ hasText: "Broken bench by the river" });
  await expect(projected).toBeVisible();
  const there = await seenAt(screen, projected);
  expect(there.attrs.x).toBeCloseTo(0.25, 2);
  expect(there.attrs.y).toBeCloseTo(0.7, 2);
  expect(there.drawn.x).toBeCloseTo(0.25, 1);
  expect(there.drawn.y).toBeCloseTo(0.7, 1);
  await expectAccessible(screen);
  await screen.screenshot({ path: `${shots}/map-board-projector-1920.png` });

  // On the laptop: focus the pin, move it right with the keyboard; the phone sees it move.
  const pinButton = laptop.getByRole("button", { name: /^Note 1: Broken bench by the river/ });
  await pinButton.focus();
  await laptop.keyboard.press("ArrowRight");
  await laptop.keyboard.press("ArrowRight");
  await laptop.keyboard.press("Shift+ArrowUp");
  const onPhone = mobile.getByTestId("map-pin");
  const attr = async (pin: Locator, name: string) => Number(await pin.getAttribute(name));
  await expect.poll(() => attr(onPhone, "data-pin-x")).toBeCloseTo(there.attrs.x + 0.04, 3);
  await expect.poll(() => attr(onPhone, "data-pin-y")).toBeCloseTo(there.attrs.y - 0.1, 3);
  await expect.poll(() => attr(projected, "data-pin-x")).toBeCloseTo(there.attrs.x + 0.04, 3);
  await expectAccessible(laptop);

  // Dragging a pin with the mouse moves it on every screen too.
  const laptopMap = await laptop.getByTestId("map").getByRole("img").boundingBox();
  const handle = await pinButton.boundingBox();
  if (!laptopMap || !handle) throw new Error("laptop map not drawn");
  await laptop.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await laptop.mouse.down();
  await laptop.mouse.move(laptopMap.x + laptopMap.width * 0.7, laptopMap.y + laptopMap.height * 0.3, { steps: 8 });
  await laptop.mouse.move(laptopMap.x + laptopMap.width * 0.8, laptopMap.y + laptopMap.height * 0.2, { steps: 4 });
  await laptop.mouse.up();
  await expect
    .poll(async () => Number(await projected.getAttribute("data-pin-x")), { message: "the dragged pin on the projector" })
    .toBeGreaterThan(0.75);
  const dragged = await seenAt(screen, projected);
  expect(dragged.drawn.x).toBeCloseTo(0.8, 1);
  expect(dragged.drawn.y).toBeCloseTo(0.2, 1);
  await expect(mobile.getByTestId("note").filter({ hasText: "Broken bench by the river" })).toContainText(
    "Pin 1, top right of the map",
  );

  await laptop.screenshot({ path: `${shots}/map-board-laptop-1440.png` });
  await expectAccessible(mobile);
  await mobile.screenshot({ path: `${shots}/map-board-phone-390.png`, fullPage: true });

  await Promise.all([phoneContext.close(), screenContext.close(), laptopContext.close()]);
});
