import type { MetadataRoute } from "next";
import { cookies, headers } from "next/headers";
import { appManifest } from "@/lib/i18n/app-manifest";
import { readerLocale } from "@/lib/i18n/reader-locale";

/**
 * Lets a facilitator pin the console to a tablet's home screen; participants need nothing installed.
 * Read per request (the cookie and Accept-Language), so it is said in the reader's language.
 */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const language = readerLocale((await cookies()).toString(), (await headers()).get("accept-language"));
  return appManifest(language);
}
