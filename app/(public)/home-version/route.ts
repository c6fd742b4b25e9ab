import { sharedDatabase } from "@/db";
import { listedEvents, listedEventsVersion } from "@/lib/events/listed-events";
import { sharedPublicVersion } from "@/lib/events/public-version";

// One reading answers every open home page asking within a moment of each other.
const versions = sharedPublicVersion(async () => listedEventsVersion(await listedEvents((await sharedDatabase()).read)));

/** The home page's fingerprint: its open copies follow events published, renamed, moved or ended. */
export async function GET() {
  const version = await versions("home", "event");
  if (!version) return new Response(null, { status: 404 });
  return new Response(version, { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
}
