/**
 * The name of the hidden field a form with files draws once its script runs: it then sends itself
 * by script and never redraws, so the files chosen stay chosen when a save is refused.
 */
export const filesKeptField = "filesKept";

/**
 * How many files posted in `field` the person will have to choose again if the save is refused.
 * A browser never refills a file field: a form posted without JavaScript (or before its script
 * ran) comes back empty there, while one sent by script keeps them and says so (`filesKeptField`).
 */
export function filesToChooseAgain(form: FormData, field: string): number {
  if (form.get(filesKeptField) === "yes") return 0;
  return form.getAll(field).filter((f) => typeof f === "object" && f !== null && "size" in f && f.size > 0).length;
}
