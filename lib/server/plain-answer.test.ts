import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { answerPlainly, plainAnswer } from "./plain-answer";

describe("answers without a page", () => {
  it("speak the language the browser asks for, and say which", async () => {
    const answer = plainAnswer(
      new Request("http://made.in/c/token/now", { method: "POST", headers: { "accept-language": "es-ES,es;q=0.9" } }),
      403,
      "server.otherSiteLink",
    );
    expect(answer.status).toBe(403);
    expect(answer.headers.get("content-language")).toBe("es");
    expect(answer.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await answer.text()).toBe("Este formulario se envió desde otro sitio. Vuelve a abrir el enlace.");
  });

  it("speak the language the person chose over the browser's, with the caller's own headers", async () => {
    const answer = plainAnswer(
      new Request("http://made.in/photos/x", { headers: { "accept-language": "en-GB", cookie: "mi_lang=fr" } }),
      404,
      "server.notFound",
      { "cache-control": "no-store" },
    );
    expect(answer.headers.get("content-language")).toBe("fr");
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(await answer.text()).toBe("Introuvable.");
  });

  it("answer what the server refuses before Next in the reader's language too", () => {
    const sent: { status?: number; headers: Record<string, string>; body?: string } = { headers: {} };
    const res = {
      set statusCode(status: number) {
        sent.status = status;
      },
      setHeader(name: string, value: string) {
        sent.headers[name] = value;
      },
      end(body: string) {
        sent.body = body;
      },
    } as unknown as ServerResponse;
    answerPlainly(res, { "accept-language": "pl-PL,pl;q=0.9,en;q=0.5" }, 404, "server.formOutOfDate");
    expect(sent).toEqual({
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "content-language": "pl", "x-content-type-options": "nosniff" },
      body: "Ten formularz jest nieaktualny. Odśwież stronę i spróbuj ponownie.",
    });
  });
});
