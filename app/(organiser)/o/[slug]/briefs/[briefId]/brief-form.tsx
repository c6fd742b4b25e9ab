"use client";

import { useTranslations } from "next-intl";
import { Fragment, useEffect } from "react";
import { FormMessage, TextField } from "@/app/ui/form";
import { rowFields, unsavedIn } from "@/lib/forms/carried-fields";
import { ChoiceGroup, SavedMessage, SubmitButton, TextArea } from "../../../../form-fields";
import { ListEditor } from "../../../../list-editor";
import { enterPressesOwnButton, UnsavedNote } from "../../../../page-form";
import { useEditBasis } from "../../../../use-edit-basis";
import { type FormAction, useKeptForm } from "../../../../use-kept-form";
import type { BriefFormState, BriefLists } from "../actions";
import { BriefFiles, type PackFile, uploadTooBig } from "./brief-files";

const statuses = ["draft", "published", "withdrawn"] as const;
const packLists = ["dataLinks", "usefulLinks", "contacts"] as const;

type Text =
  | "title"
  | "problem"
  | "whyItMatters"
  | "successLooksLike"
  | "budget"
  | "timescale"
  | "mayNotChange"
  | "ownerRole"
  | "ownerOrganisation"
  | "background";

export function BriefForm(props: {
  action: FormAction<BriefFormState>;
  initial: Record<Text, string>;
  dataLinks: Record<string, string>[];
  usefulLinks: Record<string, string>[];
  contacts: Record<string, string>[];
  basis: string;
  status: string;
  /** The event is published: a published brief shows at once. */
  eventLive: boolean;
  files: PackFile[];
  /** The upload's id as the page was drawn (lib/forms/form-submission.ts): sent twice, it stores one copy. */
  submission: string;
}) {
  const t = useTranslations("organiser-briefs.form");
  const ts = useTranslations("organiser-briefs.status");
  const tp = useTranslations("organiser-briefs.page");
  const linkColumns = [
    { key: "title", label: t("links.title"), maxLength: 160 },
    { key: "url", label: t("links.url"), type: "url", placeholder: "https://" },
    { key: "note", label: t("links.note"), maxLength: 300, wide: true },
  ] as const;
  const contactColumns = [
    { key: "role", label: t("contacts.role"), maxLength: 160, placeholder: t("contacts.rolePlaceholder") },
    { key: "howToReach", label: t("contacts.howToReach"), maxLength: 300, placeholder: t("contacts.howToReachPlaceholder") },
  ] as const;
  const { state, formProps, fieldsKept } = useKeptForm<BriefFormState>(props.action, {});
  // An upload's refusal is nested in the answer, where useKeptForm does not look: the person is
  // taken to the file's marked field, or else to the upload's message.
  const form = formProps.ref;
  useEffect(() => {
    if (!fieldsKept || !(state.upload?.errors || state.upload?.message)) return;
    const files = form.current?.querySelector('[aria-labelledby="files-heading"]');
    const marked = files?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (marked) marked.focus();
    else files?.querySelector('[role="alert"]')?.scrollIntoView({ block: "center" });
  }, [fieldsKept, state, form]);
  // Saved: the fields show what is stored, and follow other organisers' saves where untouched.
  const value = (name: Text) => (state.saved ? undefined : state.values?.[name]) ?? props.initial[name];
  const error = (name: Text) => state.errors?.[name];
  const area = (name: Text, max: number, rows = 3) => (
    <TextArea
      name={name}
      label={t(`${name}.label`)}
      hint={t(`${name}.hint`)}
      maxLength={max}
      rows={rows}
      defaultValue={value(name)}
      error={error(name)}
    />
  );
  const { basis, round, onInput, edited, lists: listMemory } = useEditBasis(props.basis, state);
  const lists = (state.saved ? undefined : state.lists) ?? props;
  // Drawn again without JavaScript after an upload, a Remove or a list's button: the brief as
  // posted, not saved yet, where it differs from what is stored.
  const withRows = (fields: Record<string, string> | undefined, rows: Partial<BriefLists>) =>
    Object.assign({ ...fields }, ...packLists.map((name) => rowFields(name, rows[name] ?? [])));
  const unsaved = unsavedIn(
    { carried: !fieldsKept && !state.saved && !state.errors, values: state.values && withRows(state.values, state.lists ?? {}) },
    withRows({ ...props.initial, status: props.status }, props),
    packLists,
  );
  return (
    // One form for the brief, its status and its files (./actions.ts says why): each button says what it does.
    <form
      {...formProps}
      onSubmit={(event) => {
        if (uploadTooBig(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter)) {
          event.preventDefault();
          document.getElementById("field-file")?.focus();
          return;
        }
        formProps.onSubmit(event);
      }}
      onKeyDown={enterPressesOwnButton}
      className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]"
    >
      {/* The brief's own fields: what the files' part does (an upload, a Remove) sends none of them to be saved. */}
      <section aria-label={tp("formLabel")} data-part="brief" onInput={onInput} className="card space-y-8 p-6">
        <input type="hidden" name="basis" value={basis} />
        <FormMessage message={state.message} />
        <UnsavedNote shown={unsaved} button={t("save")} />
        {/* A new basis (a save, or someone else's save found) draws the fields again from the answer. */}
        <Fragment key={round}>
          {/* Part of this form, not one of its own: "Save status" posts the words typed below too,
            so choosing Published never throws them away (without JavaScript the page is drawn anew). */}
          <section className="space-y-4 rounded-xl bg-paper p-4" aria-labelledby="status-heading">
            <h2 id="status-heading" className="text-xl font-bold tracking-tight">
              {tp("statusHeading")}
            </h2>
            <ChoiceGroup
              idPrefix="brief-status"
              name="status"
              legend={ts("legend")}
              options={statuses.map((value) => ({
                value,
                label: ts(`${value}.label`),
                description:
                  value === "published" && props.eventLive ? ts("published.descriptionLive") : ts(`${value}.description`),
              }))}
              defaultValue={(state.saved ? undefined : state.values?.status) ?? props.status}
              error={state.errors?.status}
            />
            {state.savedBy === "status" ? <SavedMessage message={state.saved} /> : null}
            <SubmitButton pendingLabel={ts("saving")} intent="status">
              {ts("save")}
            </SubmitButton>
          </section>
          <section className="space-y-5" aria-labelledby="brief-words">
            <h2 id="brief-words" className="text-xl font-bold tracking-tight">
              {t("briefHeading")}
            </h2>
            <TextField
              name="title"
              label={t("title.label")}
              maxLength={120}
              required
              defaultValue={value("title")}
              error={error("title")}
            />
            {area("problem", 2000, 4)}
            {area("whyItMatters", 2000)}
            {area("successLooksLike", 2000)}
          </section>

          <section className="space-y-5" aria-labelledby="brief-limits">
            <h2 id="brief-limits" className="text-xl font-bold tracking-tight">
              {t("constraintsHeading")}
            </h2>
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField
                name="budget"
                label={t("budget.label")}
                hint={t("budget.hint")}
                maxLength={200}
                defaultValue={value("budget")}
                error={error("budget")}
              />
              <TextField
                name="timescale"
                label={t("timescale.label")}
                hint={t("timescale.hint")}
                maxLength={200}
                defaultValue={value("timescale")}
                error={error("timescale")}
              />
            </div>
            {area("mayNotChange", 1000)}
          </section>

          <section className="space-y-5" aria-labelledby="brief-owner">
            <div>
              <h2 id="brief-owner" className="text-xl font-bold tracking-tight">
                {t("ownerHeading")}
              </h2>
              <p className="text-ink-soft">{t("ownerIntro")}</p>
            </div>
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField
                name="ownerRole"
                label={t("ownerRole.label")}
                hint={t("ownerRole.hint")}
                maxLength={160}
                defaultValue={value("ownerRole")}
                error={error("ownerRole")}
              />
              <TextField
                name="ownerOrganisation"
                label={t("ownerOrganisation.label")}
                maxLength={160}
                defaultValue={value("ownerOrganisation")}
                error={error("ownerOrganisation")}
              />
            </div>
          </section>

          <section className="space-y-5" aria-labelledby="brief-pack">
            <div>
              <h2 id="brief-pack" className="text-xl font-bold tracking-tight">
                {t("packHeading")}
              </h2>
              <p className="text-ink-soft">{t("packIntro")}</p>
            </div>
            {area("background", 20000, 10)}
            <div>
              <h3 className="mb-2 text-lg font-bold">{t("dataLinks.heading")}</h3>
              <ListEditor
                name="dataLinks"
                onEdit={(list) => edited("dataLinks", list)}
                memory={listMemory}
                noun={t("dataLinks.noun")}
                columns={linkColumns}
                initialRows={lists.dataLinks}
                errors={state.errors}
                addLabel={t("dataLinks.add")}
                emptyText={t("dataLinks.empty")}
              />
            </div>
            <div>
              <h3 className="mb-2 text-lg font-bold">{t("contacts.heading")}</h3>
              <ListEditor
                name="contacts"
                onEdit={(list) => edited("contacts", list)}
                memory={listMemory}
                noun={t("contacts.noun")}
                columns={contactColumns}
                initialRows={lists.contacts}
                errors={state.errors}
                addLabel={t("contacts.add")}
                emptyText={t("contacts.empty")}
              />
            </div>
            <div>
              <h3 className="mb-2 text-lg font-bold">{t("usefulLinks.heading")}</h3>
              <ListEditor
                name="usefulLinks"
                onEdit={(list) => edited("usefulLinks", list)}
                memory={listMemory}
                noun={t("usefulLinks.noun")}
                columns={linkColumns}
                initialRows={lists.usefulLinks}
                errors={state.errors}
                addLabel={t("usefulLinks.add")}
                emptyText={t("usefulLinks.empty")}
              />
            </div>
          </section>
        </Fragment>
        <SavedMessage message={state.savedBy === "status" ? undefined : state.saved} />
        <SubmitButton pendingLabel={t("saving")} intent="brief">
          {t("save")}
        </SubmitButton>
      </section>
      <div className="space-y-6">
        <BriefFiles files={props.files} answer={state.upload} submission={props.submission} />
      </div>
    </form>
  );
}
