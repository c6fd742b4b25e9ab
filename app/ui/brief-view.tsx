import { useLocale, useTranslations } from "next-intl";
import type { BriefWithPack } from "@/lib/briefs/find-briefs";
import { fileKindKey } from "@/lib/files/file-types";
import { SafeMarkdown, safeUrl } from "@/lib/markdown/markdown";

/**
 * "1.2 MB", "340 KB" in English; in another language its own decimal separator and units
 * ("1,2 MB", "1,2 Mo"), from Intl with the same rounding.
 */
export function formatFileSize(bytes: number, locale = "en-GB") {
  const megabytes = bytes >= 1024 * 1024;
  const english = megabytes ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (locale.toLowerCase().startsWith("en")) return english;
  const digits = megabytes ? 1 : 0;
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: megabytes ? "megabyte" : "kilobyte",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(Number.parseFloat(english));
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
};

type Level = 1 | 2 | 3;
const H = ({ level, id, className, children }: { level: number; id?: string; className: string; children: React.ReactNode }) => {
  const Tag = `h${Math.min(level, 6)}` as "h2";
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
};

function Part({ term, text }: { term: string; text: string }) {
  if (!text) return null;
  return (
    <div>
      <dt className="text-sm font-bold text-ink-soft">{term}</dt>
      <dd className="mt-0.5 whitespace-pre-line break-words">{text}</dd>
    </div>
  );
}

/** The brief itself: the problem, why it matters, success, constraints and owner. */
export function BriefBody({ brief, level, withProblem = true }: { brief: BriefWithPack; level: Level; withProblem?: boolean }) {
  const t = useTranslations("brief.view");
  return (
    <div className="grid gap-6 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <dl className="space-y-4">
        {withProblem ? <Part term={t("problem")} text={brief.problem} /> : null}
        <Part term={t("whyItMatters")} text={brief.whyItMatters} />
        <Part term={t("successLooksLike")} text={brief.successLooksLike} />
      </dl>
      {brief.budget || brief.timescale || brief.mayNotChange ? (
        <div className="rounded-xl bg-paper p-5">
          <H level={level + 1} className="mb-3 font-bold">
            {t("constraints")}
          </H>
          <dl className="space-y-3">
            <Part term={t("budget")} text={brief.budget} />
            <Part term={t("timescale")} text={brief.timescale} />
            <Part term={t("mayNotChange")} text={brief.mayNotChange} />
          </dl>
        </div>
      ) : null}
    </div>
  );
}

export function packIsEmpty(brief: BriefWithPack) {
  const { pack } = brief;
  return !brief.background && !pack.dataLinks.length && !pack.files.length && !pack.contacts.length && !pack.usefulLinks.length;
}

/** Background, data and documents, contacts and links: what a team needs to start. */
export function PackView({ brief, level }: { brief: BriefWithPack; level: Level }) {
  const t = useTranslations("brief.view");
  const files = useTranslations("ui.files");
  const locale = useLocale();
  const { pack } = brief;
  const sub = level + 1;
  const heading = "mb-2 text-lg font-bold tracking-tight";
  return (
    <div className="space-y-6">
      {brief.background ? (
        <section>
          <H level={sub} className={heading}>
            {t("background")}
          </H>
          <SafeMarkdown headingBase={Math.min(sub + 1, 4) as 2 | 3 | 4}>{brief.background}</SafeMarkdown>
        </section>
      ) : null}
      {pack.dataLinks.length || pack.files.length ? (
        <section>
          <H level={sub} className={heading}>
            {t("dataAndDocuments")}
          </H>
          <ul className="divide-y divide-line rounded-xl border border-line bg-white">
            {pack.files.map((file, i) => (
              <li key={file.id} className="p-3">
                <a href={`/files/${file.id}`} className="link break-words">
                  {file.title || files("untitled", { n: i + 1 })}
                </a>
                <span className="block text-sm text-ink-soft">
                  {files("about", { kind: fileKindKey(file.contentType) ?? "other", size: formatFileSize(file.size, locale) })}
                </span>
              </li>
            ))}
            {pack.dataLinks.map((link) => (
              <li key={link.id} className="p-3">
                <a href={safeUrl(link.url) || undefined} className="link break-words" rel="noopener noreferrer nofollow">
                  {link.title}
                </a>
                <span className="block text-sm break-words text-ink-soft">
                  {[hostOf(link.url), link.note].filter(Boolean).join(" · ")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {pack.contacts.length ? (
        <section>
          <H level={sub} className={heading}>
            {t("contacts")}
          </H>
          <dl className="divide-y divide-line rounded-xl border border-line bg-white">
            {pack.contacts.map((contact) => (
              <div key={contact.id} className="p-3">
                <dt className="font-semibold break-words">{contact.role}</dt>
                <dd className="break-words text-ink-soft">{contact.howToReach}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {pack.usefulLinks.length ? (
        <section>
          <H level={sub} className={heading}>
            {t("usefulLinks")}
          </H>
          <ul className="space-y-2">
            {pack.usefulLinks.map((link) => (
              <li key={link.id}>
                <a href={safeUrl(link.url) || undefined} className="link break-words" rel="noopener noreferrer nofollow">
                  {link.title}
                </a>
                {link.note ? <span className="text-ink-soft"> · {link.note}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** "Owned by Project lead, Public Realm services, Lambeth Council". */
export function OwnerLine({ brief }: { brief: BriefWithPack }) {
  const t = useTranslations("brief.view");
  if (!brief.ownerRole && !brief.ownerOrganisation) return null;
  return (
    <p className="mt-2 text-ink-soft">
      {t.rich("ownedBy", {
        owner: [brief.ownerRole, brief.ownerOrganisation].filter(Boolean).join(", "),
        strong: (chunks) => <span className="font-semibold text-ink">{chunks}</span>,
      })}
    </p>
  );
}
