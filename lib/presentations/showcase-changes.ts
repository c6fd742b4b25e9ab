/**
 * A showcase save goes to the room as what it changed, not as the whole showcase: a team types a
 * letter and every screen of the event is sent that field, not four long texts and eight links
 * again. Pure, so the server and every screen agree on what a change is and how it lands.
 */
import type { ShowcaseChange, ShowcaseField, ShowcaseView } from "@/lib/realtime/contract-presentations";
import type { ShowcaseFields } from "./draft";

/** A field as a save writes it, and as screens show it. */
const shownAs = {
  title: "title",
  summary: "summary",
  made: "made",
  learned: "learned",
  links: "links",
  imageIds: "images",
  nextSteps: "nextSteps",
  takenForwardBy: "takenForwardBy",
  needs: "needs",
} as const satisfies Record<keyof ShowcaseFields, ShowcaseField>;

/** The fields of `view` (the showcase just saved) that a save of `written` changed. */
export function showcaseChanges(view: ShowcaseView, written: readonly (keyof ShowcaseFields)[]): ShowcaseChange["changes"] {
  const changes: Record<string, unknown> = {};
  for (const field of written) changes[shownAs[field]] = view[shownAs[field]];
  return changes as ShowcaseChange["changes"];
}

/** A screen's showcase with a save laid over it: the fields it changed, and who saved when. */
export function withShowcaseChange(view: ShowcaseView, change: ShowcaseChange): ShowcaseView {
  return { ...view, ...change.changes, updatedAt: change.updatedAt, updatedBy: change.updatedBy };
}
