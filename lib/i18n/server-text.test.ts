import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { notAnImageMessage, unreadableImageMessage } from "@/lib/files/images";
import { displayNameSchema } from "@/lib/participants/profile";
import { commandSchemas, limits } from "@/lib/realtime/contract";
import { localiseAck } from "@/lib/realtime/socket-language";
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
      "Le champ « Annonce » ne peut pas être vide.",
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
      String.raw`\.(?:min|max)\([^,()]+,\s*${literal}`,
      String.raw`\.int\(${literal}`,
    ];
    const files: [string, string[]][] = [
      ...readdirSync("lib/realtime")
        .filter((f) => /^contract.*\.ts$/.test(f))
        .map((f): [string, string[]] => [path.join("lib/realtime", f), positions]),
      ["lib/participants/profile.ts", [...positions, String.raw`refine\([^\n]+, ${literal}\)`]],
      ["lib/voting/rules.ts", [...positions, String.raw`\? ${literal}\s*:`]],
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

  it("the sentences built from values", () => {
    const built = [
      "That's 5 cheers from you for this team: thank you!",
      "Amara moved the room on to Ideas.",
      "The lead facilitator leads and has locked the room controls: only they change phases, the timer and the big screen. Boards and moderation are still yours. Ask them to unlock or to hand you the lead.",
      "4 people are already in this team. Set a capacity of at least 4, or leave it empty.",
      "Pick 2 of the 5 tied notes to fill the shortlist.",
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
