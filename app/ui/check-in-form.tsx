"use client";

import { useEffect, useRef } from "react";
import { SavedMessage, SubmitButton, TextArea } from "@/app/(organiser)/form-fields";
import { useKeptForm } from "@/app/(organiser)/use-kept-form";
import { FormMessage, TextField } from "@/app/ui/form";
import { checkInStatusLabels } from "@/lib/projects/check-in-rules";
import type { CheckInState } from "./check-in-submission";

const statusHelp = {
  on_track: "Going as planned.",
  at_risk: "Might slip: something needs attention.",
  stuck: "Can't move without help.",
  done: "Finished: no more check-ins needed.",
} as const;

/** How a project is going, told by its owner in their own words: one form for phone and desk. */
export function CheckInForm({
  action,
  defaultAuthor,
  isPublic,
}: {
  action: (state: CheckInState, form: FormData) => Promise<CheckInState>;
  defaultAuthor: string;
  /** Whether the project is on the event's public progress page right now. */
  isPublic: boolean;
}) {
  const { state, formProps } = useKeptForm<CheckInState>(action, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.saved) form.current?.reset();
  }, [state]);
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <form ref={form} {...formProps} className="space-y-5" encType="multipart/form-data">
      <SavedMessage message={state.saved} />
      <p className="rounded-xl border border-line bg-brand-soft/40 p-3 text-sm" data-testid="what-becomes-public">
        {isPublic
          ? "This project is on the event's public progress page: how it's going, what happened, evidence, numbers, links, photos and what you learned are shown there (your name is not). The help you need stays private to the organisers."
          : "The organisers may put this project on the event's public progress page. Then how it's going, what happened, evidence, numbers, links, photos and what you learned are shown there (your name is not). The help you need stays private to the organisers."}
      </p>
      <FormMessage message={state.message ?? (Object.keys(e).length ? "Some answers need a look: see below." : undefined)} />
      <fieldset aria-describedby={e.status ? "field-status-error" : undefined}>
        <legend className="field-label">How is it going?</legend>
        <div className="grid grid-cols-2 gap-2">
          {(Object.keys(checkInStatusLabels) as (keyof typeof checkInStatusLabels)[]).map((key) => (
            <label
              key={key}
              htmlFor={`status-${key}`}
              className="flex min-h-14 cursor-pointer items-start gap-2 rounded-xl border-2 border-line bg-white p-3 has-[:checked]:border-brand has-[:checked]:bg-brand-soft/60"
            >
              <input
                id={`status-${key}`}
                type="radio"
                name="status"
                value={key}
                defaultChecked={v.status === key}
                className="mt-1 h-5 w-5 shrink-0 accent-brand"
              />
              <span>
                <span className="block font-semibold">{checkInStatusLabels[key]}</span>
                <span className="block text-sm text-ink-soft">{statusHelp[key]}</span>
              </span>
            </label>
          ))}
        </div>
        {e.status ? (
          <span id="field-status-error" className="field-error">
            {e.status}
          </span>
        ) : null}
      </fieldset>
      <TextArea
        name="progress"
        label="What has happened since last time?"
        rows={3}
        maxLength={4000}
        defaultValue={v.progress}
        error={e.progress}
      />
      <TextArea
        name="evidence"
        label="Evidence of what changed (optional)"
        hint="What people said or did, what you saw."
        rows={3}
        maxLength={4000}
        defaultValue={v.evidence}
        error={e.evidence}
      />
      <TextArea
        name="numbers"
        label="Numbers (optional)"
        hint='One per line, like "people reached: 120".'
        rows={2}
        maxLength={4000}
        defaultValue={v.numbers}
        error={e.numbers}
      />
      <TextArea
        name="links"
        label="Links (optional)"
        hint="One per line: a website, a video, an article."
        rows={2}
        maxLength={8000}
        defaultValue={v.links}
        error={e.links}
      />
      <div>
        <label htmlFor="field-photos" className="field-label">
          Photos (optional)
        </label>
        <span id="field-photos-hint" className="field-hint">
          Up to 4 photos (JPEG, PNG or WebP, 8 MB each). Choose them again if you correct something else.
        </span>
        <input
          id="field-photos"
          name="photos"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          aria-invalid={e.photos ? true : undefined}
          aria-describedby={e.photos ? "field-photos-hint field-photos-error" : "field-photos-hint"}
          className="mt-2 block w-full text-base"
        />
        {e.photos ? (
          <span id="field-photos-error" className="field-error">
            {e.photos}
          </span>
        ) : null}
      </div>
      <TextArea
        name="learning"
        label="What have you learned? (optional)"
        hint="What you'd tell someone starting something similar."
        rows={3}
        maxLength={4000}
        defaultValue={v.learning}
        error={e.learning}
      />
      <TextArea
        name="helpNeeded"
        label="What help do you need? (optional)"
        rows={2}
        maxLength={4000}
        defaultValue={v.helpNeeded}
        error={e.helpNeeded}
      />
      <TextField
        name="authorName"
        label="Your name"
        maxLength={120}
        defaultValue={v.authorName ?? defaultAuthor}
        error={e.authorName}
      />
      <SubmitButton pendingLabel="Saving…" className="btn btn-primary w-full sm:w-auto">
        Save update
      </SubmitButton>
    </form>
  );
}
