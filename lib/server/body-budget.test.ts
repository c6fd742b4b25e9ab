import { describe, expect, it } from "vitest";
import { type BodyAdmission, createBodyBudget } from "./body-budget";

const limits = { totalBytes: 100, reserveBytes: 20, smallBytes: 10, perAddress: 3, perPerson: 2 };
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
});
