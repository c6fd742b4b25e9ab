/**
 * One template, two bodies: a template returns this structure, and `renderEmail` writes both the
 * plain-text and the HTML body from it, so they can never say different things. Templates are
 * plain functions of their data and the reader's language (lib/email/templates.ts).
 */
import { allLocales } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

export type EmailBlock =
  | { kind: "text"; text: string }
  | { kind: "button"; label: string; url: string }
  | { kind: "list"; items: { text: string; url?: string }[] };

export type EmailContent = {
  /** The reader's language: the whole email, its foot included, is in it. */
  locale: string;
  subject: string;
  /** "Hello Sam," or similar; optional. */
  greeting?: string;
  blocks: EmailBlock[];
  /** Why this person got this message, said at the foot of every email. */
  reason: string;
  /** The page where one click stops messages like this one (`<base>/stop/<token>`), linked at the foot. */
  stopUrl?: string;
  /** What that link says; "Stop these reminders" unless given. */
  stopLabel?: string;
};

export type RenderedEmail = {
  subject: string;
  text: string;
  html: string;
  /** Where a mail client's own "unsubscribe" posts (List-Unsubscribe, RFC 8058): the stop page's form target. */
  oneClickStopUrl?: string;
};

/**
 * The stop page only asks (a link scanner opening it must stop nothing); its form posts to
 * `<page>/now` (app/(public)/stop/[token]/now/route.ts), which stops. A mail client's one-click
 * POST goes straight there.
 */
export const oneClickStopUrl = (stopPageUrl: string) => `${stopPageUrl}/now`;

const escapeHtml = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

/** Only http(s) links go into a message; anything else would be a bug in the caller. */
function safeUrl(url: string) {
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error("An email link must be http(s)");
  return parsed.toString();
}

export function renderEmail(content: EmailContent): RenderedEmail {
  const t = translator(content.locale, "email");
  // "Post an update:" above its link in the plain text; French puts a space before the colon.
  const linkLabel = (label: string) => t("linkLabel", { label });
  const text: string[] = [];
  const html: string[] = [];
  if (content.greeting) {
    text.push(content.greeting);
    html.push(`<p>${escapeHtml(content.greeting)}</p>`);
  }
  for (const block of content.blocks) {
    if (block.kind === "text") {
      text.push(block.text);
      html.push(`<p>${escapeHtml(block.text)}</p>`);
    } else if (block.kind === "button") {
      const url = safeUrl(block.url);
      text.push(`${linkLabel(block.label)}\n${url}`);
      html.push(
        `<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;border-radius:8px;font-weight:bold;text-decoration:none">${escapeHtml(block.label)}</a></p>`,
      );
    } else {
      text.push(block.items.map((i) => `- ${i.text}${i.url ? `\n  ${safeUrl(i.url)}` : ""}`).join("\n"));
      html.push(
        `<ul>${block.items
          .map(
            (i) => `<li>${i.url ? `<a href="${escapeHtml(safeUrl(i.url))}">${escapeHtml(i.text)}</a>` : escapeHtml(i.text)}</li>`,
          )
          .join("")}</ul>`,
      );
    }
  }
  const stopLabel = content.stopLabel ?? t("stopReminders");
  text.push("--", content.reason);
  const foot = [`<p style="color:#555555;font-size:14px">${escapeHtml(content.reason)}</p>`];
  if (content.stopUrl) {
    const url = safeUrl(content.stopUrl);
    text.push(`${linkLabel(stopLabel)} ${url}`);
    foot.push(`<p style="font-size:14px"><a href="${escapeHtml(url)}">${escapeHtml(stopLabel)}</a></p>`);
  }
  return {
    subject: content.subject,
    text: `${text.join("\n\n")}\n`,
    html: `<!doctype html><html lang="${escapeHtml(content.locale)}" dir="${allLocales.find((l) => l.code === content.locale)?.dir ?? "ltr"}"><body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#111111;max-width:560px">${html.join("")}<hr>${foot.join("")}</body></html>`,
    oneClickStopUrl: content.stopUrl ? oneClickStopUrl(safeUrl(content.stopUrl)) : undefined,
  };
}
