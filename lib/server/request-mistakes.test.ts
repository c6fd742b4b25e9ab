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

  it("refuses a request target that isn't a path, which Next glues to its origin and fails to parse", () => {
    for (const target of ["*", "http://evil.example/x", "evil.example:443", "x", "?a=1"]) {
      expect(requestMistake("OPTIONS", target), target).toEqual({ status: 400, key: "server.badAddress" });
      expect(requestMistake("GET", target), target).toEqual({ status: 400, key: "server.badAddress" });
    }
    expect(requestMistake("OPTIONS", "/")).toBeNull();
    expect(requestMistake("GET", "//two-slashes")).toBeNull();
  });

  it("refuses a navigation whose router state Next can't read, and lets real ones through", () => {
    const tree = encodeURIComponent(JSON.stringify(["", { children: ["e", {}, null, null] }, null, null]));
    expect(requestMistake("GET", "/e/x", { rsc: "1", "next-router-state-tree": tree })).toBeNull();
    expect(requestMistake("GET", "/e/x", { rsc: "1" })).toBeNull();
    for (const bad of ["nope", "%", "[1,2", encodeURIComponent('{"children":1}'), "x".repeat(40_001)]) {
      expect(requestMistake("GET", "/e/x", { rsc: "1", "next-router-state-tree": bad }), bad.slice(0, 20)).toEqual({
        status: 400,
        key: "server.badRequest",
      });
    }
    // Not a navigation: Next does not read it.
    expect(requestMistake("GET", "/e/x", { "next-router-state-tree": "nope" })).toBeNull();
  });
});
