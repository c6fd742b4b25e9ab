import { z } from "zod";
import { sign, unsign } from "@/lib/auth/tokens";

/** Ten minutes to get through the provider's sign-in page and back. */
export const flowLifetimeMs = 10 * 60_000;
export const flowCookie = "madein_sso";

const flowSchema = z.object({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  verifier: z.string().min(43).max(200),
  next: z.string().max(500),
  invite: z.string().max(200).optional(),
  setup: z.boolean().optional(),
  expiresAt: z.number(),
});

export type FlowState = z.infer<typeof flowSchema>;

/**
 * What the callback needs to finish a sign-in it started (state, nonce and PKCE verifier, where
 * to go afterwards), kept in a signed cookie for the round trip through the provider: nothing is
 * stored on the server for a visitor who never comes back.
 */
export function sealFlow(flow: FlowState, secret: string): string {
  return sign(Buffer.from(JSON.stringify(flow)).toString("base64url"), secret);
}

export function openFlow(cookie: string | undefined, secret: string, now = Date.now()): FlowState | null {
  if (!cookie) return null;
  const payload = unsign(cookie, secret);
  if (!payload) return null;
  try {
    const parsed = flowSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return parsed.success && parsed.data.expiresAt > now ? parsed.data : null;
  } catch {
    return null;
  }
}
