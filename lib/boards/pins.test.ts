import { describe, expect, it } from "vitest";
import { clampPin, describePin, isPin, nudgePin, pinAtPoint, pinProblem } from "./pins";

describe("pins on a map board", () => {
  it("accepts fractions from 0 to 1 and nothing else", () => {
    expect(isPin({ x: 0, y: 1 })).toBe(true);
    expect(isPin({ x: 0.25, y: 0.75 })).toBe(true);
    expect(isPin({ x: -0.01, y: 0.5 })).toBe(false);
    expect(isPin({ x: 0.5, y: 1.01 })).toBe(false);
    expect(isPin({ x: Number.NaN, y: 0.5 })).toBe(false);
    expect(isPin({ x: Number.POSITIVE_INFINITY, y: 0.5 })).toBe(false);
    expect(isPin({ x: "0.5", y: 0.5 })).toBe(false);
    expect(isPin(null)).toBe(false);
    expect(isPin({ x: 0.5 })).toBe(false);
  });

  it("keeps a dragged pin on the map", () => {
    expect(clampPin({ x: 1.4, y: -0.2 })).toEqual({ x: 1, y: 0 });
    expect(clampPin({ x: 0.123456, y: 0.5 })).toEqual({ x: 0.1235, y: 0.5 });
    expect(clampPin({ x: Number.NaN, y: 0.3 })).toEqual({ x: 0.5, y: 0.3 });
  });

  it("turns a tap into a fraction of the drawn image", () => {
    const rect = { left: 10, top: 100, width: 200, height: 100 };
    expect(pinAtPoint(rect, 110, 150)).toEqual({ x: 0.5, y: 0.5 });
    expect(pinAtPoint(rect, 10, 100)).toEqual({ x: 0, y: 0 });
    expect(pinAtPoint(rect, 500, 50)).toEqual({ x: 1, y: 0 });
    expect(pinAtPoint({ left: 0, top: 0, width: 0, height: 0 }, 5, 5)).toEqual({ x: 0.5, y: 0.5 });
  });

  it("moves a pin with the arrow keys, further with Shift, never off the map", () => {
    const pin = { x: 0.5, y: 0.5 };
    expect(nudgePin(pin, "ArrowRight")).toEqual({ x: 0.52, y: 0.5 });
    expect(nudgePin(pin, "ArrowUp")).toEqual({ x: 0.5, y: 0.48 });
    expect(nudgePin(pin, "ArrowDown", true)).toEqual({ x: 0.5, y: 0.6 });
    expect(nudgePin({ x: 0.01, y: 0.99 }, "ArrowLeft")).toEqual({ x: 0, y: 0.99 });
    expect(nudgePin({ x: 0.01, y: 0.99 }, "ArrowDown", true)).toEqual({ x: 0.01, y: 1 });
  });

  it("asks for a pin on a map board and refuses one elsewhere", () => {
    expect(pinProblem({ template: "map" }, { x: 0.2, y: 0.3 })).toBeNull();
    expect(pinProblem({ template: "map" }, null)).toMatch(/Tap the map/);
    expect(pinProblem({ template: "ideas" }, { x: 0.2, y: 0.3 })).toMatch(/no map/);
    expect(pinProblem({ template: "ideas" }, undefined)).toBeNull();
  });

  it("says where a pin is in words", () => {
    expect(describePin({ x: 0.5, y: 0.5 })).toBe("in the centre of the map");
    expect(describePin({ x: 0.1, y: 0.9 })).toBe("bottom left of the map");
  });
});
