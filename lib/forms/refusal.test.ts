import { describe, expect, it } from "vitest";
import { readRefusal, refusalBody } from "./refusal";

describe("a form's refusal, as its script reads it", () => {
  it("carries the status and the reader's message through the Error React's client throws", () => {
    const error = new Error(refusalBody(413, "C’est trop pour un seul envoi.\nVraiment."));
    expect(readRefusal(error)).toEqual({ status: 413, message: "C’est trop pour un seul envoi.\nVraiment." });
  });

  it("is nothing for a connection that failed, or an answer that wasn't ours", () => {
    expect(readRefusal(new TypeError("Failed to fetch"))).toBeNull();
    expect(readRefusal(new Error("An unexpected response was received from the server."))).toBeNull();
    expect(readRefusal("Made In refused 413: a string, not an error")).toBeNull();
  });
});
