import { describe, expect, it } from "vitest";
import { maxPhotoBytes } from "@/lib/files/photo-limits";
import { maxCheckInPhotos } from "@/lib/projects/check-in-limits";
import { actionBodyProblem, maxBodyBytes, routeHandlerPattern, tooBigMessage } from "./action-gate";

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

  it("refuses what React's decoder throws on: a BigInt over 300 characters, arrays past a million slots", async () => {
    const digits = (n: number) => "9".repeat(n);
    expect(await actionBodyProblem("text/plain", Buffer.from(JSON.stringify([`$n${digits(300)}`])), true)).toBeNull();
    expect(await actionBodyProblem("text/plain", Buffer.from(JSON.stringify([`$n-${digits(299)}`])), true)).toBeNull();
    expect(await actionBodyProblem("text/plain", Buffer.from(JSON.stringify([`$n${digits(301)}`])), true)).toMatch(/refer/);
    expect(await actionBodyProblem("text/plain", Buffer.from(JSON.stringify([`$n-${digits(300)}`])), true)).toMatch(/refer/);
    const half = "a".repeat(500_001);
    expect(await actionBodyProblem("text/plain", Buffer.from(JSON.stringify([half, half])), true)).toMatch(/refer/);
    // The same characters in an object's members, or in one unforked array, React does not count.
    expect(await actionBodyProblem("text/plain", Buffer.from(JSON.stringify([{ a: half, b: half }])), true)).toBeNull();
    expect(await actionBodyProblem("text/plain", Buffer.from(JSON.stringify([[`${half}${half}`]])), true)).toBeNull();
  });

  it("refuses a form posted without JavaScript whose action or bound arguments React can't read", async () => {
    const noScript = async (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append("displayName", "Sam");
      const { type, body } = await multipart(form);
      return actionBodyProblem(type, body, false);
    };
    const action = (bound: string, args?: string) => ({
      $ACTION_REF_1: "",
      "$ACTION_1:0": JSON.stringify({ id: "70b8251d62cca2ab74431ef52e404b4a054ca3f336", bound }),
      ...(args === undefined ? {} : { "$ACTION_1:1": args }),
      $ACTION_KEY: "k3902957c9fa49dd18d818bf9f605269a",
    });
    // What our pages render: the join form's action, bound to the code and its first state.
    expect(await noScript(action("$@1", '["J3DDWE",{}]'))).toBeNull();
    expect(await noScript({ [`$ACTION_ID_${"a".repeat(42)}`]: "" })).toBeNull();
    // React references among the bound arguments.
    expect(await noScript(action("$@1", '[{"a":"$Q9"}]'))).toMatch(/refers/);
    expect(await noScript(action("$@1", '["$T"]'))).toMatch(/refers/);
    expect(await noScript(action("$@1", '["$B1"]'))).toMatch(/refers/);
    expect(await noScript(action("$@1", `["$n${"9".repeat(301)}"]`))).toMatch(/refers/);
    // Bound arguments that aren't there, aren't a list, are too many, or are the descriptor itself.
    expect(await noScript(action("$@1"))).toMatch(/not a list/);
    expect(await noScript(action("$@1", '{"a":1}'))).toMatch(/not a list/);
    expect(await noScript(action("$@1", JSON.stringify(Array(1001).fill(1))))).toMatch(/too much/);
    expect(await noScript(action("$@0", "[]"))).toMatch(/isn't there/);
    expect(await noScript(action("$Q1", "[]"))).toMatch(/isn't there/);
    // A descriptor that isn't one.
    expect(await noScript({ $ACTION_REF_1: "", "$ACTION_1:0": '"just a string"' })).toMatch(/not an action/);
    expect(await noScript({ $ACTION_REF_1: "", "$ACTION_1:0": '{"id":5}' })).toMatch(/not an action/);
    expect(await noScript({ $ACTION_REF_1: "", "$ACTION_1:0": '{"id":"x","bound":null,"more":"$Q1"}' })).toMatch(/more than/);
    expect(await noScript({ $ACTION_REF_1: "" })).toMatch(/not an action/);
    expect(await noScript({ $ACTION_REF_1: "", $ACTION_REF_2: "", $ACTION_REF_3: "" })).toMatch(/too many/);
  });

  it("refuses a script's arguments sent twice, or as a file, which React's decoder can't read", async () => {
    const twice = new FormData();
    twice.append("0", '["my-slug"]');
    twice.append("0", "[1]");
    const asFile = new FormData();
    asFile.append("0", new Blob(['["my-slug"]']), "0.json");
    for (const form of [twice, asFile]) {
      const { type, body } = await multipart(form);
      expect(await actionBodyProblem(type, body, true)).toMatch(/not one text/);
    }
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
  const mb = 1024 * 1024;
  it("lets only signed-in staff send an event's 50 MB zip to the import page", () => {
    expect(maxBodyBytes("/o/import", "staff")).toBe(52 * mb);
    expect(maxBodyBytes("/o/import?x=1", "staff")).toBe(52 * mb);
    // Anyone else posting to the import page gets no more than their other forms.
    expect(maxBodyBytes("/o/import", "owner")).toBe(mb);
    expect(maxBodyBytes("/o/import", "participant")).toBe(mb);
    expect(maxBodyBytes("/o/import", "stranger")).toBe(mb);
  });

  it("takes the check-in the form promises (four 8 MB photos and its words) from its owner and staff", async () => {
    // The largest check-in the form allows: every photo at its limit, every field full of 4-byte characters.
    const form = new FormData();
    for (let i = 0; i < maxCheckInPhotos; i++) form.append("photos", new Blob([new Uint8Array(maxPhotoBytes)]), `p${i}.jpg`);
    for (const field of ["progress", "evidence", "numbers", "learning", "helpNeeded"]) form.append(field, "𝄞".repeat(4000));
    form.append("links", "𝄞".repeat(8000));
    form.append("authorName", "𝄞".repeat(120));
    const largest = (await new Response(form).arrayBuffer()).byteLength;
    for (const path of ["/update/a-project", "/o/some-event/projects/a-project"]) {
      expect(maxBodyBytes(path, "staff"), path).toBeGreaterThanOrEqual(largest);
    }
    expect(maxBodyBytes("/update/a-project", "owner")).toBeGreaterThanOrEqual(largest);
    // Three photos of 6.4 MB, which a 13 MB limit refused.
    expect(maxBodyBytes("/update/a-project", "owner")).toBeGreaterThan(3 * 6.4 * mb);
  });

  it("gives participants and strangers, whose forms carry words only, 1 MB anywhere", () => {
    for (const path of ["/j/ABC123", "/signin", "/update/a-project", "/o/some-event", "/o/import/../../j/ABC123", undefined]) {
      expect(maxBodyBytes(path, "participant")).toBe(mb);
      expect(maxBodyBytes(path, "stranger")).toBe(mb);
    }
    expect(maxBodyBytes("/j/ABC123", "owner")).toBe(mb);
  });

  it("tells a post over its limit the limit of what that form carries", () => {
    expect(tooBigMessage("/update/p", "owner")).toEqual({ key: "server.checkInTooBig", values: { photos: 4, size: 8 } });
    expect(tooBigMessage("/o/ev/projects/p", "staff").key).toBe("server.checkInTooBig");
    expect(tooBigMessage("/o/import", "staff").key).toBe("server.importTooBig");
    expect(tooBigMessage("/o/ev/briefs/b", "staff").key).toBe("server.tooBig");
    expect(tooBigMessage("/j/ABC123", "stranger").key).toBe("server.formTooBig");
    expect(tooBigMessage("/update/p", "participant").key).toBe("server.formTooBig");
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
