/**
 * Known XSS payloads. Each calls `__xss(<n>)` if it ever runs, and starts with a visible marker
 * (`XSS-<n>`) so a test can see that it was rendered. Add a payload: one line; add a place it
 * is posted or a page it is shown on: e2e/reliability/xss.spec.ts.
 */
export const xssPayloads: string[] = [
  `<script>__xss(1)</script>`,
  `<img src=x onerror=__xss(2)>`,
  `"><svg onload=__xss(3)>`,
  `<a href="javascript:__xss(4)">click</a>`,
  `[click](javascript:__xss(5))`,
  `![img](javascript:__xss(6))`,
  `<iframe srcdoc="<script>parent.__xss(7)</script>"></iframe>`,
  `<details open ontoggle=__xss(8)>`,
  `</textarea><script>__xss(9)</script>`,
  `'-__xss(10)-'`,
  `{{constructor.constructor('__xss(11)')()}}`,
  `<math><mtext><table><mglyph><style><img src=x onerror=__xss(12)>`,
  `<body onload=__xss(13)>`,
  `<input autofocus onfocus=__xss(14)>`,
  `javascript:__xss(15)`,
  `<object data="javascript:__xss(16)"></object>`,
  `[x](  javascript:__xss(17))`,
  `<a href="&#106;avascript:__xss(18)">x</a>`,
].map((p, i) => `XSS-${i + 1} ${p}`);

/** Short enough for names and titles (40 characters). */
export const shortXssPayloads = [
  `<img src=x onerror=__xss(101)>`,
  `<svg onload=__xss(102)>`,
  `"><script>__xss(103)</script>`,
  `<b onmouseover=__xss(104)>hi</b>`,
].map((p, i) => `XSS-${101 + i} ${p}`.slice(0, 40));
