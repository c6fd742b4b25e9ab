import { expect, it } from "vitest";
import { demoFridays } from "./demo-dates";

const at = (iso: string) => Date.parse(iso);

it("the demo's weekend is this week's Friday, the next one from a Saturday or Sunday, and the second fourteen weeks on", () => {
  expect(demoFridays(at("2026-12-07T09:00:00Z"))).toEqual(["2026-12-11", "2027-03-19"]); // a Monday
  expect(demoFridays(at("2026-12-11T20:00:00Z"))).toEqual(["2026-12-11", "2027-03-19"]); // the Friday itself
  expect(demoFridays(at("2026-12-12T10:00:00Z"))).toEqual(["2026-12-18", "2027-03-26"]); // a Saturday
  expect(demoFridays(at("2026-12-13T23:30:00Z"))).toEqual(["2026-12-18", "2027-03-26"]); // Sunday night
});

it("counts days on London's calendar: half past midnight on a summer Friday is already Friday there", () => {
  // 23:30 UTC on Thursday 2 July 2026 is 00:30 on Friday 3 July in London (BST).
  expect(demoFridays(at("2026-07-02T23:30:00Z"))[0]).toBe("2026-07-03");
});
