import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import PageError from "@/app/error";
import { everyPage } from "./areas";
import { messagesFor, pickPaths } from "./catalogue";
import { allLocales } from "./locales";

/** The page a broken page turns into: said in every language with only the messages every page has. */
describe("the page shown when a page stops working", () => {
  it.each(allLocales.map((l) => l.code))("is worded in %s from every page's own messages", (locale) => {
    const missing: string[] = [];
    const page = createElement(PageError, {
      error: Object.assign(new Error("database locked"), { digest: "1234567" }),
      retry: () => {},
    });
    const html = renderToStaticMarkup(
      createElement(NextIntlClientProvider, {
        locale,
        timeZone: "Europe/London",
        messages: pickPaths(messagesFor(locale), everyPage),
        onError: (e: Error) => missing.push(e.message),
        // biome-ignore lint/correctness/noChildrenProp: a .ts test has no JSX, and the provider's type requires the prop
        children: page,
      }),
    );
    expect(missing).toEqual([]);
    const words = messagesFor(locale).home as { crashed: Record<string, string> };
    expect(html).toContain(words.crashed.title);
    expect(html).toContain(words.crashed.retry);
    expect(html).toContain("1234567");
    // The error's own message is the server's business, never the reader's.
    expect(html).not.toContain("database locked");
  });
});
