import { describe, expect, it } from "vitest";
import { eventDetailsSchema } from "@/lib/events/event-details";
import { localise } from "@/lib/i18n/server-text";
import { checkInSchema, coOwnersField, linksField, milestoneSchema, numbersField, projectSchema } from "./project-schema";

describe("project fields", () => {
  it("drops direction controls from a project's title and owner's name, and an event's name, as from display names", () => {
    const project = projectSchema.parse({
      title: "\u202ECafé in the park",
      summary: "",
      ownerName: "Amara\u2066 Okafor\u2069",
      ownerRole: "",
      coOwners: "",
    });
    expect(project).toMatchObject({ title: "Café in the park", ownerName: "Amara Okafor" });
    expect(
      projectSchema.safeParse({ title: "\u202E", summary: "", ownerName: "Amara", ownerRole: "", coOwners: "" }).success,
    ).toBe(false);
    const name = eventDetailsSchema.shape.name.parse("Made in \u202ELambeth");
    expect(name).toBe("Made in Lambeth");
  });

  it("reads co-owners one per line as name, role", () => {
    expect(coOwnersField.parse("Amara, Resident\n\nParks officer, Council, Parks")).toEqual([
      { name: "Amara", role: "Resident" },
      { name: "Parks officer", role: "Council, Parks" },
    ]);
  });

  it("reads numbers as 'what: how many'", () => {
    expect(numbersField("en-GB").parse("people reached: 1,200\nbags of litter = 14\nchange: -3")).toEqual([
      { label: "people reached", value: 1200 },
      { label: "bags of litter", value: 14 },
      { label: "change", value: -3 },
    ]);
    const bad = numbersField("en-GB").safeParse("lots of people");
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]?.message).toContain('"what: how many"');
  });

  it("reads a check-in's numbers the way the reader's language writes them", () => {
    const read = (locale: string, typed: string) =>
      numbersField(locale)
        .parse(typed)
        .map((n) => n.value);
    expect(read("pt-PT", "horas dedicadas: 2,5\npessoas alcançadas: 1.200,5")).toEqual([2.5, 1200.5]);
    expect(read("es", "personas alcanzadas: 1.200\nhoras: 2,5")).toEqual([1200, 2.5]);
    expect(read("fr", "personnes touchées : 1 200\nheures : 1\u202F250,5")).toEqual([1200, 1250.5]);
    expect(read("pl", "godziny: 2,5\nosoby: 12\u00A0000")).toEqual([2.5, 12000]);
    expect(read("en-GB", "people reached: 1,200\nhours given: 2.5")).toEqual([1200, 2.5]);
  });

  it("asks which number was meant rather than saving a guess, in the reader's language", () => {
    const refused = (locale: string, typed: string) => {
      const parsed = numbersField(locale).safeParse(typed);
      return localise(parsed.error?.issues[0]?.message ?? "saved", locale);
    };
    expect(refused("pt-PT", "pessoas alcançadas: 1.200")).toBe(
      'Verifique "pessoas alcançadas: 1.200": quer dizer 1200 ou 1,2? Escreva-o outra vez como um dos dois.',
    );
    expect(refused("pl", "osoby: 3,500")).toBe(
      "Sprawdź „osoby: 3,500”: chodzi o 3500 czy o 3,5? Wpisz tę liczbę jeszcze raz w jednej z tych postaci.",
    );
    expect(refused("en-GB", "people reached: 1.200")).toBe(
      'Check "people reached: 1.200": do you mean 1,200 or 1.2? Write it again like one of these.',
    );
  });

  it("takes a milestone's date as typed, and refuses a day the month doesn't have rather than moving it", () => {
    const milestone = (dueAt: string) => milestoneSchema.safeParse({ day: "30", title: "First steps", dueAt, done: false });
    expect(milestone("2028-02-29")).toMatchObject({ success: true, data: { dueAt: Date.UTC(2028, 1, 29, 12) } });
    for (const impossible of ["2027-02-29", "2027-02-30", "2027-04-31", "2027-13-01", "2027-00-10"]) {
      const parsed = milestone(impossible);
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(parsed.error.issues[0]?.message).toBe("Enter a real date.");
    }
    for (const slip of ["0001-01-01", "1999-12-31", "2100-01-01", "9999-12-31"]) {
      const parsed = milestone(slip);
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(parsed.error.issues[0]?.message).toBe("Enter a date between the years 2000 and 2099.");
    }
    expect(milestone("2000-01-01").success).toBe(true);
    expect(milestone("2099-12-31").success).toBe(true);
  });

  it("accepts only web links", () => {
    expect(linksField.parse("https://example.test/a\nhttp://example.test")).toEqual([
      "https://example.test/a",
      "http://example.test/",
    ]);
    expect(linksField.safeParse("javascript:alert(1)").success).toBe(false);
    expect(linksField.safeParse("data:text/html,hi").success).toBe(false);
  });

  it("a check-in needs a status, an author and something said", () => {
    const base = {
      status: "on_track",
      progress: "",
      evidence: "",
      numbers: "",
      links: "",
      learning: "",
      helpNeeded: "",
      authorName: "Owner",
    };
    const schema = checkInSchema("en-GB");
    expect(schema.safeParse(base).success).toBe(false);
    expect(schema.safeParse({ ...base, progress: "Opened the café" }).success).toBe(true);
    expect(schema.safeParse({ ...base, status: "fine", progress: "x" }).success).toBe(false);
  });
});
