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

  it("refuses keys that are not its own, so nothing outside the store can be reached", async () => {
    const storage = store();
    for (const key of ["../../etc/passwd", "ABC", "", `${"a".repeat(31)}/`]) {
      await expect(storage.read(key)).rejects.toThrow("Not a storage key");
      await expect(storage.save(key, new Uint8Array([1]))).rejects.toThrow("Not a storage key");
    }
  });
});
