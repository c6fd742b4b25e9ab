import { sharedDatabase } from "@/db";
import { inviteVersion } from "@/lib/invites/invite-version";

/** The invitation page's fingerprint: what its open copy asks to follow a revocation, an expiry or a renamed event. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (token.length > 200) return new Response(null, { status: 404 });
  const version = await inviteVersion((await sharedDatabase()).read, token);
  return new Response(version, { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
}
