import { describe, expect, it } from "vitest";
import { actionBodyProblem, maxBodyBytes, routeHandlerPattern } from "./action-gate";

const multipart = async (form: FormData) => {
  const res = new Response(form);
  return { type: res.headers.get("content-type") ?? "", body: Buffer.from(await res.arrayBuffer()) };
};

describe("actionBodyProblem", () => {
  it("lets through what React's encodeReply sends for our forms", async () => {
    const form = new FormData();
    form.set("0", JSON.stringify(["my-slug", { message: "$undefined", values: { name: "$$dollars" } }, "$K1"]));
    form.set("1_name", "Resident");
    form.set("1_file", new Blob(["bytes"]), "map.png");
    const { type, body } = await multipart(form);
    expect(await actionBodyProblem(type, body, true)).toBeNull();
    expect(await actionBodyProblem("text/plain;charset=UTF-8", Buffer.from('["my-slug"]'), true)).toBeNull();
  });

  it("refuses bodies Next's decoder would fail on", async () => {
    expect(await actionBodyProblem("text/plain", Buffer.from(""), true)).toMatch(/JSON/);
    expect(await actionBodyProblem("text/plain", Buffer.from("5"), true)).toMatch(/list/);
    expect(await actionBodyProblem("text/plain", Buffer.from('["$Q2"]'), true)).toMatch(/refer/);
    expect(await actionBodyProblem("text/plain", Buffer.from('["$K1"]'), true)).toMatch(/refer/);
    expect(await actionBodyProblem("multipart/form-data", Buffer.from("garbage"), true)).toMatch(/multipart/);
    const form = new FormData();
    form.set("0", "{not json");
    const { type, body } = await multipart(form);
    expect(await actionBodyProblem(type, body, true)).toMatch(/JSON/);
  });

  it("refuses a field without a name, which Next's multipart parser hands React as undefined", async () => {
    for (const isFetch of [true, false]) {
      const form = new FormData();
      form.set("0", JSON.stringify(["no-such-invite", {}]));
      form.append("", "x");
      const { type, body } = await multipart(form);
      expect(await actionBodyProblem(type, body, isFetch)).toMatch(/without a name/);
    }
  });
});

describe("maxBodyBytes", () => {
  it("lets only signed-in staff send an event's 50 MB zip to the import page; other forms stop at 13 MB, a stranger's at 1 MB", () => {
    const mb = 1024 * 1024;
    expect(maxBodyBytes("/o/import", "staff")).toBe(52 * mb);
    expect(maxBodyBytes("/o/import?x=1", "staff")).toBe(52 * mb);
    // Anyone else posting to the import page gets no more than any other form.
    expect(maxBodyBytes("/o/import", "known")).toBe(13 * mb);
    expect(maxBodyBytes("/o/import", "stranger")).toBe(mb);
    for (const path of ["/j/ABC123", "/signin", "/o/some-event", "/o/import/../../j/ABC123", "/o/importer", undefined]) {
      expect(maxBodyBytes(path, "staff")).toBe(13 * mb);
      expect(maxBodyBytes(path, "known")).toBe(13 * mb);
      expect(maxBodyBytes(path, "stranger")).toBe(mb);
    }
  });
});

describe("routeHandlerPattern", () => {
  const pattern = routeHandlerPattern([
    "/(public)/e/[slug]/page",
    "/(public)/e/[slug]/version/route",
    "/(public)/e/[slug]/calendar.ics/route",
    "/(organiser)/o/[slug]/export/csv/[table]/route",
    "/(participant)/r/[token]/route",
    "/docs/[...path]/route",
    "/manifest.webmanifest/route",
  ])!;
  it("knows every route handler of the build, whatever its params, and no page", () => {
    for (const path of [
      "/e/made-in-lambeth/version",
      "/e/made-in-lambeth/calendar.ics",
      "/o/x/export/csv/notes",
      "/r/abc",
      "/docs/a/b/c",
      "/manifest.webmanifest",
    ]) {
      expect(pattern.test(path), path).toBe(true);
    }
    for (const path of ["/e/made-in-lambeth", "/e/x/versions", "/r/abc/extra", "/o/x/export/csv", "/manifestXwebmanifest", "/"]) {
      expect(pattern.test(path), path).toBe(false);
    }
  });
  it("is nothing without route handlers", () => {
    expect(routeHandlerPattern(["/page", "/(public)/e/[slug]/page"])).toBeNull();
  });
});
