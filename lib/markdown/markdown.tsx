import type { AnchorHTMLAttributes } from "react";
import Markdown, { type Components } from "react-markdown";

/**
 * Markdown written by organisers (a brief's background), rendered without ever executing
 * anything: there is no raw-HTML plugin, HTML typed into the text is shown as text, links keep
 * only web, mail and phone addresses (javascript:, data: and the like are dropped), and images
 * are not loaded.
 */

type MdNode = { type: string; value?: string; children?: MdNode[] };

/** A remark plugin: every raw HTML node becomes plain text, so `<script>` reads as `<script>`. */
function remarkHtmlAsText() {
  const walk = (node: MdNode) => {
    if (!node.children) return;
    node.children = node.children.map((child) => {
      if (child.type !== "html") {
        walk(child);
        return child;
      }
      const text = { type: "text", value: child.value ?? "" };
      // Block-level HTML sits where a paragraph would; inline HTML sits among text.
      return node.type === "root" ? { type: "paragraph", children: [text] } : text;
    });
  };
  return (tree: MdNode) => walk(tree);
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

export function SafeMarkdown({ children, headingBase = 4 }: { children: string; headingBase?: 2 | 3 | 4 }) {
  return (
    <div className="md">
      <Markdown
        remarkPlugins={[remarkHtmlAsText]}
        urlTransform={(url) => safeUrl(url)}
        disallowedElements={["img"]}
        components={{ a: Link, ...headingComponents(headingBase) }}
      >
        {children}
      </Markdown>
    </div>
  );
}
