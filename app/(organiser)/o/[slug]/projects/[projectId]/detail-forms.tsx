"use client";

import { useTranslations } from "next-intl";
import { FormMessage, TextField } from "@/app/ui/form";
import { unsavedIn } from "@/lib/forms/carried-fields";
import { milestoneRowsRead, riskItems } from "@/lib/projects/check-in-rules";
import { FollowedCheck, SavedMessage, SubmitButton } from "../../../../form-fields";
import { UnsavedNote, usePartAnswer } from "../../../../page-form";
import { useEditBasis } from "../../../../use-edit-basis";
import { CopyField } from "../../copy-field";
import type { SavedState } from "../actions";

type Milestone = { day: number; title: string; dueDate: string; done: boolean };

export function MilestonesForm({ milestones, basis: drawnOn }: { milestones: Milestone[]; basis: string }) {
  const t = useTranslations("projects.milestones");
  const state = usePartAnswer<SavedState>("milestones");
  // Saved: the rows show what is stored, and follow other organisers' saves until edited.
  const v = state.saved ? undefined : state.values;
  // One spare row to add a milestone; clearing a row's title and date removes it. Drawn from the
  // answer when nothing was saved, as many rows as were posted.
  const posted = v ? Math.max(0, Math.min(Number(v.rows) || 0, milestoneRowsRead) - 1) : milestones.length;
  const rows = [
    ...Array.from({ length: posted }, (_, i) => milestones[i] ?? { day: 0, title: "", dueDate: "", done: false }),
    { day: 0, title: "", dueDate: "", done: false },
  ];
  const e = state.errors ?? {};
  // What is stored, as the rows post it (the spare row blank).
  const stored = Object.fromEntries(
    [...milestones, { day: 0, title: "", dueDate: "", done: false }].flatMap((m, i) => [
      [`day-${i}`, m.day ? String(m.day) : ""],
      [`title-${i}`, m.title],
      [`dueAt-${i}`, m.dueDate],
      [`done-${i}`, m.done ? "on" : ""],
    ]),
  );
  // The milestones are one list: any change to a row is a change to the list.
  const { basis, round, onInput } = useEditBasis(drawnOn, state, () => "milestones");
  return (
    <div data-part="milestones" onInput={onInput} className="space-y-4">
      <input type="hidden" name="basis.milestones" value={basis} />
      <SavedMessage message={state.saved} />
      <FormMessage message={state.message} />
      <UnsavedNote shown={unsavedIn(state, stored)} button={t("save")} />
      <input type="hidden" name="rows" value={rows.length} />
      {rows.map((m, i) => (
        <fieldset
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are numbered fields (day-0, title-0…), so the index is their identity
          key={`${round}-${i}`}
          className="grid gap-3 rounded-xl border border-line p-3 sm:grid-cols-[6rem_1fr_11rem]"
        >
          <legend className="px-1 text-sm font-bold text-ink-soft">{m.title ? t("milestone", { n: i + 1 }) : t("add")}</legend>
          <TextField
            name={`day-${i}`}
            label={t("day")}
            inputMode="numeric"
            defaultValue={v ? v[`day-${i}`] : m.day ? String(m.day) : ""}
            error={e[`day-${i}`]}
          />
          <TextField
            name={`title-${i}`}
            label={t("title")}
            maxLength={200}
            defaultValue={v ? v[`title-${i}`] : m.title}
            error={e[`title-${i}`]}
          />
          <TextField
            name={`dueAt-${i}`}
            label={t("dueAt")}
            type="date"
            defaultValue={v ? v[`dueAt-${i}`] : m.dueDate}
            error={e[`dueAt-${i}`]}
          />
          <label className="flex items-center gap-2 sm:col-span-3">
            <FollowedCheck
              type="checkbox"
              name={`done-${i}`}
              defaultChecked={v ? v[`done-${i}`] === "on" : m.done}
              className="h-5 w-5 accent-brand"
            />
            {t("reached")}
          </label>
        </fieldset>
      ))}
      <SubmitButton pendingLabel={t("saving")} intent="milestones">
        {t("save")}
      </SubmitButton>
    </div>
  );
}

export function RisksForm({
  risks,
  basis: drawnOn,
}: {
  risks: Record<string, { checked: boolean; notes: string; checkedBy: string }>;
  basis: string;
}) {
  const t = useTranslations("projects.risks");
  const state = usePartAnswer<SavedState>("risks");
  // Saved: the fields show what is stored, and follow other organisers' saves where untouched.
  const v = state.saved ? undefined : state.values;
  const e = state.errors ?? {};
  const { basis, round, onInput } = useEditBasis(drawnOn, state);
  // What is stored, as the fields post it (a box unticked posts nothing).
  const stored = Object.fromEntries(
    riskItems.flatMap(({ key }) => [
      [`checked-${key}`, risks[key]?.checked ? "on" : ""],
      [`notes-${key}`, risks[key]?.notes ?? ""],
      [`checkedBy-${key}`, risks[key]?.checkedBy ?? ""],
    ]),
  );
  return (
    <div data-part="risks" onInput={onInput} className="space-y-4">
      <input type="hidden" name="basis.risks" value={basis} />
      <SavedMessage message={state.saved} />
      <FormMessage message={state.message ?? (Object.keys(e).length ? t("needsLook") : undefined)} />
      <UnsavedNote shown={unsavedIn(state, stored)} button={t("save")} />
      {riskItems.map((item) => {
        const saved = risks[item.key];
        return (
          <fieldset key={`${round}-${item.key}`} className="space-y-3 rounded-xl border border-line p-3">
            <legend className="px-1 font-bold">{t(`items.${item.key}.label`)}</legend>
            <label className="flex items-start gap-3">
              <FollowedCheck
                type="checkbox"
                name={`checked-${item.key}`}
                defaultChecked={v ? v[`checked-${item.key}`] === "on" : (saved?.checked ?? false)}
                className="mt-1 h-5 w-5 accent-brand"
              />
              <span>
                {t("checked")}
                <span className="block text-sm text-ink-soft">{t(`items.${item.key}.hint`)}</span>
              </span>
            </label>
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                name={`notes-${item.key}`}
                label={t("notes")}
                maxLength={2000}
                defaultValue={v ? v[`notes-${item.key}`] : saved?.notes}
                error={e[`notes-${item.key}`]}
              />
              <TextField
                name={`checkedBy-${item.key}`}
                label={t("checkedBy")}
                maxLength={120}
                defaultValue={v ? v[`checkedBy-${item.key}`] : saved?.checkedBy}
                error={e[`checkedBy-${item.key}`]}
              />
            </div>
          </fieldset>
        );
      })}
      <SubmitButton pendingLabel={t("saving")} intent="risks">
        {t("save")}
      </SubmitButton>
    </div>
  );
}

/** `stopped`: an organiser stopped the link (the page says so and since when); "no link yet" would not be true. */
export function OwnerLinkForm({ hasLink, stopped }: { hasLink: boolean; stopped: boolean }) {
  const t = useTranslations("projects.ownerLink");
  const state = usePartAnswer<SavedState>("ownerLink");
  return (
    <div data-part="ownerLink" className="space-y-4">
      <SavedMessage message={state.saved} />
      <FormMessage message={state.message} />
      {state.link ? <CopyField id="owner-link" label={t("label")} value={state.link} /> : null}
      {hasLink || state.link ? (
        <p className="text-sm text-ink-soft">{t("live")}</p>
      ) : stopped ? null : (
        <p className="text-sm text-ink-soft">{t("none")}</p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="intent" value="ownerLink.new" className="btn btn-primary">
          {hasLink || state.link ? t("makeNew") : t("make")}
        </button>
        {hasLink || state.link ? (
          <button type="submit" name="intent" value="ownerLink.revoke" className="btn btn-secondary">
            {t("revoke")}
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function OwnerEmailForm({ ownerEmail }: { ownerEmail: string }) {
  const t = useTranslations("projects.ownerEmail");
  const state = usePartAnswer<SavedState>("ownerEmail");
  return (
    <div data-part="ownerEmail" className="space-y-3">
      <SavedMessage message={state.saved} />
      <FormMessage message={state.message} />
      <UnsavedNote shown={unsavedIn(state, { ownerEmail })} button={t("save")} />
      <TextField
        name="ownerEmail"
        label={t("label")}
        hint={t("hint")}
        type="email"
        inputMode="email"
        autoCapitalize="none"
        maxLength={254}
        defaultValue={state.values?.ownerEmail ?? ownerEmail}
        error={state.errors?.ownerEmail}
      />
      <SubmitButton pendingLabel={t("saving")} className="btn btn-secondary" intent="ownerEmail">
        {t("save")}
      </SubmitButton>
    </div>
  );
}

/**
 * Shows the project on the public progress page or takes it off; the answer says how many people are
 * being told by email (the emails go after it, so a slow relay never holds the form).
 */
export function PublicForm({ isPublic }: { isPublic: boolean }) {
  const t = useTranslations("projects.detail");
  const state = usePartAnswer<SavedState>("public");
  return (
    <div data-part="public" className="space-y-3">
      <SavedMessage message={state.saved} />
      <FormMessage message={state.message} />
      <input type="hidden" name="public" value={isPublic ? "no" : "yes"} />
      <SubmitButton
        pendingLabel={t("savingPublic")}
        className={isPublic ? "btn btn-secondary" : "btn btn-primary"}
        intent="public"
      >
        {isPublic ? t("makePrivate") : t("makePublic")}
      </SubmitButton>
    </div>
  );
}
