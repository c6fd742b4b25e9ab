import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { type ClientMessageArea, clientMessageAreas, everyPage } from "./areas";
import { type Messages, pickPaths } from "./catalogue";

/**
 * The messages a page's client components use, and no others: every client provider's messages
 * are written into the page's HTML (as the RSC payload), and on a phone on venue Wi-Fi the whole
 * participant catalogue was a third of the join page (bench/README.md, issue 23).
 * Without `area`: what every page needs (the root layout).
 */
export async function ClientMessages({ area, children }: { area?: ClientMessageArea; children: React.ReactNode }) {
  const paths = area ? [...everyPage, ...clientMessageAreas[area]] : everyPage;
  return (
    <NextIntlClientProvider messages={pickPaths((await getMessages()) as Messages, paths)}>{children}</NextIntlClientProvider>
  );
}
