import { describe, expect, it } from "vitest";
import { refusalOf } from "./refusal";
import { notConnectedMessage } from "./room-controls";

describe("the words a refused board setting is shown with", () => {
  it("are the server's, the field's own first", () => {
    expect(refusalOf({ ok: false, error: { code: "not_found", message: "That board doesn't exist." } })).toBe(
      "That board doesn't exist.",
    );
    expect(
      refusalOf({
        ok: false,
        error: { code: "invalid", message: "Check the form", issues: [{ path: "title", message: "A board title is too long" }] },
      }),
    ).toBe("A board title is too long");
  });

  it("say the change was not sent when there was no connection to send it on", () => {
    expect(refusalOf(null)).toBe(notConnectedMessage);
  });

  it("are none for a change the room took", () => {
    expect(refusalOf({ ok: true, result: {} })).toBeNull();
  });
});
