/**
 * Who may see a brief (and the files in its pack). The event's staff see every brief; anyone
 * else sees a brief only once both it and its event are published (or the event is archived,
 * when its page stays up as a record).
 */
export function briefIsPublic(eventStatus: "draft" | "published" | "archived", briefStatus: "draft" | "published" | "withdrawn") {
  return eventStatus !== "draft" && briefStatus === "published";
}

export function canSeeBrief(input: {
  isStaff: boolean;
  eventStatus: "draft" | "published" | "archived";
  briefStatus: "draft" | "published" | "withdrawn";
}) {
  return input.isStaff || briefIsPublic(input.eventStatus, input.briefStatus);
}
