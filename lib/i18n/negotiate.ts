import { match } from "@formatjs/intl-localematcher";
import { defaultLocale, knownLocale, offeredLocales } from "./locales";

/** The tags of an Accept-Language header, most wanted first ("pt-BR,pt;q=0.9,en;q=0.5"). */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 1000) // a header is a few dozen characters; never parse a stranger's megabyte
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((l) => l.tag && l.tag !== "*" && l.weight > 0 && /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(l.tag))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((l) => l.tag);
}

/** Languages a browser can ask for by itself: easy read and the pseudo-locale are only ever chosen. */
function negotiable(): string[] {
  return offeredLocales()
    .filter((l) => !l.pseudo && !l.fallback)
    .map((l) => l.code);
}

/** The language a person asked for: their own choice, else the best their browser asks for; null if we speak none of it. */
export function askedLocale(input: { chosen?: string | null; acceptLanguage?: string | null }): string | null {
  const chosen = knownLocale(input.chosen);
  if (chosen) return chosen;
  const wanted = acceptedLanguages(input.acceptLanguage);
  if (wanted.length === 0) return null;
  try {
    const found = match(wanted, negotiable(), "none", { algorithm: "best fit" });
    // "Best fit" also offers a language the person never asked for (Somali → English): only one
    // of the languages they asked for counts, in whichever of its variants we speak.
    const base = (tag: string) => tag.split("-")[0]?.toLowerCase();
    return found !== "none" && wanted.some((tag) => base(tag) === base(found)) ? found : null;
  } catch {
    return null; // a malformed tag the matcher rejects: not worth an error page
  }
}

/** The language for a person: their own choice, else what their browser asks for, else the fallback. */
export function resolveLocale(input: {
  chosen?: string | null;
  acceptLanguage?: string | null;
  fallback?: string | null;
}): string {
  return askedLocale(input) ?? knownLocale(input.fallback) ?? defaultLocale;
}
