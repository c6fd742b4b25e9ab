import { Wordmark } from "./brand";

export type CrashedPageWords = { title: string; body: string; retry: string; home: string; reference: string | null };

/**
 * A page that stopped working: what to do now (try again, or go home), and the reference that
 * matches the server's log line. The same for a broken page (app/error.tsx) and a broken root
 * layout (app/global-error.tsx), which differ only in where their words come from.
 */
export function CrashedPage({ words, retry }: { words: CrashedPageWords; retry: () => void }) {
  return (
    <>
      <header className="border-b border-line bg-white/80">
        <div className="mx-auto flex max-w-5xl items-center px-4 py-3">
          <Wordmark />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-xl px-4 py-16 sm:py-24">
        <div className="card space-y-5 p-6 sm:p-10" data-testid="page-error">
          <h1 className="text-3xl font-extrabold tracking-tight break-words">{words.title}</h1>
          <p className="text-ink-soft">{words.body}</p>
          <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
            <button type="button" className="btn btn-primary" onClick={() => retry()}>
              {words.retry}
            </button>
            {/* A whole new page: whatever broke this one is left behind. */}
            <a href="/" className="btn btn-secondary">
              {words.home}
            </a>
          </div>
          {words.reference ? <p className="text-sm text-ink-soft">{words.reference}</p> : null}
        </div>
      </main>
    </>
  );
}
