import { describe, expect, it } from "vitest";
import { Outbox } from "./outbox";

function memoryStore() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

const command = (id: string) => ({ id, name: "note:create" as const, payload: { text: id }, createdAt: 1 });

describe("Outbox", () => {
  it("keeps commands across a reload, in the order they were made", () => {
    const store = memoryStore();
    const first = new Outbox(store, "k");
    first.add(command("a"));
    first.add(command("b"));
    const afterReload = new Outbox(store, "k");
    expect(afterReload.unsent().map((c) => c.id)).toEqual(["a", "b"]);
  });

  it("adds a command once, and forgets it once acknowledged", () => {
    const outbox = new Outbox(memoryStore(), "k");
    outbox.add(command("a"));
    outbox.add(command("a"));
    expect(outbox.list()).toHaveLength(1);
    outbox.remove("a");
    expect(new Outbox(memoryStore(), "k").list()).toHaveLength(0);
    expect(outbox.list()).toHaveLength(0);
  });

  it("keeps a refused command visible but stops sending it", () => {
    const store = memoryStore();
    const outbox = new Outbox(store, "k");
    outbox.add(command("a"));
    outbox.add(command("b"));
    outbox.fail("a", { code: "invalid", message: "too long" });
    expect(outbox.unsent().map((c) => c.id)).toEqual(["b"]);
    expect(new Outbox(store, "k").list().find((c) => c.id === "a")?.error?.message).toBe("too long");
  });

  it("survives corrupt or missing storage", () => {
    const store = memoryStore();
    store.setItem("k", "{not json");
    expect(new Outbox(store, "k").list()).toEqual([]);
    const noStorage = new Outbox(null, "k");
    noStorage.add(command("a"));
    expect(noStorage.list()).toHaveLength(1);
  });
});

describe("a command the server asked to wait", () => {
  it("stays queued with the server's reason, and leaves when it is finally accepted", () => {
    const outbox = new Outbox(null, "k");
    outbox.add({ id: "a", name: "note:create", payload: {}, createdAt: 1 });
    outbox.wait("a", "That's a lot of notes very quickly. Yours will be added in a moment.");
    expect(outbox.unsent().map((c) => c.id)).toEqual(["a"]);
    expect(outbox.list()[0]?.waiting).toMatch(/a lot of notes/);
    outbox.remove("a");
    expect(outbox.list()).toEqual([]);
  });
});
