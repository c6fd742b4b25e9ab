"use client";

import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import { SavedMessage, SubmitButton, TextArea } from "@/app/(organiser)/form-fields";
import { useKeptForm } from "@/app/(organiser)/use-kept-form";
import { FilePicker } from "@/app/ui/file-picker";
import { FormMessage, TextField } from "@/app/ui/form";
import { SubmissionField } from "@/app/ui/submission-field";
import { maxPhotoMb } from "@/lib/files/photo-limits";
import { megabytesFormat, megabytesUp } from "@/lib/files/size-label";
import { filesKeptField } from "@/lib/forms/files-not-kept";
import { type CheckInPhotosProblem, checkInPhotosProblem, maxCheckInPhotos } from "@/lib/projects/check-in-limits";
import { checkInStatusLabels } from "@/lib/projects/check-in-rules";
import type { CheckInState } from "./check-in-submission";

/**
 * Photos the update can't take, named when chosen (and, on the owner's own form, before anything
 * is sent: the post is not sent, so every word and photo stays as it is; the server refuses them too).
 */
export type PhotosCheck = { problem: CheckInPhotosProblem | null; setProblem: (problem: CheckInPhotosProblem | null) => void };

export type CheckInShared = {
  defaultAuthor: string;
  /** Whether the project is on the event's public progress page right now. */
  isPublic: boolean;
  /** A fresh id each time the page is drawn: the same form sent twice saves one check-in. */
  submission: string;
};

/** How a project is going, told by its owner in their own words: one form for phone and desk. */
export function CheckInForm({
  action,
  ...shared
}: CheckInShared & { action: (state: CheckInState, form: FormData) => Promise<CheckInState> }) {
  const { state, formProps } = useKeptForm<CheckInState>(action, {});
  // The form itself, for what this form does after an answer (the hook also uses it).
  const form = formProps.ref;
  useEffect(() => {
    if (state.saved) form.current?.reset();
  }, [state, form]);
  const [problem, setProblem] = useState<CheckInPhotosProblem | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (!photosRefused(event.currentTarget, setProblem)) return formProps.onSubmit(event);
    event.preventDefault();
  };
  return (
    <form {...formProps} onSubmit={onSubmit} className="space-y-5" encType="multipart/form-data">
      <CheckInFields state={state} photos={{ problem, setProblem }} {...shared} />
    </form>
  );
}

/** Whether the photos chosen can't go: said at the field, which is focused, before anything is sent. */
export function photosRefused(form: HTMLFormElement, setProblem: PhotosCheck["setProblem"]) {
  const photos = form.elements.namedItem("photos");
  const found = photos instanceof HTMLInputElement ? checkInPhotosProblem([...(photos.files ?? [])]) : null;
  setProblem(found);
  if (found) (photos as HTMLInputElement).focus();
  return found !== null;
}

/** The check-in's fields and its button: the owner's own form, and a part of the organiser's project page. */
export function CheckInFields({
  state,
  defaultAuthor,
  isPublic,
  submission,
  intent,
  photos,
}: CheckInShared & { state: CheckInState; intent?: string; photos: PhotosCheck }) {
  const t = useTranslations("ui.checkInForm");
  const format = useFormatter();
  // Once the script runs, the form sends itself and keeps the photos chosen through a refusal: the server is told.
  const [scripted, setScripted] = useState(false);
  useEffect(() => setScripted(true), []);
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const problem = photos.problem;
  const photosError = problem
    ? problem.kind === "tooMany"
      ? t("photosTooMany", { count: problem.count, max: maxCheckInPhotos })
      : t("photoTooBig", {
          name: problem.name,
          size: format.number(megabytesUp(problem.bytes), megabytesFormat),
          max: maxPhotoMb,
        })
    : e.photos;
  return (
    <>
      <SubmissionField id={submission} />
      {scripted ? <input type="hidden" name={filesKeptField} value="yes" /> : null}
      <SavedMessage message={state.saved} />
      <p className="rounded-xl border border-line bg-brand-soft/40 p-3 text-sm" data-testid="what-becomes-public">
        {isPublic ? t("publicNow") : t("publicMaybe")}
      </p>
      <FormMessage message={state.message ?? (Object.keys(e).length ? t("needsLook") : undefined)} />
      <fieldset aria-describedby={e.status ? "field-status-error" : undefined}>
        <legend className="field-label">{t("howIsItGoing")}</legend>
        <div className="grid grid-cols-2 gap-2">
          {(Object.keys(checkInStatusLabels) as (keyof typeof checkInStatusLabels)[]).map((key) => (
            <label
              key={key}
              htmlFor={`status-${key}`}
              className="flex min-h-14 min-w-0 cursor-pointer items-start gap-2 rounded-xl border-2 border-line bg-white p-3 hyphens-auto [overflow-wrap:anywhere] has-[:checked]:border-brand has-[:checked]:bg-brand-soft/60"
            >
              <input
                id={`status-${key}`}
                type="radio"
                name="status"
                value={key}
                defaultChecked={v.status === key}
                className="mt-1 h-5 w-5 shrink-0 accent-brand"
              />
              <span className="min-w-0">
                <span className="block font-semibold">{t(`status.${key}`)}</span>
                <span className="block text-sm text-ink-soft">{t(`statusHelp.${key}`)}</span>
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
      <TextArea name="progress" label={t("progress")} rows={3} maxLength={4000} defaultValue={v.progress} error={e.progress} />
      <TextArea
        name="evidence"
        label={t("evidence")}
        hint={t("evidenceHint")}
        rows={3}
        maxLength={4000}
        defaultValue={v.evidence}
        error={e.evidence}
      />
      <TextArea
        name="numbers"
        label={t("numbers")}
        hint={t("numbersHint", { reached: 1200, hours: 2.5 })}
        rows={2}
        maxLength={4000}
        defaultValue={v.numbers}
        error={e.numbers}
      />
      <TextArea
        name="links"
        label={t("links")}
        hint={t("linksHint")}
        rows={2}
        maxLength={8000}
        defaultValue={v.links}
        error={e.links}
      />
      <div>
        <label htmlFor="field-photos" className="field-label">
          {t("photos")}
        </label>
        <span id="field-photos-hint" className="field-hint">
          {t("photosHint", { max: maxCheckInPhotos, size: maxPhotoMb })}
        </span>
        <FilePicker
          id="field-photos"
          kind="photos"
          name="photos"
          accept="image/jpeg,image/png,image/webp"
          multiple
          aria-invalid={photosError ? true : undefined}
          aria-describedby={photosError ? "field-photos-hint field-photos-error" : "field-photos-hint"}
          onChange={(event) => photos.setProblem(checkInPhotosProblem([...(event.currentTarget.files ?? [])]))}
        />
        {photosError ? (
          <span id="field-photos-error" className="field-error" data-testid="photos-error">
            {photosError}
          </span>
        ) : null}
      </div>
      <TextArea
        name="learning"
        label={t("learning")}
        hint={t("learningHint")}
        rows={3}
        maxLength={4000}
        defaultValue={v.learning}
        error={e.learning}
      />
      <TextArea
        name="helpNeeded"
        label={t("helpNeeded")}
        rows={2}
        maxLength={4000}
        defaultValue={v.helpNeeded}
        error={e.helpNeeded}
      />
      <TextField
        name="authorName"
        label={t("authorName")}
        maxLength={120}
        defaultValue={v.authorName ?? defaultAuthor}
        error={e.authorName}
      />
      <SubmitButton pendingLabel={t("saving")} className="btn btn-primary w-full sm:w-auto" intent={intent}>
        {t("save")}
      </SubmitButton>
    </>
  );
}
