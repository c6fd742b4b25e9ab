/** The board a people's choice vote lives on (browser-safe: lists of boards leave it out). */
export const peoplesChoiceTitle = "People's choice";

/** It exists for its vote, which the presentations page shows; it is locked and has no columns of its own. */
export const isPeoplesChoice = (b: { title: string; template: string; locked: boolean; teamId: string | null }) =>
  b.title === peoplesChoiceTitle && b.template === "blank" && b.locked && b.teamId === null;
