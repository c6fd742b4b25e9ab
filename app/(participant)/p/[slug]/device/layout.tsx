import { ClientMessages } from "@/lib/i18n/client-messages";

/** The messages this folder's pages' client components use (lib/i18n/areas.ts); a layout, as a page here returns in several places. */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <ClientMessages area="device">{children}</ClientMessages>;
}
