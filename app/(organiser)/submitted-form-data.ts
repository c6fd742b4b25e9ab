/**
 * What a button of a form sends, as the browser would, except on the pages that are one form of
 * several parts (`data-part`): there the files chosen in another part than the button's are left
 * out, so photos picked for a check-in, or a file picked for a brief's pack, ride with no other
 * part's save (they made every milestone save a 30 MB upload, or refused as too big).
 */
export function submittedFormData(form: HTMLFormElement, submitter: HTMLElement | null | undefined) {
  const data = new FormData(form, submitter ?? undefined);
  if (!form.querySelector("[data-part]")) return data;
  const part = submitter?.closest("[data-part]");
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="file"][name]')) {
    if (!part?.contains(input)) data.delete(input.name);
  }
  return data;
}
