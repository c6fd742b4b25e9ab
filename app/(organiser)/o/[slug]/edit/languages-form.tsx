"use client";

import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { FormMessage } from "@/app/ui/form";
import { unsavedIn } from "@/lib/forms/carried-fields";
import type { LocaleInfo } from "@/lib/i18n/locales";
import { FollowedCheck, SavedMessage, SubmitButton, useFollowedDefault } from "../../../form-fields";
import { UnsavedNote, usePartAnswer } from "../../../page-form";
import { useEditBasis } from "../../../use-edit-basis";
import type { SavedFormState } from "./actions";

export function LanguagesForm({
  offered,
  initial,
  basis: drawnOn,
}: {
  offered: LocaleInfo[];
  initial: { language: string; joinLanguages: string[] };
  basis: string;
}) {
  const t = useTranslations("organiser.languages");
  const state = usePartAnswer<SavedFormState>("languages");
  // After a refused save the form shows what was posted, never the stored values; after a save,
  // what is stored (with what another organiser saved meanwhile, kept).
  const posted = state.saved ? undefined : state.values;
  const main = posted?.language ?? initial.language;
  const extra = posted ? (posted.joinLanguages ?? "").split(",").filter(Boolean) : initial.joinLanguages;
  const { basis, round, onInput } = useEditBasis(drawnOn, state);
  const mainSelect = useFollowedDefault<HTMLSelectElement>(main);
  const mainError = state.errors?.language;
  const joinError = state.errors?.joinLanguages;
  // As the form posts them: the ticks in the order the boxes are drawn.
  const stored = {
    language: initial.language,
    joinLanguages: offered.flatMap((l) => (initial.joinLanguages.includes(l.code) ? [l.code] : [])).join(","),
  };
  return (
    <div onInput={onInput} data-part="languages" className="space-y-5">
      <input type="hidden" name="basis.languages" value={basis} />
      <FormMessage message={state.message} />
      <UnsavedNote shown={unsavedIn(state, stored)} button={t("save")} />
      <Fragment key={round}>
        <div className="space-y-1">
          <label htmlFor="event-language" className="block font-semibold">
            {t("mainLabel")}
          </label>
          <p id="event-language-hint" className="text-sm text-ink-soft">
            {t("mainHint")}
          </p>
          <select
            ref={mainSelect}
            id="event-language"
            name="language"
            defaultValue={main}
            aria-invalid={mainError ? true : undefined}
            aria-describedby={mainError ? "event-language-hint event-language-error" : "event-language-hint"}
            className="min-h-12 w-full rounded-xl border border-line bg-white px-3 sm:w-auto"
          >
            {offered.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.name}
              </option>
            ))}
          </select>
          {mainError ? (
            <span id="event-language-error" className="field-error">
              {mainError}
            </span>
          ) : null}
        </div>
        <fieldset
          className="space-y-2"
          aria-describedby={joinError ? "join-languages-hint join-languages-error" : "join-languages-hint"}
        >
          <legend className="font-semibold">{t("joinLabel")}</legend>
          <p id="join-languages-hint" className="text-sm text-ink-soft">
            {t("joinHint")}
          </p>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {offered.map((l) => (
              <label key={l.code} className="flex min-h-11 items-center gap-2">
                <FollowedCheck
                  type="checkbox"
                  name="joinLanguages"
                  value={l.code}
                  defaultChecked={extra.includes(l.code)}
                  aria-invalid={joinError ? true : undefined}
                  className="size-5"
                />
                <span lang={l.code}>{l.name}</span>
              </label>
            ))}
          </div>
          {joinError ? (
            <span id="join-languages-error" className="field-error">
              {joinError}
            </span>
          ) : null}
        </fieldset>
      </Fragment>
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel={t("saving")} intent="languages">
        {t("save")}
      </SubmitButton>
    </div>
  );
}
