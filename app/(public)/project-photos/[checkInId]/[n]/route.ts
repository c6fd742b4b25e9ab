import { eq } from "drizzle-orm";
import { sharedDatabase } from "@/db";
import { events, projectCheckIns, projects } from "@/db/schema";
import { staffRole } from "@/lib/auth/identity";
import { currentAccount } from "@/lib/auth/web-session";
import { imageNotFound, imageResponse } from "@/lib/files/serve-image";
import { fileStorage } from "@/lib/files/storage";
import { ownedProject } from "@/lib/projects/owner-session";

/**
 * A photo from a check-in, at the width `?w=` asks for: for anyone when the project is on a
 * published event's progress page (stripped of its metadata at upload, like every image);
 * otherwise only for the event's staff and the project's owner.
 */
export async function GET(request: Request, { params }: { params: Promise<{ checkInId: string; n: string }> }) {
  const { checkInId, n } = await params;
  const db = await sharedDatabase();
  const [row] = await db.read
    .select({
      photos: projectCheckIns.photos,
      projectId: projects.id,
      isPublic: projects.isPublic,
      eventId: events.id,
      status: events.status,
    })
    .from(projectCheckIns)
    .innerJoin(projects, eq(projects.id, projectCheckIns.projectId))
    .innerJoin(events, eq(events.id, projects.eventId))
    .where(eq(projectCheckIns.id, checkInId));
  const photo = row?.photos[Number(n)];
  if (!row || !photo || !/^\d+$/.test(n)) return imageNotFound(request);
  const open = row.isPublic && row.status !== "draft";
  if (!open) {
    const account = await currentAccount();
    const staff = account ? await staffRole(db.read, row.eventId, account.id) : null;
    if (!staff && !(await ownedProject(row.projectId))) return imageNotFound(request);
  }
  // A minute at most in a shared cache: a project taken off the progress page stops being served soon after.
  const cache = open ? "public, max-age=60" : "private, max-age=3600";
  return (await imageResponse(request, fileStorage(), photo, cache)) ?? imageNotFound(request);
}
