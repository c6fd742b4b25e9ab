import { expect, test } from "@playwright/test";
import { say } from "./catalogue";

test("the web app manifest describes the app in the reader's language", async ({ request }) => {
  const polish = await request.get("/manifest.webmanifest", { headers: { "accept-language": "pl-PL,pl;q=0.9" } });
  expect(polish.ok()).toBe(true);
  expect(await polish.json()).toMatchObject({ name: "Made In", lang: "pl", description: say("pl", "app.description") });
  const english = await request.get("/manifest.webmanifest", { headers: { "accept-language": "en-GB" } });
  expect(await english.json()).toMatchObject({ lang: "en-GB", description: say("en-GB", "app.description") });
});
