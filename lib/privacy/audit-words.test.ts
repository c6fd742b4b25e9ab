import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translator";
import { auditSubjectInWords } from "./audit-words";

const said = (locale: string, action: string, subject: string) =>
  auditSubjectInWords(translator(locale, "organiser"), action, subject, (key) => key);

describe("an audit entry's subject in the organiser's words", () => {
  it("counts people, photos and files with each language's plural", () => {
    expect(said("en-GB", "participants.details_viewed", "people:1")).toBe("1 person listed");
    expect(said("en-GB", "participants.details_viewed", "people:12")).toBe("12 people listed");
    expect(said("en-GB", "retention.swept", "participants:1 photos:3")).toBe("1 person pseudonymised, 3 photos deleted");
    expect(said("en-GB", "event.deleted", "files:1")).toBe("1 file removed");
    // Polish: one, few (2–4, 22–24…) and many (5–21, 25…).
    expect(said("pl", "participants.details_viewed", "people:1")).toBe("1 osoba na liście");
    expect(said("pl", "participants.details_viewed", "people:3")).toBe("3 osoby na liście");
    expect(said("pl", "participants.details_viewed", "people:5")).toBe("5 osób na liście");
    expect(said("pl", "participants.details_viewed", "people:22")).toBe("22 osoby na liście");
    expect(said("pl", "retention.swept", "participants:2 photos:12")).toBe("2 osoby zanonimizowane, 12 usuniętych zdjęć");
    expect(said("pl", "event.deleted", "files:1")).toBe("1 usunięty plik");
    expect(said("pt-PT", "event.deleted", "files:1")).toBe("1 ficheiro removido");
    expect(said("fr", "participants.details_viewed", "people:1")).toBe("1 personne listée");
    expect(said("es", "retention.swept", "participants:1 photos:1")).toBe("1 persona seudonimizada; 1 foto eliminada");
    // Numbers written the language's way.
    expect(said("fr", "event.deleted", "files:1200")).toBe("1\u202f200 fichiers supprimés");
  });

  it("leaves a subject without its counts as it is stored", () => {
    expect(said("pl", "participants.details_viewed", "")).toBe("");
    expect(said("pl", "retention.swept", "participants:2")).toBe("participants:2");
    expect(said("pl", "event.deleted", "files:many")).toBe("files:many");
  });
});
