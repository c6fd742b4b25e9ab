import { useLocale, useTranslations } from "next-intl";
import { imageSrcSet } from "@/lib/files/image-sizes";
import { localShortDate } from "@/lib/i18n/dates";
import type { checkInStatusLabels } from "@/lib/projects/check-in-rules";

type CheckIn = {
  id: string;
  status: keyof typeof checkInStatusLabels;
  progress: string;
  evidence: string;
  numbers: { label: string; value: number }[];
  links: string[];
  photos: unknown[];
  learning: string;
  helpNeeded: string;
  authorName: string;
  createdAt: number;
};

const statusTone = {
  on_track: "bg-note-green",
  at_risk: "bg-note-orange",
  stuck: "bg-red-100",
  done: "bg-brand-soft",
} as const;

/** Check-ins newest first, as the record of what happened next. Text is shown as typed, never as HTML. */
/**
 * `forPublic`: the public progress page leaves out what help is needed (for the organisers to act
 * on) and who wrote each update (the project's public line names the owner's role instead).
 */
export function CheckInHistory({ checkIns, forPublic = false }: { checkIns: CheckIn[]; forPublic?: boolean }) {
  const t = useTranslations("ui.checkIns");
  const locale = useLocale();
  const shortDate = (ms: number) => localShortDate(locale, ms);
  if (checkIns.length === 0) return <p className="text-ink-soft">{t("none")}</p>;
  return (
    <ol className="space-y-4">
      {checkIns.map((c) => (
        <li key={c.id} className="rounded-xl border border-line bg-white p-4">
          <p className="flex flex-wrap items-center gap-2">
            <span className={`rounded-full px-2.5 py-0.5 text-sm font-bold text-ink ${statusTone[c.status]}`}>
              {t("status", { status: c.status })}
            </span>
            <span className="text-sm text-ink-soft">
              {shortDate(c.createdAt)}
              {forPublic ? "" : ` · ${c.authorName}`}
            </span>
          </p>
          <dl className="mt-2 space-y-2">
            {c.progress ? <Fact label={t("progress")} text={c.progress} /> : null}
            {c.evidence ? <Fact label={t("evidence")} text={c.evidence} /> : null}
            {c.learning ? <Fact label={t("learning")} text={c.learning} /> : null}
            {!forPublic && c.helpNeeded ? <Fact label={t("helpNeeded")} text={c.helpNeeded} /> : null}
          </dl>
          {c.numbers.length > 0 ? (
            <ul className="mt-2 flex flex-wrap gap-2">
              {c.numbers.map((n) => (
                <li key={n.label} className="rounded-lg bg-paper px-3 py-1">
                  <span className="text-xl font-extrabold">{n.value.toLocaleString(locale)}</span> {n.label}
                </li>
              ))}
            </ul>
          ) : null}
          {c.links.length > 0 ? (
            <ul className="mt-2 space-y-1">
              {c.links.map((url) => (
                <li key={url}>
                  <a href={url} className="link break-all" rel="noopener noreferrer nofollow" target="_blank">
                    {url}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {c.photos.length > 0 ? (
            <ul className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4">
              {c.photos.map((_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a check-in's photos never change order
                <li key={i}>
                  {/* biome-ignore lint/performance/noImgElement: served by our own route, already sized by the phone */}
                  <img
                    src={`/project-photos/${c.id}/${i}?w=640`}
                    srcSet={imageSrcSet(`/project-photos/${c.id}/${i}`)}
                    sizes="(min-width: 40rem) 12rem, 50vw"
                    alt={t("photoAlt", { n: i + 1, date: shortDate(c.createdAt) })}
                    className="aspect-square w-full rounded-lg object-cover"
                    loading="lazy"
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function Fact({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <dt className="text-sm font-bold text-ink-soft">{label}</dt>
      <dd className="whitespace-pre-line wrap-anywhere">{text}</dd>
    </div>
  );
}
