/**
 * A venue behind one router: 300 people join within a minute, every request from the same
 * address, through the real join form's server action. All are admitted (`admitted=300`).
 * The socket half of the flood test is test/reliability/flood.test.ts.
 */
import { expect, test } from "@playwright/test";
import { participantCookieName } from "@/lib/auth/cookies";
import { serverManifest } from "@/lib/server/dist-dir";
import { e2eBaseUrl } from "../support/config";
import { createEventFixture } from "../support/fixtures";
import { report } from "./support/world";

const people = 300;
const atOnce = 10;

function joinActionId() {
  const manifest = serverManifest<{ node: Record<string, { exportedName?: string }> }>("server-reference-manifest.json");
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === "joinEventAction");
  if (!found) throw new Error("joinEventAction is not in the build");
  return found[0];
}

test("300 joins in a minute from one address are all admitted", async () => {
  test.setTimeout(180_000);
  const event = await createEventFixture();
  const actionId = joinActionId();
  const cookieName = participantCookieName(event.id);
  let admitted = 0;
  const refusals: string[] = [];
  const joinOne = async (i: number) => {
    // What the join form sends: the bound code, the previous state, then the form.
    // The root ("0") goes last, as React's encodeReply writes it: it refers to the fields before it.
    const form = new FormData();
    form.set("_1_displayName", `Resident ${i}`);
    form.set("0", JSON.stringify([event.joinCode, {}, "$K1"]));
    const res = await fetch(`${e2eBaseUrl}/j/${event.joinCode}`, {
      method: "POST",
      body: form,
      headers: { "next-action": actionId, origin: e2eBaseUrl, accept: "text/x-component" },
      redirect: "manual",
    });
    const cookies = res.headers.getSetCookie().join(";");
    const body = await res.text();
    if (cookies.includes(`${cookieName}=`)) admitted++;
    else refusals.push(`${res.status} ${body.slice(0, 600)}`);
  };
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      while (next < people) await joinOne(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const line = report("flood-joins", { people, admitted, seconds: seconds.toFixed(1) }, admitted === people && seconds < 60);
  expect(refusals.slice(0, 3), line).toEqual([]);
  expect(line).toMatch(/PASS$/);
});
