import { submissionField } from "@/lib/forms/submission-field";

/**
 * The id a form was drawn with (lib/forms/form-submission.ts): sent again, the form does nothing
 * twice. Keyed, so the new id of a page drawn again after a save replaces the old one, even
 * through the form's reset.
 */
export function SubmissionField({ id }: { id: string }) {
  return <input key={id} type="hidden" name={submissionField} defaultValue={id} />;
}
