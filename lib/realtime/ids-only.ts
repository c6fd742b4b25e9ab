/**
 * A command's stored result with everything but its ids taken out, for a command record that
 * mentions someone erased or a note deleted for good (lib/realtime/command-log-scrub.ts).
 *
 * Why not a marker such as `{ erased: true }`: a retry is answered with the stored result, and
 * some screens read it even from a retry (a move's `person.teamId`, a copy's `notes.length`, a
 * removal's `notesDeleted`). So the shape stays, with the ids, numbers, booleans and nulls those
 * screens use; every other string is emptied (a name, a note's words, a skill, a contact), as
 * nothing else in a result can be told apart from personal data. Keys stay: results key maps by
 * id, never by what someone wrote.
 */
const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** An id, or a person's key (`p:…`, `a:…`: lib/auth/actor.ts). */
const idLike = new RegExp(`^(?:[a-z]:)?${uuid}$`, "i");

export function idsOnly(value: unknown): unknown {
  if (typeof value === "string") return idLike.test(value) ? value : "";
  if (Array.isArray(value)) return value.map(idsOnly);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, idsOnly(inner)]));
  }
  return value;
}
