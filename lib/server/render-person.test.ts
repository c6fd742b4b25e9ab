import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { participantCookieValue } from "@/lib/auth/identity";
import { sign } from "@/lib/auth/tokens";
import { renderPersonOf } from "./render-person";

const secret = "render-person-test-secret-0123456789abcdef";
const asking = (cookie: string) => ({ headers: { cookie } }) as IncomingMessage;

describe("who a page request comes from, for a line of their own", () => {
  it("is the participant or project owner a cookie we signed names, and nobody for a made-up one", async () => {
    const personOf = renderPersonOf(secret, async () => null);
    const participant = sign(participantCookieValue("p-amara", "d-1"), secret);
    expect(await personOf(asking(`mi_lang=fr; mi_p_event1=${encodeURIComponent(participant)}`))).toBe("participant:p-amara");
    expect(await personOf(asking(`mi_o_project9=${sign("project9.hash", secret)}`))).toBe("owner:project9");
    expect(await personOf(asking(`mi_p_event1=${sign("p-amara:d-1", "someone else's secret")}`))).toBeNull();
    expect(await personOf(asking("mi_p_event1=p-amara:d-1"))).toBeNull();
    expect(await personOf(asking(""))).toBeNull();
  });

  it("is the staff member a live session belongs to, looked up at most once a minute per session", async () => {
    let clock = 0;
    const lookups: string[] = [];
    const personOf = renderPersonOf(
      secret,
      async (token) => {
        lookups.push(token);
        return token === "live-session" ? "account-1" : null;
      },
      () => clock,
    );
    expect(await personOf(asking("mi_session=live-session"))).toBe("staff:account-1");
    expect(await personOf(asking("mi_session=live-session"))).toBe("staff:account-1");
    expect(await personOf(asking("mi_session=made-up"))).toBeNull();
    expect(lookups).toEqual(["live-session", "made-up"]);
    clock += 60_000;
    await personOf(asking("mi_session=live-session"));
    expect(lookups).toEqual(["live-session", "made-up", "live-session"]);
  });
});
