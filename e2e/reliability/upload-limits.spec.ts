/**
 * An upload sent in chunks, with no length to refuse it by, is cut off at its limit: the server
 * answers 413 while the sender is still sending, instead of holding the whole body in memory
 * first (a few such requests could take the process down for everyone).
 */
import { request } from "node:http";
import { expect, test } from "@playwright/test";
import { e2eBaseUrl } from "../support/config";
import { addBoardFixture, createEventFixture } from "../support/fixtures";
import { participantIn } from "./support/world";

const mb = 1024 * 1024;

/** Sends `totalMb` of multipart body in 1 MB chunks; resolves with the answer and how much had gone. */
function sendChunked(path: string, cookie: string, totalMb: number) {
  return new Promise<{ status: number; body: string; sentMb: number }>((resolve, reject) => {
    const url = new URL(path, e2eBaseUrl);
    let sentMb = 0;
    let answered = false;
    const req = request(
      url,
      {
        method: "POST",
        headers: {
          cookie,
          origin: e2eBaseUrl,
          "content-type": "multipart/form-data; boundary=madein",
          "transfer-encoding": "chunked",
        },
      },
      (res) => {
        answered = true;
        const at = sentMb;
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body, sentMb: at });
          req.destroy();
        });
      },
    );
    req.on("error", (e) => {
      if (!answered) reject(e);
    });
    const chunk = Buffer.alloc(mb, 0x61);
    req.write('--madein\r\nContent-Disposition: form-data; name="photo"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n');
    const next = () => {
      while (!answered && sentMb < totalMb) {
        sentMb++;
        if (!req.write(chunk)) return void req.once("drain", next);
      }
      if (!answered) req.end("\r\n--madein--\r\n");
    };
    next();
  });
}

test("a photo sent in chunks past its limit is refused while it is still arriving", async () => {
  test.setTimeout(120_000);
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id);
  const phone = await participantIn(event.id, "Big uploader");
  const answer = await sendChunked(`/api/boards/${board.id}/photos`, phone.cookie, 400);
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body).error).toContain("8 MB");
  // Answered long before the 400 MB were sent: the server stopped reading at its limit.
  expect(answer.sentMb).toBeLessThan(400);
});

test("a stranger's post to the import form gets no more room than any other form, and is cut off while it arrives", async () => {
  test.setTimeout(120_000);
  // Signed in, an organiser may send an event's 50 MB zip here; a stranger is read no further than 1 MB.
  const answer = await sendChunked("/o/import", "", 200);
  expect(answer.status).toBe(413);
  // Refused as any form (1 MB), not as an import (the organiser's 50 MB): the words say which.
  expect(answer.body).toContain("That's too big to send in one form.");
  expect(answer.body).not.toContain("50 MB");
  // Answered while the body was still arriving. (How much had gone by then depends on how soon this
  // busy test process reads the answer: the server reads and drops the rest for a few seconds.)
  expect(answer.sentMb).toBeLessThan(200);
});
