import { describe, expect, it } from "vitest";
import { claimLeaseMs } from "./claims";
import { permanentlyRefused } from "./deliver";
import { linkToken, linkTokenId, linkTokenValid } from "./links";
import { relayTimeouts, unsubscribeHeaders } from "./mailer";
import { relayIsOut } from "./relay-out";
import { renderEmail } from "./render";
import { checkInReminderEmail } from "./templates";

describe("renderEmail: one template, two bodies", () => {
  const content = checkInReminderEmail({
    locale: "en-GB",
    kind: "due",
    projectTitle: 'Café "in <b>the</b> park"',
    eventName: "Made in Lambeth",
    milestoneTitle: "First steps taken",
    dueAt: Date.UTC(2027, 0, 31, 12),
    link: "https://madein.example/r/abc",
    stopUrl: "https://madein.example/stop/def",
  });
  const email = renderEmail(content);

  it("says the same in text and HTML, with the reason and the stop link", () => {
    for (const body of [email.text, email.html]) {
      expect(body).toContain("Your next check-in is due by 31 Jan 2027.");
      expect(body).toContain("https://madein.example/r/abc");
      expect(body).toContain("https://madein.example/stop/def");
      expect(body).toContain("You got this because you own");
    }
    // The body links the page that asks; a mail client's one-click POST goes where it stops.
    expect(email.text).not.toContain("/stop/def/now");
    expect(email.oneClickStopUrl).toBe("https://madein.example/stop/def/now");
  });

  it("escapes what people typed in the HTML body", () => {
    expect(email.html).toContain("in &lt;b&gt;the&lt;/b&gt; park");
    expect(email.html).not.toContain("<b>the</b>");
    expect(email.text).toContain("in <b>the</b> park");
  });

  it("refuses a link that is not http(s)", () => {
    expect(() => renderEmail({ ...content, blocks: [{ kind: "button", label: "x", url: "javascript:alert(1)" }] })).toThrow();
  });
});

describe("unsubscribeHeaders: a mail client's own unsubscribe button", () => {
  it("promises one click (RFC 8058) only for an https address", () => {
    expect(unsubscribeHeaders("https://madein.example/stop/def/now")).toEqual({
      "List-Unsubscribe": "<https://madein.example/stop/def/now>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });
  it("over plain http (a local install) names the link but makes no one-click promise", () => {
    expect(unsubscribeHeaders("http://localhost:3000/stop/def/now")).toEqual({
      "List-Unsubscribe": "<http://localhost:3000/stop/def/now>",
    });
  });
});

describe("links in emails", () => {
  it("are bound to their purpose, their id and what they were made for", () => {
    const token = linkToken("secret", "update", "project-1", "owner-hash");
    expect(linkTokenId(token)).toBe("project-1");
    expect(linkTokenValid("secret", "update", token, "owner-hash")).toBe(true);
    expect(linkTokenValid("secret", "update", token, "a-new-owner-hash")).toBe(false);
    expect(linkTokenValid("secret", "stop", token, "owner-hash")).toBe(false);
    expect(linkTokenValid("other secret", "update", token, "owner-hash")).toBe(false);
    expect(linkTokenValid("secret", "update", token.replace("project-1", "project-2"), "owner-hash")).toBe(false);
  });
});

describe("waiting on the relay", () => {
  it("tells a refusal for good (5xx about the message) from one for now (4xx) and from a relay that is out", () => {
    expect(permanentlyRefused({ code: "EENVELOPE", responseCode: 550 })).toBe(true);
    expect(permanentlyRefused({ code: "EENVELOPE", responseCode: 451 })).toBe(false);
    expect(permanentlyRefused({ code: "EAUTH", responseCode: 535 })).toBe(false);
    expect(permanentlyRefused({ code: "ETIMEDOUT" })).toBe(false);
    expect(permanentlyRefused(null)).toBe(false);
  });

  it("a send gives up on a silent relay within a form's wait, well inside a scheduled email's claim lease", () => {
    const longest = relayTimeouts.connectionTimeout + relayTimeouts.socketTimeout;
    expect(relayTimeouts.greetingTimeout).toBeLessThanOrEqual(relayTimeouts.connectionTimeout);
    expect(longest).toBeLessThan(60_000);
    expect(claimLeaseMs).toBeGreaterThan(10 * longest);
  });

  it("tells a relay that is out (every message would fail) from one refusing a message", () => {
    for (const code of ["ETIMEDOUT", "ECONNECTION", "ESOCKET", "EDNS", "ETLS", "EAUTH"]) expect(relayIsOut({ code })).toBe(true);
    for (const code of ["EENVELOPE", "EMESSAGE", undefined]) expect(relayIsOut({ code })).toBe(false);
    expect(relayIsOut(null)).toBe(false);
    // nodemailer's timeouts before the relay greeted us are the relay's; one in a message is that message's.
    for (const timeoutType of ["CONNECT_TIMEOUT", "GREETING_TIMEOUT", "UPGRADE_TIMEOUT"]) {
      expect(relayIsOut({ code: "ETIMEDOUT", timeoutType })).toBe(true);
    }
    expect(relayIsOut({ code: "ETIMEDOUT", timeoutType: "SOCKET_TIMEOUT" })).toBe(false);
  });
});
