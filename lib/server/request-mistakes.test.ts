import { describe, expect, it } from "vitest";
import { requestMistake } from "./request-mistakes";

describe("requests the server answers itself", () => {
  it("refuses a path that isn't valid percent-encoding, which Next would fail on", () => {
    expect(requestMistake("GET", "/p/%")).toEqual({ status: 400, key: "server.badAddress" });
    expect(requestMistake("GET", "/p/%E0%A4%A")).toEqual({ status: 400, key: "server.badAddress" });
    expect(requestMistake("GET", "/p/caf%C3%A9?x=%")).toBeNull();
  });

  it("answers 405 to a method nothing here uses, 404 to Next's error page asked for by name", () => {
    for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "CONNECT", "PROPFIND"]) {
      expect(requestMistake(method, "/e/some-event/calendar.ics"), method).toEqual({ status: 405, key: "server.notUsedHere" });
    }
    for (const method of ["GET", "HEAD", "POST", "OPTIONS"]) expect(requestMistake(method, "/"), method).toBeNull();
    expect(requestMistake("GET", "/_global-error")).toEqual({ status: 404, key: "server.notFound" });
    expect(requestMistake("GET", "/_global-error?x=1")).toEqual({ status: 404, key: "server.notFound" });
    expect(requestMistake("GET", "/_global-errors-are-fine")).toBeNull();
  });
});
