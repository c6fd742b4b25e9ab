import { Wordmark } from "@/app/ui/brand";
import { LanguagePicker } from "@/app/ui/language-picker";

/** The frame of every participant page: made for one hand on a small screen. */
export function PhoneShell({ children, aside }: { children: React.ReactNode; aside?: React.ReactNode }) {
  return (
    <div className="mx-auto flex min-h-dvh max-w-md flex-col px-4 pb-6">
      {/* Wraps: a long status (why this phone is kept out) takes a line of its own rather than squeezing the wordmark. */}
      <header className="flex flex-wrap items-center justify-between gap-3 py-4">
        <Wordmark />
        {aside}
      </header>
      <main className="flex-1">{children}</main>
      <footer className="mt-4 border-t border-line pt-3">
        <LanguagePicker />
      </footer>
    </div>
  );
}
