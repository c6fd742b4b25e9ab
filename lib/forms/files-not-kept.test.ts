import { describe, expect, it } from "vitest";
import { filesKeptField, filesToChooseAgain } from "./files-not-kept";

const photo = (name: string) => new File([new Uint8Array([1, 2, 3])], name, { type: "image/jpeg" });

describe("files to choose again after a refused save", () => {
  it("are the photos posted without JavaScript: the page comes back with the field empty", () => {
    const form = new FormData();
    form.append("photos", photo("a.jpg"));
    form.append("photos", photo("b.jpg"));
    expect(filesToChooseAgain(form, "photos")).toBe(2);
  });

  it("are none when the form was sent by its script, which keeps them chosen, or when none was chosen", () => {
    const scripted = new FormData();
    scripted.append("photos", photo("a.jpg"));
    scripted.append(filesKeptField, "yes");
    expect(filesToChooseAgain(scripted, "photos")).toBe(0);
    // A file field left empty posts one empty file.
    const empty = new FormData();
    empty.append("photos", new File([], "", { type: "application/octet-stream" }));
    expect(filesToChooseAgain(empty, "photos")).toBe(0);
  });
});
