import { describe, expect, it } from "vitest";
import { sayDeviceLabel } from "./device-label";
import { deviceLabel } from "./devices";

const polish = (key: "deviceLabel" | "aBrowser", values?: { browser: string; system: string }) =>
  key === "aBrowser" ? "Przeglądarka" : `${values?.browser} na ${values?.system}`;

describe("a device's label in the reader's language", () => {
  it("keeps the browser and system names and says the words around them", () => {
    const android = deviceLabel("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36");
    expect(android).toBe("Chrome on Android");
    expect(sayDeviceLabel(android, polish)).toBe("Chrome na Android");
    expect(sayDeviceLabel(deviceLabel("curl/8.0"), polish)).toBe("Przeglądarka");
    expect(sayDeviceLabel(deviceLabel("Mozilla/5.0 (X11; Linux x86_64) Gecko"), polish)).toBe("Przeglądarka na Linux");
  });
});
