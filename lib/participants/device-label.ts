/**
 * A device's label as kept ("Chrome on Android", or "A browser" when its browser is not one we
 * know), said in the reader's language where it is shown: the browser and system names are
 * names, the words around them are not.
 */
export const unknownBrowser = "A browser";

export type DeviceWords = (key: "deviceLabel" | "aBrowser", values?: { browser: string; system: string }) => string;

export function sayDeviceLabel(label: string, say: DeviceWords): string {
  const parts = /^(.+) on (.+)$/.exec(label);
  const browser = parts ? parts[1]! : label;
  const browserSaid = browser === unknownBrowser ? say("aBrowser") : browser;
  return parts ? say("deviceLabel", { browser: browserSaid, system: parts[2]! }) : browserSaid;
}
