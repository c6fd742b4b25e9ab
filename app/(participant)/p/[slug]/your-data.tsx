import { getTranslations } from "next-intl/server";

/**
 * "Your data": everything the event holds about this person, as one file to download, and below
 * it `more` (where to read how it is used, and how to have it deleted). On their "about you"
 * page, and on the page that says the event has finished.
 */
export async function YourData({ slug, more }: { slug: string; more: React.ReactNode }) {
  const t = await getTranslations("me.page");
  return (
    <section aria-labelledby="your-data-heading" className="card space-y-3 p-5">
      <h2 id="your-data-heading" className="text-xl font-bold">
        {t("dataHeading")}
      </h2>
      <p className="text-ink-soft">{t("dataBody")}</p>
      <a href={`/p/${slug}/me/data`} download className="btn btn-secondary w-full">
        {t("download")}
      </a>
      {more}
    </section>
  );
}
