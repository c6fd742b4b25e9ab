"use client";

import { useEffect, useState } from "react";

/** Keeps a half-written text across reloads: the phone may die or the page close mid-sentence. */
export function useDraft(key: string) {
  const [text, setText] = useState("");
  useEffect(() => {
    setText(localStorage.getItem(key) ?? "");
  }, [key]);
  const update = (value: string) => {
    setText(value);
    try {
      if (value) localStorage.setItem(key, value);
      else localStorage.removeItem(key);
    } catch {
      // storage blocked: the text still lives in the page
    }
  };
  return [text, update] as const;
}
