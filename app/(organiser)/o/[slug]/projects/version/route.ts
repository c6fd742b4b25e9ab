import { sharedDatabase } from "@/db";
import { followUpVersion } from "@/lib/projects/follow-up-version";
import { organiserOf } from "../../../../access";

/** The follow-up pages' fingerprint for this event's organisers (`?project=` for one project's page). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const found = await organiserOf((await params).slug);
  if (!found) return new Response(null, { status: 403 });
  const project = new URL(request.url).searchParams.get("project") ?? undefined;
  const version = await followUpVersion((await sharedDatabase()).read, found.event.id, {
    projectId: project,
    organiser: found.account.id,
  });
  return new Response(version, { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
}
