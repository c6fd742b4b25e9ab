import { describe, expect, it } from "vitest";
import { csvTables, findCsvTable, renderCsvTable } from "./csv-tables";
import { attendanceOf } from "./event-report";
import { parseEventExport } from "./export-schema";
import { escapeMarkdown, eventMarkdown } from "./markdown-report";
import { sampleExport } from "./sample-export";

describe("parseEventExport", () => {
  it("accepts a valid export", () => {
    expect(parseEventExport(sampleExport())).toMatchObject({ ok: true });
  });

  it("refuses other files and other versions with a clear message", () => {
    expect(parseEventExport({ hello: 1 })).toEqual({ ok: false, message: "That file isn't a Made In event export." });
    expect(parseEventExport({ ...sampleExport(), version: 2 })).toEqual({
      ok: false,
      message: "That export is version 2; this Made In reads version 1.",
    });
  });

  it("says where a damaged export is damaged", () => {
    const data = sampleExport() as unknown as { teams: { name: unknown }[] };
    (data.teams[0] as { name: unknown }).name = 42;
    const result = parseEventExport(data);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("teams.0.name");
  });

  it("refuses ids that point at nothing", () => {
    const data = sampleExport();
    data.teams[0]?.memberIds.push("nobody");
    expect(parseEventExport(data)).toEqual({
      ok: false,
      message: 'The export is inconsistent: team "Parks team" has an unknown member.',
    });
    const vote = sampleExport();
    vote.voteRounds[0]?.votes.push({ voter: "p1", targetId: "gone", slot: 1, placeOnTarget: 0, createdAt: 1 });
    expect(parseEventExport(vote)).toMatchObject({
      ok: false,
      message: "The export is inconsistent: a vote is on an unknown note, group or team.",
    });
  });
});

describe("Markdown report", () => {
  it("escapes what people typed so it can't become links, images or headings", () => {
    expect(escapeMarkdown("[click](http://x) ![i](y)")).toBe("\\[click\\](http://x) !\\[i\\](y)");
    expect(escapeMarkdown("# title")).toBe("\\# title");
    expect(escapeMarkdown("- item\n+ more")).toBe("\\- item  \n\\+ more");
    expect(escapeMarkdown("<script>")).toBe("\\<script\\>");
  });

  it("reads as a report: attendance, team, brief, reframe, board, votes, shortlist", () => {
    const md = eventMarkdown(sampleExport());
    expect(md).toContain("# Made in Lambeth");
    expect(md).toContain("3 people joined; 2 stayed to the end.");
    expect(md).toContain("- Resident: 1");
    expect(md).toContain("Skills in the room: drawing (2), maps (1).");
    expect(md).toContain("## Team: Parks team");
    expect(md).toContain("**Love Your Space**");
    expect(md).toContain("> Start with who never goes in");
    expect(md).toContain("- Group: Food\n  - Café — Resident");
    expect(md).toContain("| 1 | 2 | Café |");
    expect(md).toContain("Shortlist:\n1\\. Café");
    expect(md).toContain("\\[click\\](http://evil.example) !\\[x\\](http://x/y.png)");
  });
});

describe("CSV tables", () => {
  it("has a unique key per table", () => {
    expect(new Set(csvTables.map((t) => t.key)).size).toBe(csvTables.length);
  });

  it("people: only those who consented and stayed, formulas neutralised", () => {
    const csv = renderCsvTable(findCsvTable("people") as NonNullable<ReturnType<typeof findCsvTable>>, sampleExport());
    expect(csv.split("\r\n")).toEqual([
      "name,kind,skills,contact,team,joined",
      "Resident,Resident,drawing,'=1+1,Parks team,1970-01-01T00:00:00.001Z",
      "",
    ]);
  });

  it("votes: ranked with shortlist flags", () => {
    const csv = renderCsvTable(findCsvTable("votes") as NonNullable<ReturnType<typeof findCsvTable>>, sampleExport());
    expect(csv).toContain("Ideas,1,revealed,1,2,Café,yes");
    expect(csv).toContain("Ideas,1,revealed,2,1,[click](http://evil.example) ![x](http://x/y.png),no");
  });
});

describe("attendanceOf", () => {
  it("counts skills case-insensitively among those who stayed", () => {
    expect(attendanceOf(sampleExport()).skills).toEqual([
      { skill: "drawing", count: 2 },
      { skill: "maps", count: 1 },
    ]);
  });
});
