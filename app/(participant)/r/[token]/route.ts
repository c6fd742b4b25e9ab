import { eq } from "drizzle-orm";
import { NextResponse } from "next/server";
import { sharedDatabase } from "@/db";
import { projects } from "@/db/schema";
import { sessionSecret } from "@/lib/auth/web-session";
import { linkTokenId, linkTokenValid } from "@/lib/email/links";
import { setOwnerCookie } from "@/lib/projects/owner-session";

const seeOther = (location: string) => new NextResponse(null, { status: 303, headers: { Location: location } });

/**
 * The "Post an update" button of a reminder email: like the owner's link, but bound to it, so
 * a replaced or stopped owner link shuts the emailed ones out too.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const projectId = linkTokenId(token);
  if (!projectId) return seeOther("/update/expired");
  const [project] = await (await sharedDatabase()).read
    .select({ id: projects.id, tokenHash: projects.ownerTokenHash })
    .from(projects)
    .where(eq(projects.id, projectId));
  if (!project?.tokenHash || !linkTokenValid(sessionSecret(), "update", token, project.tokenHash))
    return seeOther("/update/expired");
  await setOwnerCookie(project.id, project.tokenHash);
  return seeOther(`/update/${project.id}`);
}
