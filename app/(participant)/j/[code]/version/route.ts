import { sharedDatabase } from "@/db";
import { sessionSecret } from "@/lib/auth/web-session";
import { joinPageVersion } from "@/lib/events/join-version";

/** The join page's fingerprint, for the page that holds its signed follow token (`?t=`): what its open copies ask to follow the event. */
export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("t") ?? "";
  const version = token.length <= 200 ? await joinPageVersion((await sharedDatabase()).read, token, sessionSecret()) : null;
  if (!version) return new Response(null, { status: 404 });
  return new Response(version, { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
}
