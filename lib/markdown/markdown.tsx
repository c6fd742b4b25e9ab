import type { AnchorHTMLAttributes } from "react";
import Markdown, { type Components } from "react-markdown";
import { markdownChunks } from "./chunks";
import { markdownHazard } from "./hazards";

/**
 * Markdown written by organisers (a brief's background), rendered without ever executing
 * anything: there is no raw-HTML plugin, HTML typed into the text is shown as text, links keep
 * only web, mail and phone addresses (javascript:, data: and the like are dropped), and images
 * are not loaded.
 */

type MdNode = { type: string; value?: string; children?: MdNode[] };

/** A remark plugin: every raw HTML node becomes plain text, so `<script>` reads as `<script>`. */
function remarkHtmlAsText() {
  // A loop over a list, not recursion: however deep the tree, no stack to overflow.
  return (tree: MdNode) => {
    const toVisit: MdNode[] = [tree];
    for (let node = toVisit.pop(); node; node = toVisit.pop()) {
      if (!node.children) continue;
      const parent = node;
      parent.children = parent.children!.map((child) => {
        if (child.type !== "html") {
          toVisit.push(child);
          return child;
        }
        const text = { type: "text", value: child.value ?? "" };
        // Block-level HTML sits where a paragraph would; inline HTML sits among text.
        return parent.type === "root" ? { type: "paragraph", children: [text] } : text;
      });
    }
  };
}

const safeProtocols = new Set(["http:", "https:", "mailto:", "tel:"]);

/**
 * A link's address if it is safe to follow, else "". Browsers ignore tabs, newlines and other
 * control characters inside a URL ("java\tscript:" runs), so they are removed before looking.
 */
export function safeUrl(url: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  if (scheme) return safeProtocols.has(`${scheme[1]!.toLowerCase()}:`) ? cleaned : "";
  // No scheme: a path, a #fragment or //host. A colon before any / ? # would be read as a scheme.
  return /^[^/?#]*:/.test(cleaned) ? "" : cleaned;
}

function Link({ href, children }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  if (!href) return <span>{children}</span>;
  return (
    <a href={href} className="link" rel="nofollow noopener noreferrer">
      {children}
    </a>
  );
}

/** Headings inside a brief sit under the page's own; `base` is the level a `#` heading becomes. */
function headingComponents(base: 2 | 3 | 4): Partial<Components> {
  const level = (n: number) => Math.min(6, base + n) as 2 | 3 | 4 | 5 | 6;
  const make = (n: number) => {
    const Tag = `h${level(n)}` as const;
    return ({ children }: { children?: React.ReactNode }) => <Tag className="md-heading">{children}</Tag>;
  };
  return { h1: make(0), h2: make(0), h3: make(1), h4: make(2), h5: make(2), h6: make(2) };
}

const urlTransform = (url: string) => safeUrl(url);

/** One piece of the text (./chunks.ts): as markdown, or as typed when the parser would be slow on it (./hazards.ts). */
function Piece({ text, headingBase }: { text: string; headingBase: 2 | 3 | 4 }) {
  if (markdownHazard(text)) return <p className="whitespace-pre-wrap break-words">{text}</p>;
  return (
    <Markdown
      remarkPlugins={[remarkHtmlAsText]}
      urlTransform={urlTransform}
      disallowedElements={["img"]}
      components={{ a: Link, ...headingComponents(headingBase) }}
    >
      {text}
    </Markdown>
  );
}

/**
 * Drawn texts, kept: a brief's background is drawn on every request of a public page, and its
 * text changes only when an organiser saves it. Parsing it once per process, not per visitor,
 * keeps a reloading stranger from costing the rooms anything. The oldest goes first.
 */
const drawn = new Map<string, React.ReactElement>();
const drawnKept = 64;

export function SafeMarkdown({ children, headingBase = 4 }: { children: string; headingBase?: 2 | 3 | 4 }) {
  const key = `${headingBase}\n${children}`;
  let element = drawn.get(key);
  if (element) {
    drawn.delete(key);
  } else {
    const pieces = markdownChunks(children);
    element = (
      <div className="md">
        {pieces.map((text, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one text, in order, never reordered
          <Piece key={i} text={text} headingBase={headingBase} />
        ))}
      </div>
    );
    if (drawn.size >= drawnKept) drawn.delete(drawn.keys().next().value as string);
  }
  drawn.set(key, element);
  return element;
}
