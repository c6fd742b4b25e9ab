/**
 * A server action from another site's page (or a sandboxed one's `null` Origin, or our own host
 * over another scheme) is refused with a 403 and changes nothing; Next alone would answer 500.
 */
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { briefs } from "@/db/schema";
import { e2eBaseUrl } from "../support/config";
import { db } from "../support/fixtures";
import { serverActions } from "./support/server-actions";
import { createWorld, report, sessionCookie } from "./support/world";

test("server actions from a foreign, null or other-scheme Origin get a 403 and change nothing", async () => {
  const w = await createWorld();
  const create = serverActions(w).find((a) => a.name === "createBriefAction");
  if (!create) throw new Error("createBriefAction is not in the build");
  const cookie = await sessionCookie(w.a.organiser.id);
  const countBriefs = async () => (await (await db()).read.select().from(briefs).where(eq(briefs.eventId, w.a.id))).length;

  /** The organiser's "create brief", as React sends it (fetch) or as a form posts it without JavaScript. */
  const send = async (origin: string | null, noJs: boolean, extra: Record<string, string> = {}, query = "") => {
    const body = new FormData();
    const headers: Record<string, string> = { cookie, ...extra };
    if (origin !== null) headers.origin = origin;
    if (noJs) {
      body.append(`$ACTION_ID_${create.id}`, "");
      body.append("title", "Forged brief");
    } else {
      body.append("_1_title", "Forged brief");
      body.append("0", JSON.stringify([w.a.slug, {}, "$K1"]));
      headers["next-action"] = create.id;
    }
    const res = await fetch(`${e2eBaseUrl}/o/${w.a.slug}${query}`, { method: "POST", headers, body, redirect: "manual" });
    await res.arrayBuffer();
    return res.status;
  };

  const before = await countBriefs();
  const unexpected: string[] = [];
  const https = e2eBaseUrl.replace(/^http:/, "https:");
  for (const noJs of [false, true]) {
    for (const origin of ["http://evil.example", "null", https, "not a url", "http://127.0.0.1:1"]) {
      const status = await send(origin, noJs);
      if (status !== 403) unexpected.push(`${origin}${noJs ? " (no JavaScript)" : ""}: HTTP ${status}`);
    }
    // Our own page over plain HTTP, when the proxy says the browser was on HTTPS: another scheme.
    const status = await send(e2eBaseUrl, noJs, { "x-forwarded-proto": "https" });
    if (status !== 403) unexpected.push(`http origin behind https proxy${noJs ? " (no JavaScript)" : ""}: HTTP ${status}`);
    // Our own Origin, but a forwarded host that is not ours (Next compares the two).
    const forwarded = await send(e2eBaseUrl, noJs, { "x-forwarded-host": "evil.example" });
    if (forwarded !== 403) unexpected.push(`x-forwarded-host elsewhere${noJs ? " (no JavaScript)" : ""}: HTTP ${forwarded}`);
    // A route handler's name in the query does not take the request past the gate.
    const queried = await send("http://evil.example", noJs, {}, "?/calendar.ics");
    if (queried !== 403) unexpected.push(`?/calendar.ics from evil.example${noJs ? " (no JavaScript)" : ""}: HTTP ${queried}`);
  }
  const changed = (await countBriefs()) - before;
  // The same request from our own page is let in, so each refusal above could have failed.
  const own = await send(e2eBaseUrl, false);
  const ownAdded = (await countBriefs()) - before;

  const line = report("action-origin", { refused: 16 - unexpected.length, changed, ownStatus: own }, unexpected.length === 0);
  expect(unexpected, line).toEqual([]);
  expect(changed, line).toBe(0);
  expect(own, line).toBeLessThan(400);
  expect(ownAdded, line).toBe(1);
});

test("the language picker goes back only to a path on this site, whatever its form says", async () => {
  const w = await createWorld();
  const choose = serverActions(w).find((a) => a.name === "chooseLanguage");
  if (!choose) throw new Error("chooseLanguage is not in the build");
  const backTo = async (back: string) => {
    const body = new FormData();
    body.append(`$ACTION_ID_${choose.id}`, "");
    body.append("language", "en-GB");
    body.append("back", back);
    const res = await fetch(`${e2eBaseUrl}/`, { method: "POST", headers: { origin: e2eBaseUrl }, body, redirect: "manual" });
    await res.arrayBuffer();
    return { status: res.status, location: res.headers.get("location") };
  };
  expect(await backTo(`/e/${w.a.slug}`)).toEqual({ status: 303, location: `/e/${w.a.slug}` });
  // A tab or a new line (which URL parsers drop: "/\t/evil.example" is "//evil.example"), another
  // site, a protocol-relative path: each goes home instead, and none answers 500.
  for (const back of ["/\t/evil.example/x", "/\n/x", "//evil.example", "https://evil.example", "/\\evil.example"]) {
    expect(await backTo(back), JSON.stringify(back)).toEqual({ status: 303, location: "/" });
  }
});
