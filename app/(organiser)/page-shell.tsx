import { SiteHeader } from "@/app/ui/brand";
import { AccountNav } from "./account-nav";

/** Header, a centred main column and room to breathe: the frame of every organiser page. */
export function PageShell({ children, width = "wide" }: { children: React.ReactNode; width?: "narrow" | "wide" }) {
  return (
    <>
      <SiteHeader>
        <AccountNav />
      </SiteHeader>
      <main id="main" className={`mx-auto px-4 pt-8 pb-20 sm:pt-12 ${width === "narrow" ? "max-w-lg" : "max-w-5xl"}`}>
        {children}
      </main>
    </>
  );
}
