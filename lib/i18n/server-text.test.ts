import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { agendaSchema } from "@/lib/events/agenda";
import { eventDetailsSchema } from "@/lib/events/event-details";
import { parseEventExport } from "@/lib/exports/export-schema";
import { readEventUpload } from "@/lib/exports/read-upload";
import { checkUpload } from "@/lib/files/file-types";
import { notAnImageMessage, tooManyPixelsMessage, unreadableImageMessage } from "@/lib/files/images";
import { displayNameSchema } from "@/lib/participants/profile";
import { milestoneSchema, projectSchema } from "@/lib/projects/project-schema";
import { commandSchemas, limits } from "@/lib/realtime/contract";
import { localiseAck } from "@/lib/realtime/socket-language";
import { staffPlacementProblem } from "@/lib/teams/team-rules";
import { messagesFor } from "./catalogue";
import { localise, recognise, say } from "./server-text";

const firstIssue = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message ?? "";

describe("what the server says, in the person's language", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("says a refusal in Portuguese", () => {
    expect(localise("You've used all your dots. Take one back to move it.", "pt-PT")).toBe(
      "Já usou todos os seus pontos. Retire um para o mudar de sítio.",
    );
    expect(localise("That team is full.", "pt-PT")).toBe("Essa equipa está cheia.");
  });

  it("says a facilitator's refusal to overfill a team, the team's own name kept", () => {
    const refusal = staffPlacementProblem({ name: "Healthwatch (parks)", capacity: 5 }, 5, false) ?? "";
    expect(localise(refusal, "fr")).toBe(
      "L’équipe Healthwatch (parks) est complète (5 places prises sur 5). Choisissez une autre équipe, donnez-lui plus de places, ou déplacez la personne quand même.",
    );
  });

  it("says a locked room's refusal whole when the lead's account is gone, not with an English stand-in", () => {
    const rest =
      "leads and has locked the room controls: only they change phases, the timer and the big screen. Boards and moderation are still yours. Ask them to unlock or to hand you the lead.";
    expect(localise(`The lead facilitator ${rest}`, "es")).toMatch(/^La persona que dirige ha bloqueado/);
    expect(localise(`Amara ${rest}`, "es")).toMatch(/^Amara dirige y ha bloqueado/);
  });

  it("says a refusal with a number in it, with the language's plural", () => {
    expect(localise("You can put at most 3 dots on one note.", "pl")).toBe(
      "Na jednej notatce możesz postawić najwyżej 3 kropki.",
    );
    expect(localise("You can put at most 5 dots on one note.", "pl")).toBe(
      "Na jednej notatce możesz postawić najwyżej 5 kropek.",
    );
  });

  it("says a zod issue of a command in Polish, the field's name too", () => {
    const parsed = commandSchemas["announcement:send"].safeParse({ text: "x".repeat(limits.announcementText + 1) });
    const english = firstIssue(parsed);
    expect(english).toBe(`An announcement must be ${limits.announcementText} characters or fewer`);
    expect(localise(english, "pl")).toBe(`Pole „Ogłoszenie” może mieć najwyżej ${limits.announcementText} znaków.`);
    expect(localise(firstIssue(commandSchemas["announcement:send"].safeParse({ text: "  " })), "fr")).toBe(
      "Le champ « Annonce » ne peut pas être vide.",
    );
  });

  it("translates a refusal's message and its issues at the edge, keeping codes and paths", () => {
    const ack = {
      ok: false as const,
      error: {
        code: "invalid" as const,
        message: "A note can't be empty",
        issues: [{ path: "text", message: "A note can't be empty" }],
      },
    };
    expect(localiseAck(ack, "es")).toEqual({
      ok: false,
      error: {
        code: "invalid",
        message: "El campo «Nota» no puede estar vacío.",
        issues: [{ path: "text", message: "El campo «Nota» no puede estar vacío." }],
      },
    });
    // English stays exactly as the code wrote it.
    expect(localiseAck(ack, "en-GB")).toBe(ack);
    const applied = { ok: true as const, result: { x: 1 } };
    expect(localiseAck(applied, "pt-PT")).toBe(applied);
  });

  it("says a join form's name problems in the request's language", () => {
    expect(localise(firstIssue(displayNameSchema.safeParse("")), "pt-PT")).toBe("Diga-nos que nome quer usar.");
    expect(localise(firstIssue(displayNameSchema.safeParse("a".repeat(41))), "en-GB-x-easy")).toBe(
      "Your name is too long. Use 40 characters or fewer.",
    );
  });

  it("says an organiser form's problem with a field's name and a number written with a comma", () => {
    const long = eventDetailsSchema.safeParse({
      name: "Launch",
      place: "",
      startsAt: "2026-12-04T18:00",
      endsAt: "2026-12-06T17:00",
      description: "x".repeat(2001),
      goals: "",
      accessInfo: "",
      childcare: "",
      food: "",
      whatToBring: "",
    });
    const english = firstIssue(long);
    expect(english).toBe("Keep the description to 2,000 characters or fewer.");
    expect(recognise(english)?.values?.max).toBe(2000);
    // Each language writes the number its own way: a narrow no-break space in French, none in Polish under 10 000.
    expect(localise(english, "fr")).toBe("Le champ « Description » doit faire 2\u202f000 caractères au maximum.");
    expect(localise(english, "pl")).toBe("Pole „Opis” może mieć najwyżej 2000 znaków.");
    expect(localise(english, "en-GB-x-easy")).toBe("The description is too long. Use 2,000 characters or fewer.");
    expect(localise("Keep the place to 160 characters or fewer.", "es")).toBe(
      "El campo «Lugar» puede tener como máximo 160 caracteres.",
    );
  });

  it("says a limit with the language's plural", () => {
    const agenda = agendaSchema.safeParse(
      Array.from({ length: 21 }, () => ({ name: "x", startsAt: "2026-12-04T18:00", endsAt: "" })),
    );
    expect(firstIssue(agenda)).toBe("Keep the agenda to 20 phases or fewer.");
    expect(localise(firstIssue(agenda), "pl")).toBe("Program może mieć najwyżej 20 etapów.");
    expect(localise("Keep it to 3 links or fewer.", "pl")).toBe("Najwyżej 3 linki.");
    expect(localise("Keep it to 1 links or fewer.", "fr")).toBe("1 lien au maximum.");
    expect(localise("Add at most 4 photos to one update.", "pl")).toBe("Do jednej aktualizacji dodaj najwyżej 4 zdjęcia.");
    expect(localise("Add at most 5 photos to one update.", "pl")).toBe("Do jednej aktualizacji dodaj najwyżej 5 zdjęć.");
    expect(localise("Add at most 1 photos to one update.", "pt-PT")).toBe("Adicione no máximo 1 fotografia a cada atualização.");
    expect(localise("Use at least 10 characters for your password.", "fr")).toBe(
      "Utilisez au moins 10 caractères pour votre mot de passe.",
    );
    const project = projectSchema.safeParse({
      title: "Pocket park",
      summary: "x".repeat(4001),
      ownerName: "Amara",
      ownerRole: "",
      coOwners: "",
    });
    expect(firstIssue(project)).toBe("Keep the summary to 4,000 characters or fewer.");
    expect(localise(firstIssue(project), "pl")).toBe("Pole „Podsumowanie” może mieć najwyżej 4000 znaków.");
    const day = milestoneSchema.safeParse({ day: "4000", title: "Opening", dueAt: "2027-01-15", done: false });
    expect(firstIssue(day)).toBe("Days after the start must be 3,650 or fewer.");
    expect(localise(firstIssue(day), "pt-PT")).toBe("Os dias depois do início podem ser no máximo 3650.");
  });

  it("says a file's size in the language's numbers, and its kind in its words", () => {
    const big = checkUpload({ name: "plan.pdf", size: 11 * 1024 * 1024, bytes: new Uint8Array([1]) });
    const tooBig = big.ok ? "" : big.message;
    expect(tooBig).toBe("This file is 11.0 MB. Files can be up to 10 MB.");
    expect(localise(tooBig, "fr")).toBe("Ce fichier fait 11 Mo. Les fichiers peuvent faire jusqu’à 10 Mo.");
    expect(localise("This file is 10.1 MB. Files can be up to 10 MB.", "pl")).toBe(
      "Ten plik ma 10,1 MB. Pliki mogą mieć najwyżej 10 MB.",
    );
    const fake = checkUpload({ name: "map.png", size: 4, bytes: new TextEncoder().encode("text") });
    expect(localise(fake.ok ? "" : fake.message, "es")).toBe(
      "El contenido de este archivo no coincide con su nombre: no parece un archivo de imagen PNG. Comprueba que se abre y vuelve a intentarlo.",
    );
    expect(localise(tooManyPixelsMessage(9000, 7000), "fr")).toContain("Cette image fait 9\u202f000 × 7\u202f000 pixels.");
  });

  it("says why an import was refused, the messages inside it too", async () => {
    const empty = await readEventUpload(new Uint8Array());
    expect(localise(empty.ok ? "" : empty.message, "pt-PT")).toBe("Esse ficheiro está vazio.");
    const old = parseEventExport({ format: "made-in/event", version: 99 });
    expect(localise(old.ok ? "" : old.message, "pl")).toBe("Ten eksport ma wersję 99; ten Made In odczytuje wersję 1.");
    const refused = `That zip can't be imported: the map image of board "Ideas (v2)" (files/ab12.jpg) was refused. ${notAnImageMessage}`;
    expect(localise(refused, "fr")).toBe(
      "Ce zip ne peut pas être importé. Fichier refusé : l’image de carte du tableau « Ideas (v2) » (files/ab12.jpg). Ce n’est pas une image JPEG, PNG ou WebP. Choisissez une photo ou une image dans l’un de ces formats.",
    );
    const issue =
      'That file can\'t be imported: something is missing in the boards, board 3 ("Ideas") (notes › text). Was it edited by hand, or cut short?';
    expect(localise(issue, "es")).toBe(
      'Ese archivo no se puede importar: falta algo en los tableros, tablero 3 ("Ideas") (notes › text). ¿Se editó a mano o está cortado?',
    );
    expect(localise('The export is inconsistent: team "Parks" has an unknown member.', "pl")).toBe(
      "Eksport jest niespójny: zespół „Parks” ma nieznanego członka.",
    );
    const crowded =
      'That file can\'t be imported: it has more than 5,000 notes in the boards, board 3 ("Ideas"), more than Made In takes there. Nothing was imported.';
    expect(localise(crowded, "fr")).toBe(
      "Ce fichier ne peut pas être importé\u00a0: il contient plus de 5\u202f000 notes dans les tableaux, tableau 3 («\u00a0Ideas\u00a0»), plus que Made In n’en accepte à cet endroit. Rien n’a été importé.",
    );
    expect(
      localise(
        "That file can't be imported: it has more than 2,000 people, more than Made In takes. Nothing was imported.",
        "pl",
      ),
    ).toBe(
      "Nie można zaimportować tego pliku: zawiera ponad 2000 osób, więcej niż przyjmuje Made In. Nic nie zostało zaimportowane.",
    );
  });

  it("leaves a message it does not know in English", () => {
    expect(localise("Something nobody wrote in the catalogue.", "pt-PT")).toBe("Something nobody wrote in the catalogue.");
    // A field it does not know: the whole message stays English rather than half translated.
    expect(localise("A mystery field can't be empty", "pt-PT")).toBe("A mystery field can't be empty");
  });

  it("falls back to English when a language lacks a key", () => {
    const root = mkdtempSync(path.join(tmpdir(), "madein-errors-"));
    for (const code of ["en-GB", "pt-PT"]) mkdirSync(path.join(root, "messages", code), { recursive: true });
    writeFileSync(path.join(root, "messages", "en-GB", "errors.json"), readFileSync("messages/en-GB/errors.json"));
    writeFileSync(
      path.join(root, "messages", "pt-PT", "errors.json"),
      JSON.stringify({ refusals: { teamFull: "Essa equipa está cheia." } }),
    );
    vi.spyOn(process, "cwd").mockReturnValue(root);
    expect(localise("That team is full.", "pt-PT")).toBe("Essa equipa está cheia.");
    expect(localise("That team doesn't exist.", "pt-PT")).toBe("That team doesn't exist.");
    expect(say("pt-PT", { key: "no.such.key" })).toBe("no.such.key");
  });
});

/** Every file under lib/ but tests. */
function sources(dir = "lib"): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith(".ts") && !file.endsWith(".test.ts") ? [file] : [];
  });
}

const literal = String.raw`"((?:[^"\\]|\\.)*)"`;

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
const unquote = (s: string) => JSON.parse(`"${s}"`) as string;

describe("the English catalogue knows every message the server writes", () => {
  it("every refusal a handler throws with a plain sentence", () => {
    const unknown: string[] = [];
    for (const file of sources()) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(new RegExp(String.raw`new CommandFailure\(\s*"[a-z_]+",\s*${literal}`, "g"))) {
        const message = unquote(m[1] ?? "");
        if (!recognise(message)) unknown.push(`${file}: ${message}`);
      }
      for (const m of text.matchAll(new RegExp(`path: "[A-Za-z]+", message: ${literal}`, "g"))) {
        const message = unquote(m[1] ?? "");
        if (!recognise(message)) unknown.push(`${file}: ${message}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it("every message a command's schema gives (lib/realtime/contract*.ts) and the profile's", () => {
    const unknown: string[] = [];
    const positions = [
      `error: ${literal}`,
      `message: ${literal}`,
      String.raw`\.(?:min|max|gt|gte|lt|lte)\([^,()]+,\s*${literal}`,
      String.raw`\.(?:int|positive|nonnegative|negative|nonpositive)\(${literal}`,
    ];
    const files: [string, string[]][] = [
      ...readdirSync("lib/realtime")
        .filter((f) => /^contract.*\.ts$/.test(f))
        .map((f): [string, string[]] => [path.join("lib/realtime", f), positions]),
      ["lib/participants/profile.ts", [...positions, String.raw`refine\([^\n]+, ${literal}\)`]],
      // The refusals that name what takes dots, one sentence for each kind of target.
      ["lib/voting/rules.ts", [...positions, String.raw`\n\s+(?:notes|groups|both|teams): ${literal}`]],
      ["lib/boards/pins.ts", [String.raw`return pin \? ${literal}`, String.raw`return pin \? null : ${literal}`]],
    ];
    for (const [file, where] of files) {
      const text = readFileSync(file, "utf8");
      for (const position of where) {
        for (const m of text.matchAll(new RegExp(position, "g"))) {
          const message = unquote(m[1] ?? "");
          // Command ids are the client's code's business, never a person's.
          if (message.startsWith("command id")) continue;
          if (!recognise(message)) unknown.push(`${file}: ${message}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });

  it("every sentence a form's schema, a file check or an import in lib/ gives (the pages say it with inRequestLanguage)", () => {
    // Operators' and developers' messages, and the phone's own (said by its components), are not the server's to translate.
    const skipped = /^lib\/(config|server|observability|i18n|email|realtime\/client)\//;
    // A plain sentence ("…") or one built from values (`…${max}…`).
    const either = String.raw`(?:"(?<plain>(?:[^"\\]|\\.)*)"|\x60(?<built>(?:[^\x60\\]|\\.)*)\x60)`;
    const positions = [
      `message: ${either}`,
      `error: ${either}`,
      String.raw`\.(?:min|max|length|regex|gt|gte|lt|lte)\([^,()]+,\s*${either}`,
      String.raw`\.(?:int|positive|nonnegative|negative|nonpositive)\(${either}`,
      String.raw`z\.enum\((?:\[[^\]]*\]|[^,()]+),\s*${either}`,
      String.raw`z\.email\(${either}`,
      String.raw`\},\s*${either}\)`,
      String.raw`refine\([^\n]+, ${either}\)`,
      String.raw`new (?:FileRefused|Refusal)\(${either}`,
      // A refused photo of a check-in (lib/projects/post-check-in.ts), said by the form's page.
      `photoError: ${either}`,
    ];
    const extra: Record<string, string[]> = {
      "lib/exports/read-upload.ts": [`const [A-Za-z]+ =\\s*${either};`],
      "lib/exports/export-schema.ts": [
        `return ${either};`,
        String.raw`^\s*[?:] ${either}`,
        String.raw`^\s*[A-Za-z]+: \[${literal}, ${literal}\]`,
      ],
      "lib/exports/import-files.ts": [`what: ${either}`, `unnamed\\.push\\(${either}\\)`],
      // The lists' names, said inside a refusal of a list longer than an import takes.
      "lib/exports/export-caps.ts": [String.raw`^\s*[A-Za-z]+: ${literal},`],
    };
    const files = sources().filter((file) => !skipped.test(file));
    // Named sentences and labels (`Use ${allowedTypesSentence}.`), read as the code does.
    const constants = new Map<string, string>();
    for (const file of files) {
      for (const m of readFileSync(file, "utf8").matchAll(new RegExp(`const ([A-Za-z]+) = ${literal};`, "g"))) {
        constants.set(m[1] ?? "", unquote(m[2] ?? ""));
      }
    }
    // A sentence built from values is known when the catalogue has one of its shape: the values (a
    // number, a name, a size in MB) stand where the catalogue's placeholders do.
    const shape = (text: string) =>
      text
        .replace(/\$\{([A-Za-z]+)\}/g, (whole, name: string) => constants.get(name) ?? whole)
        .replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}|\{[A-Za-z]+\}/g, "•")
        .replace(/\d[\d,.]*\d|\d/g, "•")
        .replace(/• MB/g, "•");
    const shapes = new Set(
      leaves((messagesFor("en-GB").errors ?? {}) as Tree)
        .filter(([key]) => !key.startsWith("fields."))
        .map(([, text]) => shape(text)),
    );
    const unknown: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const position of [...positions, ...(extra[file] ?? [])]) {
        for (const m of text.matchAll(new RegExp(position, "gm"))) {
          const built = m.groups?.built;
          if (built !== undefined) {
            // "Feedback must be ${max} characters or fewer": known as it is, with a number for each value.
            const withNumbers = built.replace(/\$\{(?:[^{}]|\{[^{}]*\})*\}/g, "12");
            if (built.includes(" ") && !recognise(withNumbers) && !shapes.has(shape(built)))
              unknown.push(`${file}: \x60${built}\x60`);
            continue;
          }
          for (const found of m.groups ? [m.groups.plain] : m.slice(1)) {
            const message = unquote(found ?? "");
            // Codes and keys ("invalid", "tooManyJoinLanguages") are for the code, never a person.
            if (!message.includes(" ")) continue;
            if (!recognise(message)) unknown.push(`${file}: ${message}`);
          }
        }
      }
      // Fields named in a sentence: `text("the place", 160)` says "Keep the place to 160 characters or fewer."
      for (const m of text.matchAll(/\b(?:text\("([^"]+)", (\d+)\)|shortText\((\d+), "([^"]+)"\))/g)) {
        const [label, max] = m[1] ? [m[1], m[2]] : [m[4], m[3]];
        const message = `Keep ${label} to ${Number(max).toLocaleString("en-GB")} characters or fewer.`;
        if (!recognise(message)) unknown.push(`${file}: ${message}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it("the sentences built from values", () => {
    const built = [
      "That's 5 cheers from you for this team: thank you!",
      "Amara moved the room on to Ideas.",
      "The lead facilitator leads and has locked the room controls: only they change phases, the timer and the big screen. Boards and moderation are still yours. Ask them to unlock or to hand you the lead.",
      "4 people are already in this team. Set a capacity of at least 4, or leave it empty.",
      "Your team has 20 boards already, as many as a team can add. Use one of them, or ask a facilitator to add another.",
      "Pick 2 of the 5 tied notes to fill the shortlist.",
      "You can put at most 3 dots on one note.",
      "You can put at most 3 dots on one group.",
      "You can put at most 3 dots on one note or group.",
      "You can put at most 3 dots on one team.",
      "Keep your name to 40 characters or fewer.",
      "A board title must be 80 characters or fewer",
      "Presentation time can be an hour at most",
      "Questions time must be whole seconds",
      "At most 8 links",
      "Feedback must be 500 characters or fewer",
      "Capacity can be at most 500 people",
      "The server is restarting. It will be retried.",
      "Slow down a little and try again.",
      "That's a lot of notes very quickly. Yours will be added in a moment.",
      "That photo is over 8 MB. Try a smaller one.",
      notAnImageMessage,
      unreadableImageMessage,
    ];
    expect(built.filter((m) => !recognise(m))).toEqual([]);
    for (const m of built) expect(localise(m, "fr"), m).not.toBe(m);
  });
});
