import { describe, expect, it } from "vitest";
import { type BodyAdmission, createBodyBudget } from "./body-budget";

// Shares of the whole room: these tests are about the other limits.
const limits = {
  totalBytes: 100,
  reserveBytes: 20,
  smallBytes: 10,
  perAddress: 3,
  perPerson: 2,
  addressShare: 1,
  personShare: 1,
};
const mb = 1024 * 1024;
const admitted = (a: BodyAdmission) => {
  if (!a.ok) throw new Error(`refused: ${a.refusal}`);
  return a;
};

describe("the bodies one process holds at once", () => {
  it("refuses a large body once large ones fill all but the reserve, and still takes small ones", () => {
    const budget = createBodyBudget(limits);
    admitted(budget.admit({ address: "a", person: null, bytes: 50 }));
    admitted(budget.admit({ address: "b", person: null, bytes: 30 }));
    expect(budget.admit({ address: "c", person: null, bytes: 11 })).toEqual({ ok: false, refusal: "busy" });
    // A form without files uses the reserve: the room's forms go on while uploads wait.
    for (const address of ["c", "d"]) admitted(budget.admit({ address, person: null, bytes: 10 }));
    expect(budget.admit({ address: "e", person: null, bytes: 1 })).toEqual({ ok: false, refusal: "busy" });
    expect(budget.inUse()).toEqual({ bytes: 100, arriving: 4 });
  });

  it("frees a body's bytes once it is answered, and counts it against its address and person only while it arrives", () => {
    const budget = createBodyBudget(limits);
    const first = admitted(budget.admit({ address: "a", person: "p", bytes: 40 }));
    admitted(budget.admit({ address: "a", person: "p", bytes: 40 }));
    expect(budget.admit({ address: "b", person: "p", bytes: 1 })).toEqual({ ok: false, refusal: "person" });
    first.arrived();
    expect(budget.inUse()).toEqual({ bytes: 80, arriving: 1 });
    // In, but not yet answered: its bytes still count, not its place in the person's line.
    const third = admitted(budget.admit({ address: "b", person: "p", bytes: 1 }));
    expect(budget.admit({ address: "b", person: null, bytes: 40 })).toEqual({ ok: false, refusal: "busy" });
    first.release();
    first.release(); // twice changes nothing
    third.release();
    expect(budget.inUse()).toEqual({ bytes: 40, arriving: 1 });
    admitted(budget.admit({ address: "b", person: null, bytes: 40 }));
  });

  it("limits the bodies arriving at once from one address, whoever sends them", () => {
    const budget = createBodyBudget(limits);
    for (const person of ["p", "q", null]) admitted(budget.admit({ address: "venue", person, bytes: 1 }));
    expect(budget.admit({ address: "venue", person: "r", bytes: 1 })).toEqual({ ok: false, refusal: "address" });
    admitted(budget.admit({ address: "elsewhere", person: "r", bytes: 1 }));
  });

  it("keeps one address to its share of the room for uploads: six identities behind it can't fill it", () => {
    const budget = createBodyBudget();
    const photo = 8 * mb;
    const theirs = Array.from({ length: 24 }, (_, i) => budget.admit({ address: "one", person: `p${i % 6}`, bytes: photo }));
    // 44 MB of the 176: five photos, then each new one refused at once.
    expect(theirs.filter((a) => a.ok)).toHaveLength(5);
    expect(theirs.slice(5).map((a) => (a.ok ? "admitted" : a.refusal))).toEqual(Array(19).fill("addressShare"));
    // Another address's upload still gets in, and so do the first address's forms without files.
    admitted(budget.admit({ address: "another", person: null, bytes: photo }));
    admitted(budget.admit({ address: "one", person: "p0", bytes: 2_000 }));
    // One of its photos answered: room for one more.
    admitted(theirs[0] as BodyAdmission).release();
    admitted(budget.admit({ address: "one", person: "p5", bytes: photo }));
  });

  it("keeps one person to their share, from whichever address", () => {
    const budget = createBodyBudget();
    admitted(budget.admit({ address: "venue", person: "p", bytes: 8 * mb }));
    admitted(budget.admit({ address: "phone network", person: "p", bytes: 8 * mb }));
    // 22 MB each: a third photo waits for the first two.
    expect(budget.admit({ address: "home", person: "p", bytes: 8 * mb })).toEqual({ ok: false, refusal: "personShare" });
    admitted(budget.admit({ address: "home", person: "q", bytes: 8 * mb }));
  });

  it("lets an address or person holding no upload start one bigger than its share, when the process has room", () => {
    const budget = createBodyBudget();
    // An organiser's 52 MB import, over both shares.
    const bigImport = admitted(budget.admit({ address: "office", person: "account:a", bytes: 52 * mb }));
    expect(budget.admit({ address: "office", person: "account:b", bytes: 8 * mb })).toEqual({
      ok: false,
      refusal: "addressShare",
    });
    expect(budget.admit({ address: "train", person: "account:a", bytes: 8 * mb })).toEqual({ ok: false, refusal: "personShare" });
    bigImport.release();
    admitted(budget.admit({ address: "office", person: "account:a", bytes: 8 * mb }));
  });
});
