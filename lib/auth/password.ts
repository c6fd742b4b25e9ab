import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(scryptCallback) as (p: string, s: Buffer, len: number, o: object) => Promise<Buffer>;

// OWASP's scrypt floor (N=2^17, r=8, p=1); the parameters travel with the hash so they can rise later.
const N = 2 ** 17;
const r = 8;
const p = 1;
const keyLength = 32;
const maxmem = 256 * 1024 * 1024;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, keyLength, { N, r, p, maxmem });
  return `scrypt$${N}$${r}$${p}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/**
 * Whether a stored value is a password hash at all: an account made through single sign-on
 * stores a marker instead (lib/sso/complete-sign-in.ts), so it has no password to type or change.
 */
export const isPasswordHash = (stored: string) => stored.startsWith("scrypt$");

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !rr || !pp || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  try {
    const actual = await scrypt(password, Buffer.from(salt, "base64url"), expected.length, {
      N: Number(n),
      r: Number(rr),
      p: Number(pp),
      maxmem,
    });
    return timingSafeEqual(actual, expected);
  } catch {
    return false; // a damaged stored hash never signs anyone in
  }
}
