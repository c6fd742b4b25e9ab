/**
 * The hidden field a form that must not act twice carries its id in (lib/forms/form-submission.ts).
 * A module of its own: forms drawn in the browser name it without bringing the server's side
 * (the database, zod, node:crypto) into the page's script.
 */
export const submissionField = "submission";
