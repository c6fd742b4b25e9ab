import { describe, expect, it } from "vitest";
import { contractVersion } from "../constants";
import { checkCommands } from "./check-commands";
import { Outbox, updatedMessage } from "./outbox";

function memoryStore() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe("an outbox kept across a new contract version", () => {
  it("survives the reload; what still parses is sent, what does not is refused with a message", () => {
    const store = memoryStore();
    // Written by the page of the old version (which recorded no version), before it was told to reload.
    store.setItem(
      "k",
      JSON.stringify([
        { id: "still-good", name: "note:create", payload: { boardId: "b", column: "c", text: "Benches" }, createdAt: 1 },
        { id: "no-longer", name: "note:create", payload: { boardId: "b", text: "No column" }, createdAt: 2 },
        { id: "gone", name: "note:shout", payload: {}, createdAt: 3 },
      ]),
    );
    const outbox = new Outbox(store, "k");
    const stale = outbox.stale(contractVersion);
    expect(stale.map((c) => c.id)).toEqual(["still-good", "no-longer", "gone"]);

    for (const { id, error } of checkCommands(stale)) {
      if (error) outbox.fail(id, error);
      else outbox.adopt(id, contractVersion);
    }
    const afterReload = new Outbox(store, "k");
    expect(afterReload.stale(contractVersion)).toEqual([]);
    expect(afterReload.unsent().map((c) => c.id)).toEqual(["still-good"]);
    expect(
      afterReload
        .list()
        .filter((c) => c.error)
        .map((c) => [c.id, c.error?.message]),
    ).toEqual([
      ["no-longer", updatedMessage],
      ["gone", updatedMessage],
    ]);
  });
});
