"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/app/ui/form";
import { rowFields, unsavedIn } from "@/lib/forms/carried-fields";
import { listFromForm } from "@/lib/forms/list-fields";
import { SavedMessage, SubmitButton } from "../../../form-fields";
import { type ListColumn, ListEditor } from "../../../list-editor";
import { UnsavedNote, usePartAnswer } from "../../../page-form";
import { useEditBasis } from "../../../use-edit-basis";
import type { SavedFormState } from "./actions";

/** The agenda row's fields, as its editor posts them (`phases.N.key`). */
const phaseKeys = ["id", "name", "startsAt", "endsAt"] as const;

export function AgendaForm({ phases, basis: drawnOn }: { phases: Record<string, string>[]; basis: string }) {
  const t = useTranslations("organiser.agenda");
  const te = useTranslations("organiser.edit");
  const state = usePartAnswer<SavedFormState>("agenda");
  const columns: ListColumn[] = [
    { key: "name", label: t("phase"), maxLength: 80, placeholder: t("phasePlaceholder"), wide: true },
    { key: "startsAt", label: t("starts"), type: "datetime-local", hint: t("londonTime") },
    { key: "endsAt", label: t("ends"), type: "datetime-local", hint: t("endsHint") },
  ];
  const { basis, round, onInput, edited, lists } = useEditBasis(drawnOn, state);
  return (
    <div onInput={onInput} data-part="agenda" className="space-y-5">
      <input type="hidden" name="basis.agenda" value={basis} />
      <FormMessage message={state.message} />
      <UnsavedNote shown={unsavedIn(state, rowFields("phases", phases), ["phases"])} button={t("save")} />
      <ListEditor
        // An answer (a save, or someone else's agenda found) draws the rows again: as posted when nothing was saved,
        // as the organiser has them when they changed them while it was on its way.
        key={round}
        onEdit={(list) => edited("phases", list)}
        memory={lists}
        name="phases"
        noun={t("noun")}
        columns={columns}
        hiddenKeys={["id"]}
        initialRows={
          state.rows ?? (state.values ? listFromForm(new Map(Object.entries(state.values)), "phases", phaseKeys) : phases)
        }
        errors={state.errors}
        addLabel={t("add")}
        emptyText={t("empty")}
      />
      <p className="text-sm text-ink-soft">{t("order")}</p>
      <SavedMessage message={state.saved} />
      <SubmitButton pendingLabel={te("saving")} intent="agenda">
        {t("save")}
      </SubmitButton>
    </div>
  );
}
