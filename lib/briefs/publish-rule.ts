/**
 * What a brief needs before people can see it. Phones and the public event page show a brief as
 * its title and its problem: what isn't working, and for whom. The weekends' teams choose a brief
 * on the first evening by reading it, and a team handed a bare title spent its first day working
 * out what the brief was; a title alone is an empty card. The rest of the pack helps but can
 * come later.
 */
export type BriefStatus = "draft" | "published" | "withdrawn";
type Side = { status: BriefStatus; problem: string };

/** The fields a published brief must have filled in. */
export const neededToPublish = ["problem"] as const;

/**
 * The fields missing for a save that would leave the brief published without them: empty when
 * the save may go ahead. Only a save that publishes the brief or empties one of them is held up:
 * a brief published before this rule, still without them, can be edited in other ways meanwhile.
 */
export function missingToPublish(before: Side, after: Side): (typeof neededToPublish)[number][] {
  if (after.status !== "published") return [];
  return neededToPublish.filter((field) => {
    if (after[field].trim() !== "") return false;
    return before.status !== "published" || before[field].trim() !== "";
  });
}
