import "server-only";
import { eq } from "drizzle-orm";
import { sharedDatabase } from "@/db";
import { projects } from "@/db/schema";
import { ownedProject } from "./owner-session";

/**
 * A language chosen on a project owner's update page (/update/<project>), by the device that
 * holds that project's owner cookie: kept with the project, so their reminder emails are in it.
 * An owner has no account to keep it with, and an email is written where no cookie is.
 */
export async function keepOwnerLanguage(page: string, language: string) {
  const projectId = /^\/update\/([\w-]{1,100})(?:[/?#]|$)/.exec(page)?.[1];
  if (!projectId || !(await ownedProject(projectId))) return;
  const db = await sharedDatabase();
  await db.transact((tx) => tx.update(projects).set({ ownerLanguage: language }).where(eq(projects.id, projectId)));
}
