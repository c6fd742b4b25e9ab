/**
 * Cuts a long markdown text into pieces parsed one by one. micromark's work on some shapes
 * (lists, quotes, setext headings, emphasis) grows with the square of how many there are in one
 * parse; parsed in pieces of about `target` characters, a text costs in proportion to its length.
 * A piece ends where nothing can carry over: after a blank line, before a line that starts at
 * its first column, outside a fenced code block. A block with no such place grows to twice
 * `target` at most, then is cut between two lines (a list that long may then be drawn as two).
 * Texts shorter than `target` stay whole, so they render exactly as before. Link reference definitions are given to every piece, so a
 * `[link][ref]` still finds a definition in another piece.
 */
export function markdownChunks(text: string, target = 2000): string[] {
  const lines = text.split("\n");
  const definitions = lines.filter((line) => /^ {0,3}\[[^\]]+\]:/.test(line));
  const chunks: string[] = [];
  let current: string[] = [];
  let size = 0;
  let fence: { char: string; length: number } | null = null;
  let afterBlank = false;
  for (const line of lines) {
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    const startsBlock = !fence && afterBlank && /^[^\s]/.test(line);
    if ((startsBlock && size >= target) || (!fence && size >= 2 * target)) {
      chunks.push(current.join("\n"));
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
    if (fenceMark) {
      if (!fence) fence = { char: fenceMark[0]!, length: fenceMark.length };
      else if (fenceMark[0] === fence.char && fenceMark.length >= fence.length && /^ {0,3}[`~]+[ \t]*$/.test(line)) fence = null;
    }
    afterBlank = line.trim() === "";
  }
  if (current.length > 0) chunks.push(current.join("\n"));
  if (chunks.length === 1 || definitions.length === 0) return chunks;
  const shared = definitions.join("\n");
  return chunks.map((chunk) => `${chunk}\n\n${shared}`);
}
