/** The submitter of the profile form that clears "Which describes you" (and saves the rest as shown). */
export const clearKindIntent = "clear-kind";

/** The profile form as posted, before the contract reads it: radio and select answers as their raw values. */
export type TypedProfile = {
  displayName: string;
  /** The name the form was drawn with: the name is saved only if it was typed over. */
  shownName: string;
  /** The suggested skills ticked (their English keys). */
  chosen: string[];
  otherSkills: string;
  kind: string;
  ageBand: string;
  accessNeeds: string;
  contactConsent: boolean;
  contact: string;
  /** The stored answers the form was first drawn with (JSON): a save sends only those changed since. */
  startedFrom: string;
};

/** What the server action answers a posted profile form with. */
export type ProfileFormState = {
  errors?: Record<string, string>;
  message?: string;
  /** Echoed after a refusal, so nothing typed is lost. */
  typed?: TypedProfile;
  saved?: string;
};
