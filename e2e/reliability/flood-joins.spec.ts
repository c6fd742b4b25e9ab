/**
 * A venue behind one router: 300 people join within a minute, every request from the same
 * address, through the real join form's server action. All are admitted (`admitted=300`).
 * The socket half of the flood test is test/reliability/flood.test.ts.
 */
import { expect, test } from "@playwright/test";
import { participantCookieName } from "@/lib/auth/cookies";
import { createEventFixture } from "../support/fixtures";
import { postJoinForm } from "../support/join-form-post";
import { report } from "./support/world";

const people = 300;
const atOnce = 10;

test("300 joins in a minute from one address are all admitted", async () => {
  test.setTimeout(180_000);
  const event = await createEventFixture();
  const cookieName = participantCookieName(event.id);
  let admitted = 0;
  const refusals: string[] = [];
  const joinOne = async (i: number) => {
    const res = await postJoinForm(event.joinCode, { displayName: `Resident ${i}` });
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
