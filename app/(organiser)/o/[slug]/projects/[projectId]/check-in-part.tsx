"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { CheckInFields, type CheckInShared, photosRefused } from "@/app/ui/check-in-form";
import type { CheckInState } from "@/app/ui/check-in-submission";
import { unsavedIn } from "@/lib/forms/carried-fields";
import type { CheckInPhotosProblem } from "@/lib/projects/check-in-limits";
import { resetPart, UnsavedNote, usePartAnswer } from "../../../../page-form";

/** A check-in recorded by an organiser: the part "checkIn" of the project page's one form (../../../../page-form.tsx). */
export function CheckInPart(shared: CheckInShared) {
  const t = useTranslations("ui.checkInForm");
  const [problem, setProblem] = useState<CheckInPhotosProblem | null>(null);
  const answer = usePartAnswer<CheckInState>("checkIn", (form) => !photosRefused(form, setProblem));
  const part = useRef<HTMLDivElement>(null);
  // Saved: this part's fields empty again for the next check-in; the page's other parts are left alone.
  useEffect(() => {
    if (answer.saved) resetPart(part.current);
  }, [answer]);
  // Another part saved without JavaScript: the words come back as typed, the photos chosen cannot.
  const again = Number((answer.carried && answer.values?.["files.photos"]) || 0);
  const state = again > 0 ? { ...answer, errors: { ...answer.errors, photos: t("photosAgain", { count: again }) } } : answer;
  const blank = { status: "", progress: "", evidence: "", numbers: "", links: "", learning: "", helpNeeded: "" };
  return (
    <div ref={part} data-part="checkIn" className="space-y-5">
      <UnsavedNote
        shown={unsavedIn(answer, { ...blank, authorName: shared.defaultAuthor, "files.photos": "" })}
        button={t("save")}
      />
      <CheckInFields state={state} intent="checkIn" photos={{ problem, setProblem }} {...shared} />
    </div>
  );
}
