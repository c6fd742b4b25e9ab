import { getLocale, getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { jsonDownload } from "@/lib/privacy/json-download";
import { projectOwnerData } from "@/lib/privacy/subject-data";
import { ownedProject } from "@/lib/projects/owner-session";

/** The project owner's download: the project, its owners and every update posted on it. */
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const t = await getTranslations("phone.update.data");
  const owned = await ownedProject(projectId);
  if (!owned) return new Response(t("openLinkFirst"), { status: 403, headers: { "content-type": "text/plain; charset=utf-8" } });
  const data = await projectOwnerData((await sharedDatabase()).read, projectId, await getLocale());
  if (!data) return new Response(t("noProject"), { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return jsonDownload(data, "project-your-data.json");
}
