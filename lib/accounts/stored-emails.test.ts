import { expect, it } from "vitest";
import { emailsToNormalise } from "./stored-emails";

it("rewrites addresses stored before normalisation, and none that would take another account's address", () => {
  const decomposed = "ren\u0065\u0301@council.example";
  expect(
    emailsToNormalise([
      { id: "a", email: decomposed },
      { id: "b", email: "sam@ＣＯＵＮＣＩＬ．example" },
      { id: "c", email: "amira@council.example" },
      { id: "d", email: "Amira@Council.Example" },
      { id: "e", email: "Bo@Council.example" },
      { id: "f", email: "BO@council.EXAMPLE" },
    ]),
  ).toEqual([
    { id: "a", email: "ren\u00e9@council.example" },
    { id: "b", email: "sam@council.example" },
    // "d" would become "c"'s address: left alone. Of "e" and "f", the first takes the spelling.
    { id: "e", email: "bo@council.example" },
  ]);
});
