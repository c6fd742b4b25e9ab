import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";

/**
 * Where uploaded files live. One small interface, so a cloud bucket can replace the local disk
 * without touching anything that uploads or serves files. Keys are ours (random), never a name
 * someone typed, so they cannot point outside the store. A file may have variants (an image's
 * narrower copies, `w640`): they live and die with it.
 */
export interface FileStorage {
  save(key: string, data: Uint8Array, variant?: string): Promise<void>;
  /** The file's (or its variant's) bytes, or null when there is no such file. */
  read(key: string, variant?: string): Promise<Uint8Array | null>;
  /** Removes the file and all its variants; removing a file that is not there is not an error. */
  remove(key: string): Promise<void>;
}

/** 32 hex characters from a CSPRNG: unguessable, and safe as a file name anywhere. */
export const newStorageKey = () => randomBytes(16).toString("hex");
const keyPattern = /^[a-f0-9]{32}$/;
const variantPattern = /^[a-z0-9]{1,16}$/;

function checkedKey(key: string, variant?: string) {
  if (!keyPattern.test(key)) throw new Error("Not a storage key");
  if (variant !== undefined && !variantPattern.test(variant)) throw new Error("Not a storage variant");
  return variant === undefined ? key : `${key}.${variant}`;
}

/** Files on this machine's disk, spread over 256 folders so no one folder grows huge. */
export class LocalDiskStorage implements FileStorage {
  readonly root: string;
  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathFor(key: string, variant?: string) {
    const safe = checkedKey(key, variant);
    return join(this.root, safe.slice(0, 2), safe);
  }

  async save(key: string, data: Uint8Array, variant?: string) {
    const path = this.pathFor(key, variant);
    await mkdir(join(path, ".."), { recursive: true, mode: 0o700 });
    // Written beside, then renamed: a reader never sees half a file.
    const partial = `${path}.${randomBytes(4).toString("hex")}.partial`;
    await writeFile(partial, data, { mode: 0o600 });
    await rename(partial, path);
  }

  async read(key: string, variant?: string) {
    try {
      return new Uint8Array(await readFile(this.pathFor(key, variant)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async remove(key: string) {
    const path = this.pathFor(key);
    const folder = join(path, "..");
    const names = await readdir(folder).catch(() => [] as string[]);
    // Variants first: the file itself goes last, so a remove cut short can simply be run again.
    const variants = names.filter((name) => name.startsWith(`${key}.`));
    await Promise.all(variants.map((name) => rm(join(folder, name), { force: true })));
    await rm(path, { force: true });
  }
}

/** Where uploads go when UPLOAD_DIR is not set (see lib/config/env.ts). */
const defaultUploadDir = "./data/uploads";

/** The storage this process uses. Pages and route handlers read UPLOAD_DIR, set by server.ts. */
export function fileStorage(): FileStorage {
  return new LocalDiskStorage(process.env.UPLOAD_DIR || defaultUploadDir);
}
