import { describe, expect, it } from "vitest";
import { hashToken, newToken, sign, tokenForSubmission, unsign } from "./tokens";

const secret = "a-test-secret-that-is-long-enough-1234";

describe("tokenForSubmission", () => {
  it("is the same for the same form sent again, so its link can be shown again, and unlike any other", () => {
    const form = "6f1c1a57-52c3-4c4e-9b0e-1f6f1f0c2a11";
    const token = tokenForSubmission(secret, "staff-invite", form);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenForSubmission(secret, "staff-invite", form)).toBe(token);
    expect(tokenForSubmission(secret, "device-link", form)).not.toBe(token);
    expect(tokenForSubmission(`${secret}-other`, "staff-invite", form)).not.toBe(token);
    expect(tokenForSubmission(secret, "staff-invite", "7f1c1a57-52c3-4c4e-9b0e-1f6f1f0c2a11")).not.toBe(token);
  });
});

describe("newToken / hashToken", () => {
  it("makes 256-bit url-safe tokens that do not repeat", () => {
    const tokens = new Set(Array.from({ length: 100 }, newToken));
    expect(tokens.size).toBe(100);
    for (const t of tokens) expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("hashes deterministically and not to the token itself", () => {
    const t = newToken();
    expect(hashToken(t)).toBe(hashToken(t));
    expect(hashToken(t)).not.toBe(t);
    expect(hashToken(t)).not.toBe(hashToken(newToken()));
  });
});

describe("sign / unsign", () => {
  it("round-trips a value, including one with dots in it", () => {
    expect(unsign(sign("3f1c-participant", secret), secret)).toBe("3f1c-participant");
    expect(unsign(sign("a.b.c", secret), secret)).toBe("a.b.c");
  });

  it("refuses a tampered value, a tampered signature and another secret", () => {
    const signed = sign("participant-1", secret);
    const [value, mac] = [signed.slice(0, signed.lastIndexOf(".")), signed.slice(signed.lastIndexOf(".") + 1)];
    expect(unsign(`participant-2.${mac}`, secret)).toBeNull();
    const flipped = (mac[0] === "A" ? "B" : "A") + mac.slice(1);
    expect(unsign(`${value}.${flipped}`, secret)).toBeNull();
    expect(unsign(`${value}.${mac.slice(0, -1)}`, secret)).toBeNull();
    expect(unsign(`${value}.${mac}x`, secret)).toBeNull();
    expect(unsign(signed, "another-secret-that-is-long-enough-5678")).toBeNull();
  });

  it("refuses something that was never signed", () => {
    expect(unsign("participant-1", secret)).toBeNull();
    expect(unsign("", secret)).toBeNull();
    expect(unsign(".abc", secret)).toBeNull();
    expect(unsign("participant-1.", secret)).toBeNull();
  });
});
