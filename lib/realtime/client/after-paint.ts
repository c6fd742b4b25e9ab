/**
 * Runs `work` once the browser has painted what the current event changed, so a tap shows its
 * result before the page does the rest (writing the outbox, sending). A page that paints no
 * frames (a tab in the background) still runs it, after `fallbackMs`.
 */
export function afterNextPaint(work: () => void, fallbackMs = 100) {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    work();
  };
  // The frame callback runs before the paint; a task queued from it runs after.
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, fallbackMs);
}
