import { sharedDatabase } from "@/db";
import { jsonDownload } from "@/lib/privacy/json-download";
import { projectOwnerData } from "@/lib/privacy/subject-data";
import { ownedProject } from "@/lib/projects/owner-session";

/** The project owner's download: the project, its owners and every update posted on it. */
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const owned = await ownedProject(projectId);
  if (!owned) return new Response("Open your project link on this device first.", { status: 403 });
  const data = await projectOwnerData((await sharedDatabase()).read, projectId);
  if (!data) return new Response("There is no such project.", { status: 404 });
  return jsonDownload(data, "project-your-data.json");
}
