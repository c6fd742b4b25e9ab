import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LocalDiskStorage, newStorageKey } from "./storage";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const store = () => {
  const dir = mkdtempSync(join(tmpdir(), "madein-files-"));
  dirs.push(dir);
  return new LocalDiskStorage(dir);
};

describe("LocalDiskStorage", () => {
  it("saves, reads back and removes a file under a random key", async () => {
    const storage = store();
    const key = newStorageKey();
    expect(key).toMatch(/^[a-f0-9]{32}$/);
    await storage.save(key, new TextEncoder().encode("hello"));
    expect(new TextDecoder().decode((await storage.read(key))!)).toBe("hello");
    expect(readdirSync(join(storage.root, key.slice(0, 2)))).toEqual([key]);
    await storage.remove(key);
    expect(await storage.read(key)).toBeNull();
    await storage.remove(key); // twice is fine
  });

  it("keeps variants beside a file and removes them with it", async () => {
    const storage = store();
    const key = newStorageKey();
    const other = `${key.slice(0, 2)}${newStorageKey().slice(2)}`;
    await storage.save(key, new TextEncoder().encode("full"));
    await storage.save(key, new TextEncoder().encode("small"), "w320");
    await storage.save(other, new TextEncoder().encode("neighbour"));
    expect(new TextDecoder().decode((await storage.read(key, "w320"))!)).toBe("small");
    expect(await storage.read(key, "w640")).toBeNull();
    await storage.remove(key);
    expect(await storage.read(key)).toBeNull();
    expect(await storage.read(key, "w320")).toBeNull();
    expect(readdirSync(join(storage.root, key.slice(0, 2)))).toEqual([other]);
    await expect(storage.read(key, "../x")).rejects.toThrow("Not a storage variant");
  });

  it("refuses keys that are not its own, so nothing outside the store can be reached", async () => {
    const storage = store();
    for (const key of ["../../etc/passwd", "ABC", "", `${"a".repeat(31)}/`]) {
      await expect(storage.read(key)).rejects.toThrow("Not a storage key");
      await expect(storage.save(key, new Uint8Array([1]))).rejects.toThrow("Not a storage key");
    }
  });
});
