import { describe, expect, it } from "vitest";
import { missingToPublish } from "./publish-rule";

const draft = { status: "draft" as const, problem: "" };

describe("what a brief needs before it is published", () => {
  it("refuses to publish a brief with only a title: phones would show an empty card", () => {
    expect(missingToPublish(draft, { status: "published", problem: "" })).toEqual(["problem"]);
    expect(missingToPublish(draft, { status: "published", problem: "   \n " })).toEqual(["problem"]);
  });

  it("publishes one whose problem is written, typed in the same save or before", () => {
    expect(missingToPublish(draft, { status: "published", problem: "Paths are dark at night." })).toEqual([]);
    const written = { status: "draft" as const, problem: "Paths are dark at night." };
    expect(missingToPublish(written, { ...written, status: "published" })).toEqual([]);
  });

  it("refuses to empty the problem of a published brief", () => {
    const live = { status: "published" as const, problem: "Paths are dark at night." };
    expect(missingToPublish(live, { status: "published", problem: "" })).toEqual(["problem"]);
  });

  it("asks nothing of a draft or a withdrawn brief", () => {
    expect(missingToPublish(draft, draft)).toEqual([]);
    expect(missingToPublish({ status: "published", problem: "x" }, { status: "withdrawn", problem: "" })).toEqual([]);
  });

  it("lets a brief published empty before this rule be edited otherwise until its problem is written", () => {
    const legacy = { status: "published" as const, problem: "" };
    expect(missingToPublish(legacy, legacy)).toEqual([]);
  });
});
