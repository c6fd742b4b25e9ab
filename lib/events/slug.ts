/**
 * Words an event's slug never is: the organisers' pages beside the events under /o/ (importing an
 * archive, the events list's fingerprint). An event called "Import" would otherwise have no page.
 */
export const reservedSlugs: ReadonlySet<string> = new Set(["import", "version"]);

/** "Made in Lambeth: Spring!" → "made-in-lambeth-spring". Short, stable, safe in a URL. */
export function slugify(name: string, fallback = "event"): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return slug || fallback;
}
