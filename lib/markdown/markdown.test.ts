import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SafeMarkdown, safeUrl } from "./markdown";

const render = (md: string) => renderToStaticMarkup(createElement(SafeMarkdown, null, md));

describe("SafeMarkdown", () => {
  it("renders ordinary Markdown", () => {
    const html = render("# Background\n\nThe **parks** team.\n\n- one\n- two\n\n[Data](https://data.london.gov.uk/)");
    expect(html).toContain('<h4 class="md-heading">Background</h4>');
    expect(html).toContain("<strong>parks</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://data.london.gov.uk/" class="link" rel="nofollow noopener noreferrer">Data</a>');
  });

  it("shows a script tag as text and never emits one", () => {
    const html = render("Hello <script>alert(1)</script>\n\n<script>\nalert(2)\n</script>");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;script&gt;\nalert(2)\n&lt;/script&gt;");
  });

  it("shows HTML with event handlers as text", () => {
    const html = render('<img src=x onerror="alert(1)">\n\nText <a href="#" onclick="alert(2)">x</a> <svg onload=alert(3)>');
    expect(html).not.toMatch(/<img|<svg|<a href="#"/i);
    // No real tag carries an event handler; the text of one is escaped (&lt;…) and harmless.
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("drops javascript:, data: and vbscript: links but keeps their text", () => {
    for (const md of [
      "[click](javascript:alert(1))",
      "[click](JavaScript:alert(1))",
      "[click](java&#x09;script:alert(1))",
      "[click](&#106;avascript:alert(1))",
      "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "[click](vbscript:msgbox)",
      "<javascript:alert(1)>",
      "[click][ref]\n\n[ref]: javascript:alert(1)",
    ]) {
      const html = render(md);
      expect(html, md).not.toMatch(/href=/);
      expect(html, md).not.toMatch(/<[a-z][^>]*(javascript:|data:|vbscript:)/i);
    }
  });

  it("does not load images, even from safe addresses", () => {
    const html = render("![tracker](https://example.com/pixel.png) ![x](javascript:alert(1))");
    expect(html).not.toContain("<img");
  });
});

describe("safeUrl", () => {
  it("keeps web, mail and phone links and relative paths", () => {
    for (const url of [
      "https://www.ons.gov.uk/",
      "http://x.test/a?b=1#c",
      "mailto:team@madein.example",
      "tel:+442079260000",
      "/e/x",
      "#part",
      "page?x=a:b",
    ]) {
      expect(safeUrl(url)).toBe(url);
    }
  });

  it("drops everything else, however it is disguised", () => {
    for (const url of [
      "javascript:alert(1)",
      " JAVASCRIPT:alert(1)",
      "java\tscript:alert(1)",
      "java\nscript:x",
      "data:text/html,x",
      "file:///etc/passwd",
      "vbscript:x",
      "\u0000javascript:x",
    ]) {
      expect(safeUrl(url), JSON.stringify(url)).toBe("");
    }
  });

  it("shows a text the parser would be slow on as it was typed, and draws the rest of a long text as markdown", () => {
    const hostile = `${"*".repeat(5_000)}a${"*".repeat(4_999)}`;
    expect(render(hostile)).toContain(hostile);
    const quotes = `${">".repeat(3_000)} a`;
    expect(render(quotes)).toContain("&gt;&gt;&gt;");
    const long = `${"The **parks** team.\n\n".repeat(200)}${hostile}\n\n${"- one\n".repeat(10)}`;
    const html = render(long);
    // Only the piece holding the hostile line is shown as typed (./chunks.ts): the others are still markdown.
    expect(html.match(/<strong>parks<\/strong>/g)?.length).toBeGreaterThanOrEqual(150);
    expect(html).toContain("<li>one</li>");
    expect(html).toContain(hostile);
  });
});
