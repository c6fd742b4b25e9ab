"use client";

import { useEffect, useState } from "react";

const announced = "madein:announce";

/**
 * Says `text` to a screen reader, politely, from anywhere on the page: through the one live region
 * every page has (`Announcer`, in the root layout), so a field needs no region of its own beside
 * it (an extra sibling would change the layout of the lists it sits in).
 */
export function announce(text: string) {
  window.dispatchEvent(new CustomEvent<string>(announced, { detail: text }));
}

/** The page's polite live region: present from the first paint, so what is put in it is heard. */
export function Announcer() {
  const [text, setText] = useState("");
  useEffect(() => {
    const onAnnounce = (event: Event) => setText((event as CustomEvent<string>).detail);
    window.addEventListener(announced, onAnnounce);
    return () => window.removeEventListener(announced, onAnnounce);
  }, []);
  return (
    <div className="sr-only" aria-live="polite" data-testid="announcer">
      {text}
    </div>
  );
}
