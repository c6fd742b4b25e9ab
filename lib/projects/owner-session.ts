import "server-only";
import { cookies, headers } from "next/headers";
import { sharedDatabase } from "@/db";
import { sign, unsign } from "@/lib/auth/tokens";
import { sessionSecret } from "@/lib/auth/web-session";
import { projectForOwner } from "./owner-link";

/**
 * A project owner's device, after opening their link: a signed cookie for that one project,
 * carrying the link's hash, so making a new link (or stopping it) shuts out old devices too.
 */
const ownerCookieName = (projectId: string) => `mi_o_${projectId}`;
const ownerCookieDays = 200;

export async function setOwnerCookie(projectId: string, tokenHash: string) {
  const h = await headers();
  const secure = h.get("x-forwarded-proto") === "https" || (process.env.PUBLIC_URL ?? "").startsWith("https:");
  (await cookies()).set(ownerCookieName(projectId), sign(`${projectId}.${tokenHash}`, sessionSecret()), {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    maxAge: ownerCookieDays * 24 * 3600,
  });
}

/** The project this device may update, or null when its cookie is missing, forged or stale. */
export async function ownedProject(projectId: string) {
  const raw = (await cookies()).get(ownerCookieName(projectId))?.value;
  const value = raw ? unsign(raw, sessionSecret()) : null;
  if (!value) return null;
  const dot = value.indexOf(".");
  if (value.slice(0, dot) !== projectId) return null;
  return projectForOwner((await sharedDatabase()).read, projectId, value.slice(dot + 1));
}
