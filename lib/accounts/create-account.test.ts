import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, migrateDatabase, openDatabase } from "@/db/client";
import { accounts } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { createAccount, newAccountSchema, prepareAccount } from "./create-account";

const file = join(tmpdir(), `madein-create-account-${randomUUID()}.db`);
let db: Database;

beforeAll(async () => {
  await migrateDatabase(`file:${file}`);
  db = await openDatabase(`file:${file}`);
});
afterAll(() => {
  db.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
});

const firstError = (input: unknown, field: string) => {
  const parsed = newAccountSchema.safeParse(input);
  return parsed.success ? undefined : parsed.error.issues.find((i) => i.path[0] === field)?.message;
};

describe("newAccountSchema", () => {
  const valid = { name: "Sam Organiser", email: "sam@example.org", password: "ten chars!" };

  it("trims the name and normalises the email", () => {
    const parsed = newAccountSchema.parse({ ...valid, name: "  Sam  ", email: "  Sam@Example.ORG " });
    expect(parsed.name).toBe("Sam");
    expect(parsed.email).toBe("sam@example.org");
  });

  it("stores an address typed with a fullwidth keyboard's domain as the one DNS knows, so sign-in matches it", () => {
    const typed = "Sam\uFF20\uFF25xample\uFF0EORG";
    expect(newAccountSchema.parse({ ...valid, email: typed }).email).toBe("sam@example.org");
  });

  it("asks for a name of 1 to 80 characters", () => {
    expect(firstError({ ...valid, name: "   " }, "name")).toBe("Tell us your name.");
    expect(firstError({ ...valid, name: "a".repeat(81) }, "name")).toMatch(/80 characters/);
    expect(firstError({ ...valid, name: "a".repeat(80) }, "name")).toBeUndefined();
  });

  it("rejects something that is not an email address", () => {
    expect(firstError({ ...valid, email: "" }, "email")).toBe("Enter your email address.");
    expect(firstError({ ...valid, email: "sam at example" }, "email")).toMatch(/like name@example.org/);
  });

  it("asks for a password of 10 to 200 characters", () => {
    expect(firstError({ ...valid, password: "123456789" }, "password")).toMatch(/at least 10/);
    expect(firstError({ ...valid, password: "1234567890" }, "password")).toBeUndefined();
    expect(firstError({ ...valid, password: "x".repeat(201) }, "password")).toMatch(/200 characters/);
  });
});

describe("createAccount", () => {
  it("stores a hash, never the password", async () => {
    const email = `${randomUUID()}@example.org`;
    const prepared = await prepareAccount({ name: "Ali", email, password: "a long enough password" });
    const result = await db.transact((tx) => createAccount(tx, prepared));
    expect(result.ok).toBe(true);
    const [row] = await db.read.select().from(accounts).where(eq(accounts.email, email));
    expect(row?.passwordHash).not.toContain("a long enough password");
    expect(await verifyPassword("a long enough password", row!.passwordHash)).toBe(true);
  });

  it("refuses a second account with the same email", async () => {
    const email = `${randomUUID()}@example.org`;
    const prepared = { name: "Ali", email, passwordHash: "scrypt$x" };
    expect((await db.transact((tx) => createAccount(tx, prepared))).ok).toBe(true);
    expect(await db.transact((tx) => createAccount(tx, prepared))).toEqual({ ok: false, reason: "email_taken" });
  });
});
