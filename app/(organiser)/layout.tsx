import { NextIntlClientProvider } from "next-intl";

/** The staff's pages: every namespace of the catalogue, where the root layout gives participants' only. */
export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
