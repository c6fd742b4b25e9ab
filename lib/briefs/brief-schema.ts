import { z } from "zod";
import { listWithSpareRows } from "@/lib/forms/list-fields";

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${label} to ${max.toLocaleString("en-GB")} characters or fewer.`);

export const briefTitleSchema = z
  .string()
  .trim()
  .min(1, "Give the brief a title.")
  .max(120, "Keep the title to 120 characters or fewer.");

/** A web address people can open: http or https only, so nothing else can hide in a pack. */
export const webAddressSchema = z
  .string()
  .trim()
  .min(1, "Enter the web address.")
  .max(2000, "That web address is too long.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
    } catch {
      return false;
    }
  }, "Enter a full web address, starting with https://");

const packLinkSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Give the link a title people will recognise.")
    .max(160, "Keep the title to 160 characters or fewer."),
  url: webAddressSchema,
  note: text("the note", 300),
});

const contactSchema = z.object({
  role: z
    .string()
    .trim()
    .min(1, "Say who this is by their role, like Project lead, Parks team.")
    .max(160, "Keep the role to 160 characters or fewer."),
  howToReach: z
    .string()
    .trim()
    .min(1, "Say how to reach them: in the room, an email address, a phone number.")
    .max(300, "Keep this to 300 characters or fewer."),
});

const maxRows = 30;
/** Rows left entirely blank are spare rows, not mistakes: dropped, once each row is checked where it stands. */
const isSpare = (row: Record<string, unknown>) => Object.values(row).every((v) => String(v ?? "").trim() === "");
const linkRows = listWithSpareRows(packLinkSchema, isSpare, maxRows, `Keep it to ${maxRows} links or fewer.`);
const contactRows = listWithSpareRows(contactSchema, isSpare, maxRows, `Keep it to ${maxRows} contacts or fewer.`);

/** Everything the brief editor's main form saves. */
export const briefFieldsSchema = z.object({
  title: briefTitleSchema,
  problem: text("the problem", 2000),
  whyItMatters: text("why it matters", 2000),
  successLooksLike: text("what success looks like", 2000),
  budget: text("the budget", 200),
  timescale: text("the timescale", 200),
  mayNotChange: text("what may not change", 1000),
  ownerRole: text("the owner's role", 160),
  ownerOrganisation: text("the organisation", 160),
  background: text("the background", 20000),
  dataLinks: linkRows,
  usefulLinks: linkRows,
  contacts: contactRows,
});

export type BriefFields = z.output<typeof briefFieldsSchema>;

export const briefTextFields = [
  "title",
  "problem",
  "whyItMatters",
  "successLooksLike",
  "budget",
  "timescale",
  "mayNotChange",
  "ownerRole",
  "ownerOrganisation",
  "background",
] as const;

export const briefStatusSchema = z.enum(["draft", "published", "withdrawn"], "Choose draft, published or withdrawn.");

/** The brief editor's fields of a stored brief and its pack, in the shape the form saves (what two organisers' saves are merged on). */
export function storedBriefFields(
  brief: {
    [K in (typeof briefTextFields)[number]]: string;
  } & {
    pack: {
      dataLinks: readonly { title: string; url: string; note: string }[];
      usefulLinks: readonly { title: string; url: string; note: string }[];
      contacts: readonly { role: string; howToReach: string }[];
    };
  },
): BriefFields {
  const links = (list: typeof brief.pack.dataLinks) => list.map((l) => ({ title: l.title, url: l.url, note: l.note }));
  return {
    ...(Object.fromEntries(briefTextFields.map((field) => [field, brief[field]])) as Record<
      (typeof briefTextFields)[number],
      string
    >),
    dataLinks: links(brief.pack.dataLinks),
    usefulLinks: links(brief.pack.usefulLinks),
    contacts: brief.pack.contacts.map((c) => ({ role: c.role, howToReach: c.howToReach })),
  };
}
