"use client";

import { useEffect, useRef, useState } from "react";
import { CheckInFields, type CheckInShared, photosRefused } from "@/app/ui/check-in-form";
import type { CheckInState } from "@/app/ui/check-in-submission";
import type { CheckInPhotosProblem } from "@/lib/projects/check-in-limits";
import { resetPart, usePartAnswer } from "../../../../page-form";

/** A check-in recorded by an organiser: the part "checkIn" of the project page's one form (../../../../page-form.tsx). */
export function CheckInPart(shared: CheckInShared) {
  const [problem, setProblem] = useState<CheckInPhotosProblem | null>(null);
  const state = usePartAnswer<CheckInState>("checkIn", (form) => !photosRefused(form, setProblem));
  const part = useRef<HTMLDivElement>(null);
  // Saved: this part's fields empty again for the next check-in; the page's other parts are left alone.
  useEffect(() => {
    if (state.saved) resetPart(part.current);
  }, [state]);
  return (
    <div ref={part} data-part="checkIn" className="space-y-5">
      <CheckInFields state={state} intent="checkIn" photos={{ problem, setProblem }} {...shared} />
    </div>
  );
}
