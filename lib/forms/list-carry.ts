/**
 * A list of rows in a form (an agenda's phases, a brief's links) that the person changed while a
 * save of it was on its way. The save's answer draws the list again from what was stored, which
 * would drop the rows added, moved or removed meanwhile, so the list is carried over as the person
 * has it, and each row that was sent takes from the answer what the save gave it (a new phase's
 * id): saved again, it updates that row instead of adding it twice.
 */
export type ListRow = { key: number; values: Record<string, string> };

const same = (a: Record<string, string>, b: Record<string, string>, columns: readonly string[]) =>
  columns.every((column) => (a[column] ?? "").trim() === (b[column] ?? "").trim());

/**
 * `kept`: the rows as the person has them now; `sent`: the rows as they were sent, by the same
 * keys; `answer`: the rows the answer draws. A row sent without hidden keys (a new one) is found in
 * the answer by its words, among the rows no sent row has the id of, and takes its hidden keys. A
 * row that already had them keeps them; a row added after the save was sent, or one whose words
 * the save changed, is kept as it is.
 */
export function carryRows(
  kept: readonly ListRow[],
  sent: readonly ListRow[],
  answer: readonly Record<string, string>[],
  columns: readonly string[],
  hiddenKeys: readonly string[],
): ListRow[] {
  const identified = (values: Record<string, string>) => hiddenKeys.some((key) => values[key]);
  const sentByKey = new Map(sent.map((row) => [row.key, row.values]));
  const sentIds = new Set(
    sent.filter((row) => identified(row.values)).map((row) => hiddenKeys.map((key) => row.values[key] ?? "").join("\u0000")),
  );
  const taken = new Set(
    answer.flatMap((row, index) => (sentIds.has(hiddenKeys.map((key) => row[key] ?? "").join("\u0000")) ? [index] : [])),
  );
  return kept.map((row) => {
    const was = sentByKey.get(row.key);
    if (!was || identified(was) || identified(row.values)) return row;
    const index = answer.findIndex((candidate, i) => !taken.has(i) && identified(candidate) && same(candidate, was, columns));
    if (index < 0) return row;
    taken.add(index);
    const values = { ...row.values };
    for (const key of hiddenKeys) values[key] = answer[index]![key] ?? "";
    return { key: row.key, values };
  });
}
