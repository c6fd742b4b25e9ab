import { sharedDatabase } from "@/db";
import { actorForEvent, sessionSecret } from "@/lib/auth/web-session";
import { joinPageVersion } from "@/lib/events/join-version";

/** The join page's (`?page=privacy`: the privacy notice's) fingerprint, for the page that holds its signed follow token (`?t=`): what its open copies ask to follow the event. */
export async function GET(request: Request) {
  const asked = new URL(request.url).searchParams;
  const token = asked.get("t") ?? "";
  const page = asked.get("page") === "privacy" ? "privacy" : "join";
  const joined = async (eventId: string) => (await actorForEvent(eventId)) !== null;
  const version =
    token.length <= 200 ? await joinPageVersion((await sharedDatabase()).read, token, sessionSecret(), page, joined) : null;
  if (!version) return new Response(null, { status: 404 });
  return new Response(version, { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
}
