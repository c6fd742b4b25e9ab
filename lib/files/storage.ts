import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

/**
 * Where uploaded files live. One small interface, so a cloud bucket can replace the local disk
 * without touching anything that uploads or serves files. Keys are ours (random), never a name
 * someone typed, so they cannot point outside the store.
 */
export interface FileStorage {
  save(key: string, data: Uint8Array): Promise<void>;
  /** The file's bytes, or null when there is no such file. */
  read(key: string): Promise<Uint8Array | null>;
  /** Removes the file; removing a file that is not there is not an error. */
  remove(key: string): Promise<void>;
}

/** 32 hex characters from a CSPRNG: unguessable, and safe as a file name anywhere. */
export const newStorageKey = () => randomBytes(16).toString("hex");
const keyPattern = /^[a-f0-9]{32}$/;

function checkedKey(key: string) {
  if (!keyPattern.test(key)) throw new Error("Not a storage key");
  return key;
}

/** Files on this machine's disk, spread over 256 folders so no one folder grows huge. */
export class LocalDiskStorage implements FileStorage {
  readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathFor(key: string) {
    const safe = checkedKey(key);
    return join(this.root, safe.slice(0, 2), safe);
  }

  async save(key: string, data: Uint8Array) {
    const path = this.pathFor(key);
    await mkdir(join(path, ".."), { recursive: true });
    // Written beside, then renamed: a reader never sees half a file.
    const partial = `${path}.${randomBytes(4).toString("hex")}.partial`;
    await writeFile(partial, data, { mode: 0o600 });
    await rename(partial, path);
  }

  async read(key: string) {
    try {
      return new Uint8Array(await readFile(this.pathFor(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async remove(key: string) {
    await rm(this.pathFor(key), { force: true });
  }
}

/** Where uploads go when UPLOAD_DIR is not set (see lib/config/env.ts). */
export const defaultUploadDir = "./data/uploads";

/** The storage this process uses. Pages and route handlers read UPLOAD_DIR, set by server.ts. */
export function fileStorage(): FileStorage {
  return new LocalDiskStorage(process.env.UPLOAD_DIR || defaultUploadDir);
}
