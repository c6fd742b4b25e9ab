import { describe, expect, it } from "vitest";
import { publicLead } from "./public-lead";

describe("publicLead", () => {
  const project = { ownerName: "Zelda Quinn", ownerRole: "Resident" };

  it("is the owner's role when there is one", () => {
    expect(publicLead(project, "Project lead")).toBe("Resident");
  });

  it("is the reader's words for a project lead when there is no role, never the owner's name", () => {
    expect(publicLead({ ...project, ownerRole: "" }, "Responsable du projet")).toBe("Responsable du projet");
    expect(publicLead({ ...project, ownerRole: "   " }, "Project lead")).toBe("Project lead");
  });
});
