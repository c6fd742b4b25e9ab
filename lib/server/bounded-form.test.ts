import { describe, expect, it } from "vitest";
import { boundedFormData, boundedJson } from "./bounded-form";

const mb = 1024 * 1024;

/** A body sent in 1 MB chunks with no length, counting how much of it the reader asked for. */
function chunkedBody(totalMb: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= totalMb) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(mb));
    },
  });
  return { stream, pulled: () => pulled };
}

const post = (body: BodyInit | ReadableStream, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/boards/b/photos", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);

describe("a form read up to a size", () => {
  it("stops reading a body sent without a length at the first byte over, however long it goes on", async () => {
    const body = chunkedBody(400);
    const read = await boundedFormData(post(body.stream, { "content-type": "multipart/form-data; boundary=x" }), 8 * mb);
    expect(read).toEqual({ tooBig: true });
    expect(body.pulled()).toBeLessThan(12);
  });

  it("refuses a declared length over the size without reading the body", async () => {
    const body = chunkedBody(1);
    const read = await boundedFormData(post(body.stream, { "content-length": String(20 * mb) }), 8 * mb);
    expect(read).toEqual({ tooBig: true });
    expect(body.pulled()).toBeLessThanOrEqual(1);
  });

  it("reads a form within the size, its file whole", async () => {
    const form = new FormData();
    form.set("photo", new Blob([new Uint8Array(3 * mb).fill(7)], { type: "image/jpeg" }), "p.jpg");
    const read = await boundedFormData(post(form), 8 * mb);
    if (!("form" in read)) throw new Error("the form was not read");
    const photo = read.form.get("photo") as File;
    expect(photo.size).toBe(3 * mb);
    expect(new Uint8Array(await photo.arrayBuffer())[0]).toBe(7);
  });

  it("says a body that is not a form is unreadable", async () => {
    expect(await boundedFormData(post("not a form", { "content-type": "multipart/form-data; boundary=x" }), mb)).toEqual({
      unreadable: true,
    });
    expect(await boundedFormData(new Request("http://localhost/", { method: "POST" }), mb)).toEqual({ unreadable: true });
  });
});

describe("JSON read up to a size", () => {
  it("reads a small body, refuses one past the limit without reading it all, and says when it is not JSON", async () => {
    expect(await boundedJson(post(JSON.stringify({ events: ["a"] })), 8 * 1024)).toEqual({ json: { events: ["a"] } });
    const body = chunkedBody(400);
    expect(await boundedJson(post(body.stream), 8 * 1024)).toEqual({ tooBig: true });
    expect(body.pulled()).toBeLessThanOrEqual(2);
    expect(await boundedJson(post("x".repeat(9 * 1024), { "content-length": String(9 * 1024) }), 8 * 1024)).toEqual({
      tooBig: true,
    });
    expect(await boundedJson(post("{not json"), 8 * 1024)).toEqual({ unreadable: true });
  });
});
