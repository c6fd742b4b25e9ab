import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";

// Every ASCII letter has an accented twin, so text that skipped the catalogue stands out as plain ASCII.
const plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const accented = "áƀçðéƒĝĥíĵķĺɱñóƥʠŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĹṀÑÓƤɊŔŠŢÚṼŴẊÝŽ";
const twin = new Map([...plain].map((c, i) => [c, [...accented][i]]));

function accent(text: string): string {
  return [...text].map((c) => twin.get(c) ?? c).join("");
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: accent(el.value) };
    if (el.type === TYPE.tag) return { ...el, children: transform(el.children) };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(el.options).map(([key, option]) => [key, { ...option, value: transform(option.value) }]),
      );
      return { ...el, options } as MessageFormatElement;
    }
    return el;
  });
}

// The parser's own printer is not exported; this prints back what `transform` produces.
function escapeLiteral(text: string, inPlural: boolean): string {
  const quoted = text.replace(/'/g, "''");
  return quoted.replace(inPlural ? /[{}#<]/g : /[{}<]/g, (c) => `'${c}'`);
}

function style(value: unknown): string {
  if (!value) return "";
  if (typeof value === "string") return `, ${value}`;
  const parsed = value as { type?: number; pattern?: string; parsedOptions?: unknown };
  return parsed.pattern ? `, ::${parsed.pattern}` : "";
}

function print(elements: MessageFormatElement[], inPlural = false): string {
  return elements
    .map((el) => {
      switch (el.type) {
        case TYPE.literal:
          return escapeLiteral(el.value, inPlural);
        case TYPE.argument:
          return `{${el.value}}`;
        case TYPE.number:
          return `{${el.value}, number${style(el.style)}}`;
        case TYPE.date:
          return `{${el.value}, date${style(el.style)}}`;
        case TYPE.time:
          return `{${el.value}, time${style(el.style)}}`;
        case TYPE.pound:
          return "#";
        case TYPE.tag:
          return `<${el.value}>${print(el.children, inPlural)}</${el.value}>`;
        case TYPE.select:
        case TYPE.plural: {
          const kind = el.type === TYPE.select ? "select" : el.pluralType === "ordinal" ? "selectordinal" : "plural";
          const offset = el.type === TYPE.plural && el.offset ? ` offset:${el.offset}` : "";
          const options = Object.entries(el.options)
            .map(([key, option]) => `${key} {${print(option.value, el.type === TYPE.plural)}}`)
            .join(" ");
          return `{${el.value}, ${kind},${offset} ${options}}`;
        }
        default:
          return "";
      }
    })
    .join("");
}

/** Plain text (a date Intl formatted in English) as the pseudo-locale shows it. */
export function pseudoText(text: string): string {
  return `⟦${accent(text)}⟧`;
}

/**
 * English, accented and about a third longer, between ⟦ ⟧: every translated string is visibly
 * translated, nothing else is, and long languages' layouts are tried.
 */
export function pseudoLocalise(message: string): string {
  const ast = parse(message, { ignoreTag: false });
  const printed = print(transform(ast));
  const padding = "~".repeat(Math.ceil(message.length * 0.3));
  return `⟦${printed}${padding}⟧`;
}
