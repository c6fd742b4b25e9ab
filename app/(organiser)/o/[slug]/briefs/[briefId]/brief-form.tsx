"use client";

import { FormMessage, TextField } from "@/app/ui/form";
import { SavedMessage, SubmitButton, TextArea } from "../../../../form-fields";
import { ListEditor } from "../../../../list-editor";
import { type FormAction, useKeptForm } from "../../../../use-kept-form";
import type { BriefFormState } from "../actions";

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

const linkColumns = [
  { key: "title", label: "Title", maxLength: 160 },
  { key: "url", label: "Web address", type: "url", placeholder: "https://" },
  { key: "note", label: "Note (optional)", maxLength: 300, wide: true },
] as const;

const contactColumns = [
  { key: "role", label: "Role", maxLength: 160, placeholder: "Project lead, Parks team" },
  { key: "howToReach", label: "How to reach them", maxLength: 300, placeholder: "In the room on Saturday; parks@…" },
] as const;

export function BriefForm(props: {
  action: FormAction<BriefFormState>;
  initial: Record<Text, string>;
  dataLinks: Record<string, string>[];
  usefulLinks: Record<string, string>[];
  contacts: Record<string, string>[];
}) {
  const { state, formProps } = useKeptForm<BriefFormState>(props.action, {});
  const value = (name: Text) => state.values?.[name] ?? props.initial[name];
  const error = (name: Text) => state.errors?.[name];
  const area = (name: Text, label: string, hint: string, max: number, rows = 3) => (
    <TextArea name={name} label={label} hint={hint} maxLength={max} rows={rows} defaultValue={value(name)} error={error(name)} />
  );
  return (
    <form {...formProps} className="space-y-8">
      <FormMessage message={state.message} />
      <section className="space-y-5" aria-labelledby="brief-words">
        <h2 id="brief-words" className="text-xl font-bold tracking-tight">
          The brief
        </h2>
        <TextField name="title" label="Title" maxLength={120} required defaultValue={value("title")} error={error("title")} />
        {area("problem", "The problem", "What isn't working, and for whom. Plain words.", 2000, 4)}
        {area("whyItMatters", "Why it matters", "What changes for people if this is solved.", 2000)}
        {area("successLooksLike", "What success looks like", "Something a team could make in a weekend and test.", 2000)}
      </section>

      <section className="space-y-5" aria-labelledby="brief-limits">
        <h2 id="brief-limits" className="text-xl font-bold tracking-tight">
          Constraints
        </h2>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            name="budget"
            label="Budget"
            hint="For example: £3,000 including insurance"
            maxLength={200}
            defaultValue={value("budget")}
            error={error("budget")}
          />
          <TextField
            name="timescale"
            label="Timescale"
            hint="For example: 30, 60 or 90 days"
            maxLength={200}
            defaultValue={value("timescale")}
            error={error("timescale")}
          />
        </div>
        {area("mayNotChange", "What may not change", "Rules, systems or promises the team must work within.", 1000)}
      </section>

      <section className="space-y-5" aria-labelledby="brief-owner">
        <div>
          <h2 id="brief-owner" className="text-xl font-bold tracking-tight">
            Owner
          </h2>
          <p className="text-ink-soft">Who takes the work forward after the weekend. A role, not a name.</p>
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            name="ownerRole"
            label="Role"
            hint="For example: Head of Digital Services"
            maxLength={160}
            defaultValue={value("ownerRole")}
            error={error("ownerRole")}
          />
          <TextField
            name="ownerOrganisation"
            label="Organisation"
            maxLength={160}
            defaultValue={value("ownerOrganisation")}
            error={error("ownerOrganisation")}
          />
        </div>
      </section>

      <section className="space-y-5" aria-labelledby="brief-pack">
        <div>
          <h2 id="brief-pack" className="text-xl font-bold tracking-tight">
            Project pack
          </h2>
          <p className="text-ink-soft">
            What a team needs to start without waiting for anyone: background, data, people and links.
          </p>
        </div>
        {area(
          "background",
          "Background",
          "Written in Markdown: # Heading, **bold**, - lists, [link text](https://…). HTML is shown as typed, never run; images are not shown (upload them as files).",
          20000,
          10,
        )}
        <div>
          <h3 className="mb-2 text-lg font-bold">Data sets and documents</h3>
          <ListEditor
            name="dataLinks"
            noun="data link"
            columns={linkColumns}
            initialRows={props.dataLinks}
            errors={state.errors}
            addLabel="Add a data link"
            emptyText="No data links yet. Files are uploaded below."
          />
        </div>
        <div>
          <h3 className="mb-2 text-lg font-bold">Contacts</h3>
          <ListEditor
            name="contacts"
            noun="contact"
            columns={contactColumns}
            initialRows={props.contacts}
            errors={state.errors}
            addLabel="Add a contact"
            emptyText="No contacts yet."
          />
        </div>
        <div>
          <h3 className="mb-2 text-lg font-bold">Useful links</h3>
          <ListEditor
            name="usefulLinks"
            noun="useful link"
            columns={linkColumns}
            initialRows={props.usefulLinks}
            errors={state.errors}
            addLabel="Add a useful link"
            emptyText="No useful links yet."
          />
        </div>
      </section>

      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel="Saving…">Save brief</SubmitButton>
    </form>
  );
}
