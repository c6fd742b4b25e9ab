import { describe, expect, it } from "vitest";
import { readDraft, sendable, settle, withDraft, writeDraft } from "./draft";

const server = {
  title: "Old",
  summary: "",
  made: "",
  learned: "",
  links: [],
  imageIds: [],
  nextSteps: "",
  takenForwardBy: "",
  needs: "",
};

describe("showcase drafts", () => {
  it("shows my unconfirmed changes over the server's", () => {
    expect(withDraft(server, { title: "New" }).title).toBe("New");
  });
  it("forgets a field once the server confirmed it, unless I typed more since", () => {
    expect(settle({ title: "Abc", made: "x" }, { title: "Abc" })).toEqual({ made: "x" });
    expect(settle({ title: "Abcd" }, { title: "Abc" })).toEqual({ title: "Abcd" });
    expect(settle({ links: [{ title: "a", url: "" }] }, { links: [{ title: "a", url: "" }] })).toEqual({});
  });
  it("holds back links while one is half typed, not the other fields", () => {
    expect(sendable({ title: "T", links: [{ title: "Site", url: "https://parks" }] })).toEqual({ title: "T" });
    expect(sendable({ links: [{ title: "Site", url: "https://parks.example" }] })).toEqual({
      links: [{ title: "Site", url: "https://parks.example" }],
    });
  });
  it("survives a reload through storage, and ignores rubbish", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    writeDraft(storage, "t1", { made: "half a sent" });
    expect(readDraft(storage, "t1")).toEqual({ made: "half a sent" });
    writeDraft(storage, "t1", {});
    expect(store.size).toBe(0);
    store.set("t2", "not json");
    expect(readDraft(storage, "t2")).toEqual({});
  });
});
