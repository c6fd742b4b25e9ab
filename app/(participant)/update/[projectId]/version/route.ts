import { sharedDatabase } from "@/db";
import { followUpVersion } from "@/lib/projects/follow-up-version";
import { ownedProject } from "@/lib/projects/owner-session";

/** The owner's page's fingerprint: only for a device holding this project's owner link, and only of this project. */
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const owned = await ownedProject(projectId);
  if (!owned) return new Response(null, { status: 403 });
  const version = await followUpVersion((await sharedDatabase()).read, owned.project.eventId, { projectId });
  return new Response(version, { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
}
