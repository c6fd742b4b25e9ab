import { describe, expect, it } from "vitest";
import { csvDownload, csvFile, csvTables, findCsvTable, renderCsvTable } from "./csv-tables";
import { attendanceOf, teamReports } from "./event-report";
import { exportCaps } from "./export-caps";
import { type ExportedProject, type ExportedShowcase, noPresentations, parseEventExport } from "./export-schema";
import { escapeMarkdown, eventMarkdown } from "./markdown-report";
import { sampleExport, sampleProject } from "./sample-export";

describe("parseEventExport", () => {
  it("accepts a valid export", () => {
    expect(parseEventExport(sampleExport())).toMatchObject({ ok: true });
  });

  it("takes direction controls out of an imported file's text, as out of anything typed", () => {
    const data = sampleExport();
    const team = data.teams[0];
    if (!team) throw new Error("the sample has a team");
    team.name = "Parks \u202Emaet\u202C";
    const result = parseEventExport(data);
    expect(result.ok && result.data.teams[0]?.name).toBe("Parks maet");
  });

  it("refuses other files and other versions with a clear message", () => {
    expect(parseEventExport({ hello: 1 })).toEqual({ ok: false, message: "That file isn't a Made In event export." });
    expect(parseEventExport({ ...sampleExport(), version: 2 })).toEqual({
      ok: false,
      message: "That export is version 2; this Made In reads version 1.",
    });
  });

  it("says in plain words which part of a broken file is wrong", () => {
    const data = sampleExport() as unknown as { teams: { name: unknown }[] };
    (data.teams[0] as { name: unknown }).name = 42;
    const result = parseEventExport(data);
    expect(result).toEqual({
      ok: false,
      message: `That file can't be imported: a value is of the wrong kind in the teams, team 1 (name). Was it edited by hand, or cut short?`,
    });
    const noBoards = sampleExport() as unknown as { boards?: unknown };
    delete noBoards.boards;
    const missing = parseEventExport(noBoards);
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.message).toBe(
        "That file can't be imported: something is missing in the boards. Was it edited by hand, or cut short?",
      );
      expect(missing.message).not.toMatch(/damaged/);
    }
  });

  it("refuses reactions its people could not have given: a few bytes must not become millions of rows", () => {
    const flood = sampleExport();
    flood.presentations.reactions = [{ teamId: "t1", kind: "clap", count: 9_000_000 }];
    expect(parseEventExport(flood)).toEqual({
      ok: false,
      message:
        "That file can't be imported: a number or a date is out of range in the presentations (reactions › count). Was it edited by hand, or cut short?",
    });
    const tooMany = sampleExport();
    // 3 people and a generous 20 staff, 30 cheers each at most.
    tooMany.presentations.reactions = [
      { teamId: "t1", kind: "clap", count: 400 },
      { teamId: "t1", kind: "love", count: 400 },
    ];
    expect(parseEventExport(tooMany)).toEqual({
      ok: false,
      message: 'The export is inconsistent: team "Parks team" has more reactions than its people could give.',
    });
    const plenty = sampleExport();
    plenty.presentations.reactions = [{ teamId: "t1", kind: "clap", count: 600 }];
    expect(parseEventExport(plenty).ok).toBe(true);
  });

  it("refuses a moment outside the years 2000–2099: one beyond JavaScript's dates would break the organiser's pages", () => {
    const far = sampleExport();
    far.event.startsAt = 9e15;
    expect(parseEventExport(far)).toEqual({
      ok: false,
      message:
        "That file can't be imported: a number or a date is out of range in the event's details (startsAt). Was it edited by hand, or cut short?",
    });
    const early = sampleExport();
    early.exportedAt = 0;
    expect(parseEventExport(early).ok).toBe(false);
  });

  it("refuses an event that ends before it starts, or as it starts, as the create form does; one with no dates yet is taken", () => {
    const refusal = {
      ok: false,
      message:
        "That file can't be imported: the event ends before it starts. Correct its dates in the file, or create the event here. Nothing was imported.",
    };
    const swapped = sampleExport();
    [swapped.event.startsAt, swapped.event.endsAt] = [swapped.event.endsAt, swapped.event.startsAt];
    expect(parseEventExport(swapped)).toEqual(refusal);
    const instant = sampleExport();
    instant.event.endsAt = instant.event.startsAt;
    expect(parseEventExport(instant)).toEqual(refusal);
    const undated = sampleExport();
    undated.event.startsAt = null;
    undated.event.endsAt = null;
    expect(parseEventExport(undated)).toMatchObject({ ok: true });
  });

  it("takes a project's milestones and check-in links as the app's own forms do", () => {
    const withProject = (change: (p: ExportedProject) => void) => {
      const data = sampleExport();
      const project: ExportedProject = {
        ...sampleProject(),
        isPublic: true,
        milestones: [{ day: 30, title: "Open", dueAt: Date.UTC(2026, 10, 10, 12), doneAt: null }],
        risks: [],
        checkIns: [
          {
            status: "on_track",
            progress: "Opened",
            evidence: "",
            numbers: [],
            links: ["https://example.test/photos"],
            photoCount: 0,
            learning: "",
            helpNeeded: "",
            authorName: "Resident",
            createdAt: Date.UTC(2026, 9, 20),
          },
        ],
      };
      change(project);
      data.projects.push(project);
      return parseEventExport(data);
    };
    expect(withProject(() => {}).ok).toBe(true);
    // A javascript: link would run on the public progress page of whoever clicks it.
    expect(
      withProject((p) => {
        if (p.checkIns[0]) p.checkIns[0].links = ["javascript:alert(document.cookie)"];
      }),
    ).toEqual({
      ok: false,
      message:
        "That file can't be imported: something isn't valid in the projects, project 1 (\"Park Café\") (checkIns › links). Was it edited by hand, or cut short?",
    });
    const many = withProject((p) => {
      p.milestones = Array.from({ length: 21 }, (_, i) => ({
        day: i + 1,
        title: `Step ${i + 1}`,
        dueAt: Date.UTC(2026, 10, 1 + i, 12),
        doneAt: null,
      }));
    });
    expect(many).toEqual({
      ok: false,
      message:
        'That file can\'t be imported: it has more than 20 milestones in the projects, project 1 ("Park Café"), more than Made In takes there. Nothing was imported.',
    });
  });

  it("refuses a list longer than an import takes, saying which and where: the rows an import writes are bounded", () => {
    const crowded = sampleExport();
    const board = crowded.boards[0];
    const note = board?.notes[0];
    if (!board || !note) throw new Error("no note");
    board.notes = Array.from({ length: exportCaps.notesPerBoard + 1 }, (_, i) => ({ ...note, id: `n${i}`, groupId: null }));
    expect(parseEventExport(crowded)).toEqual({
      ok: false,
      message:
        'That file can\'t be imported: it has more than 5,000 notes in the boards, board 1 ("Ideas"), more than Made In takes there. Nothing was imported.',
    });
    board.notes = board.notes.slice(0, exportCaps.notesPerBoard);
    expect(parseEventExport(crowded).ok).toBe(true);

    const people = sampleExport();
    const person = people.participants[0];
    if (!person) throw new Error("no person");
    people.participants = Array.from({ length: exportCaps.participants + 1 }, (_, i) => ({ ...person, id: `p${i}` }));
    expect(parseEventExport(people)).toEqual({
      ok: false,
      message: "That file can't be imported: it has more than 2,000 people, more than Made In takes. Nothing was imported.",
    });
  });

  it("refuses an export whose lists, each within its cap, add up to more rows than one event can have", () => {
    const data = sampleExport();
    const [board] = data.boards;
    if (!board) throw new Error("no board");
    const full = Array.from({ length: exportCaps.notesPerBoard }, (_, i) => ({ ...board.notes[0], id: `n${i}`, groupId: null }));
    const boards = Math.ceil(exportCaps.rows / exportCaps.notesPerBoard);
    data.boards = Array.from({ length: boards }, (_, b) => ({
      ...board,
      id: `board${b}`,
      groups: [],
      notes: full.map((n) => ({ ...n, id: `${n.id}-${b}` })) as typeof board.notes,
    }));
    data.voteRounds = [];
    expect(parseEventExport(data)).toEqual({
      ok: false,
      message:
        "That file can't be imported: all together it has more than 200,000 people, notes, dots, reactions and other things, more than one event here can have. Nothing was imported.",
    });
  });

  it("imports a board with no columns (the people's choice has one)", () => {
    const data = sampleExport();
    const board = data.boards[0];
    if (board) board.columns = [];
    expect(parseEventExport(data).ok).toBe(true);
  });

  it("refuses ids that point at nothing", () => {
    const data = sampleExport();
    data.teams[0]?.memberIds.push("nobody");
    expect(parseEventExport(data)).toEqual({
      ok: false,
      message: 'The export is inconsistent: team "Parks team" has an unknown member.',
    });
    const vote = sampleExport();
    vote.voteRounds[0]?.votes.push({
      voter: "p1",
      targetId: "gone",
      slot: 1,
      placeOnTarget: 0,
      createdAt: Date.UTC(2026, 9, 10, 11),
    });
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
      "Resident,Resident,drawing,'=1+1,Parks team,2026-10-10T10:01:00.000Z",
      "",
    ]);
  });

  it("in the reader's language: headers, yes and no, listed values and server-made names; typed words as typed", () => {
    const data = sampleExport();
    const table = (key: string) => findCsvTable(key) as NonNullable<ReturnType<typeof findCsvTable>>;
    const [resident] = data.participants;
    if (resident) resident.displayName = "Participant 3";
    const notes = csvFile(table("notes"), data, "pl");
    // Excel reads UTF-8 only with its byte-order mark.
    expect(notes.startsWith("\uFEFFtablica,zespół,kolumna,grupa,tekst,autor,kolor,zdjęcie,napisano\r\n")).toBe(true);
    expect(notes).toContain("Ideas,Parks team,Ideas,Food,Café,Uczestnik 3,żółty,nie,2026-10-10T10:01:00.000Z");
    const votes = renderCsvTable(table("votes"), data, "pl");
    expect(votes).toContain("Ideas,1,odsłonięta,1,2,Café,tak");
    // The people's choice board and its dots on a team, named as the reader's other pages name them.
    expect(votes).toContain("Nagroda publiczności,2,odsłonięta,1,1,Zespół: Parks team,nie");
    const judging = renderCsvTable(table("judging"), data, "pl");
    expect(judging).toContain("Parks team,Suma (na 10),7.5,2,Officer; Obsługa");
    const people = renderCsvTable(table("people"), sampleExport(), "fr");
    expect(people.split("\r\n")[0]).toBe("nom,profil,compétences,contact,équipe,arrivée");
    expect(people).toContain("Resident,Habitant·e,dessiner,'=1+1,Parks team,");
    for (const english of ["yes", "revealed", "yellow", "Participant 3", "Total (out of"]) {
      expect(notes + votes + judging).not.toContain(english);
    }
  });

  it("a download opens in columns in the reader's Excel: semicolons in French, Spanish, Polish, Portuguese; commas in English", () => {
    const people = findCsvTable("people") as NonNullable<ReturnType<typeof findCsvTable>>;
    const data = sampleExport();
    const firstLine = (locale: string) => csvDownload(people, data, locale).split("\r\n")[0];
    expect(firstLine("fr")).toBe("\uFEFFnom;profil;compétences;contact;équipe;arrivée");
    for (const locale of ["es", "pl", "pt-PT"]) expect(firstLine(locale)?.split(";")).toHaveLength(6);
    for (const locale of ["en-GB", "en-GB-x-easy"]) expect(firstLine(locale)).toBe("\uFEFFname,kind,skills,contact,team,joined");
    // No "sep=" line: with one, Excel ignores the byte-order mark and garbles accents.
    expect(csvDownload(people, data, "fr")).not.toMatch(/sep=/i);
    expect(csvDownload(people, data, "fr")).toContain("Resident;Habitant·e;dessiner;'=1+1;Parks team;");
    // The archive's copy (csvFile) stays comma-separated in every language.
    expect(csvFile(people, data, "fr").split("\r\n")[0]).toBe("\uFEFFnom,profil,compétences,contact,équipe,arrivée");
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

describe("presentations in the report", () => {
  const table = (key: string) =>
    renderCsvTable(findCsvTable(key) as NonNullable<ReturnType<typeof findCsvTable>>, sampleExport());

  it("reads each team's judging, people's choice and overall rank from the export", () => {
    const [parks] = teamReports(sampleExport());
    expect(parks?.presentation).toMatchObject({
      // The team left it empty: the brief's owner takes it forward.
      takenForwardBy: "Project lead",
      order: 1,
      reactions: [
        { kind: "clap", count: 12 },
        { kind: "idea", count: 3 },
      ],
      judging: {
        criteria: [
          { criterion: "The problem is clear", average: 4.5, judges: 2 },
          { criterion: "It works", average: 3, judges: 1 },
        ],
        total: 7.5,
        max: 10,
        judges: 2,
      },
      peoplesChoice: { votes: 1, rank: 1 },
      combined: { score: 87.5, rank: 1 },
    });
  });

  it("leaves a team out when it presented nothing and nobody responded", () => {
    const data = sampleExport();
    data.presentations = noPresentations();
    expect(teamReports(data)[0]?.presentation).toBeNull();
    expect(eventMarkdown(data)).not.toContain("### Showcase");
    for (const key of ["showcases", "feedback", "judging", "results"]) {
      const csv = renderCsvTable(findCsvTable(key) as NonNullable<ReturnType<typeof findCsvTable>>, data);
      expect(csv.split("\r\n")).toHaveLength(2);
    }
  });

  it("Markdown: showcase, feedback and judging, with typed text escaped", () => {
    const md = eventMarkdown(sampleExport());
    expect(md).toContain("### Showcase\n\n**Park Café**\n\nA café run by \\[residents\\](http://evil.example)");
    expect(md).toContain("- What we made: A pop-up café  \n\\# with a heading");
    expect(md).toContain("- Who takes it forward: Project lead");
    expect(md).toContain("- Plan: https://example.test/plan");
    expect(md).toContain("1 image shown (not in this report).");
    expect(md).toContain("Reactions: Applause 12, Great idea 3.");
    expect(md).toContain("### Feedback from the room\n\n- Talk to \\<b\\>the parks team\\</b\\> — Officer");
    expect(md).toContain("| The problem is clear | 4.5 | 2 |");
    expect(md).toContain("| It works | 3 | 1 |");
    expect(md).toContain("Judges: 2 judges, total 7.5 out of 10 (each criterion scored 1 to 5).");
    expect(md).toContain("People's choice: 1 vote, ranked 1.");
    expect(md).toContain("Overall: ranked 1 (87.5 out of 100, judges and people's choice).");
  });

  it("CSV: showcases, feedback, judging and results, formulas neutralised", () => {
    expect(table("showcases").split("\r\n")[1]).toBe(
      `Parks team,Park Café,A café run by [residents](http://evil.example),"A pop-up café\n# with a heading",'=SUM(A1),Plan <https://example.test/plan>,1,Open on Saturdays,Project lead,A gazebo,1`,
    );
    expect(table("feedback")).toContain("Parks team,Officer,Talk to <b>the parks team</b>,2026-10-10T10:06:00.000Z");
    expect(table("judging").split("\r\n")).toEqual([
      "team,criterion,average,judges,judged by",
      "Parks team,The problem is clear,4.5,2,Officer; Staff",
      "Parks team,It works,3,1,Staff",
      "Parks team,Total (out of 10),7.5,2,Officer; Staff",
      "",
    ]);
    expect(table("results").split("\r\n")[1]).toBe("Parks team,1,87.5,7.5,10,2,1,1,12,0,0,3");
  });

  it("a people's-choice vote names the teams it was on", () => {
    expect(table("votes")).toContain("People's choice,2,revealed,1,1,Team: Parks team,no");
  });

  it("refuses presentations that point at nothing", () => {
    const unknownTeam = sampleExport();
    unknownTeam.presentations.showcases[0] = { ...(unknownTeam.presentations.showcases[0] as ExportedShowcase), teamId: "gone" };
    expect(parseEventExport(unknownTeam)).toMatchObject({ ok: false, message: expect.stringContaining("showcase") });
    const unknownJudge = sampleExport();
    unknownJudge.presentations.scores.push({
      teamId: "t1",
      judge: "nobody",
      criterion: "x",
      score: 3,
      updatedAt: Date.UTC(2026, 9, 10, 11),
    });
    expect(parseEventExport(unknownJudge)).toMatchObject({ ok: false, message: expect.stringContaining("unknown judge") });
    const board = sampleExport();
    if (board.presentations.run) board.presentations.run.peoplesChoiceBoardId = "gone";
    expect(parseEventExport(board)).toMatchObject({ ok: false, message: expect.stringContaining("people's choice") });
    const order = sampleExport();
    order.presentations.run?.order.push("gone");
    expect(parseEventExport(order)).toMatchObject({ ok: false, message: expect.stringContaining("running order") });
  });

  it("reads an export made before presentations existed", () => {
    const { presentations: _p, ...older } = sampleExport();
    const parsed = parseEventExport(older);
    expect(parsed).toMatchObject({ ok: true, data: { presentations: noPresentations() } });
  });
});

describe("tables and report leave out what is empty", () => {
  it("an empty link row is not a link: no blank bullet, no trailing '; '", () => {
    const data = sampleExport();
    const showcase = data.presentations.showcases[0];
    if (showcase) showcase.links.push({ title: "", url: "" });
    const table = findCsvTable("showcases");
    const csv = table ? renderCsvTable(table, data) : "";
    expect(csv).toContain("https://example.test/plan");
    expect(csv).not.toContain("; ,");
    expect(csv).not.toMatch(/; "?,/);
    expect(eventMarkdown(data)).not.toMatch(/^- : $/m);
  });

  it("the check-ins table carries what owners wrote", () => {
    const data = sampleExport();
    data.projects.push({
      ...sampleProject(),
      checkIns: [
        {
          status: "at_risk",
          progress: "Opened twice",
          evidence: "",
          numbers: [{ label: "people served", value: 120 }],
          links: ["https://example.test/photos", ""],
          photoCount: 0,
          learning: "Saturdays work",
          helpNeeded: "A kitchen",
          authorName: "Resident",
          createdAt: 10,
        },
      ],
    });
    const table = findCsvTable("check-ins");
    const csv = table ? renderCsvTable(table, data) : "";
    expect(csv).toContain(
      "Park Café,1970-01-01T00:00:00.010Z,at risk,Opened twice,,people served: 120,https://example.test/photos,0,Saturdays work,A kitchen,Resident",
    );
  });
});

describe("In the reader's language", () => {
  it("pages show each CSV table's title from review.json, the same words in English", async () => {
    const { messagesFor } = await import("@/lib/i18n/catalogue");
    const review = messagesFor("en-GB").review as { downloads: { csv: Record<string, { title: string; about: string }> } };
    for (const table of csvTables) expect(review.downloads.csv[table.key]).toEqual({ title: table.title, about: table.about });
  });

  it("writes the report's own words in the reader's language, people's words as they wrote them", () => {
    const data = sampleExport();
    const md = eventMarkdown(data, "fr");
    expect(md).toContain("## Qui est venu");
    expect(md).toContain("## Équipe : Parks team");
    expect(md).toContain("- Groupe : Food");
    expect(md).toContain("| Le problème est clair | 4,5 | 2 |");
    // The overall score too, with the reader's decimal sign.
    expect(md).toMatch(/87,5/);
    expect(md).not.toMatch(/87\.5/);
    expect(md).toContain("Exporté de Made In le 1 novembre 2026.");
    expect(md).not.toContain("Who came");
    // What people typed stays as typed in a CSV, whatever the reader's language.
    expect(renderCsvTable(findCsvTable("notes") as NonNullable<ReturnType<typeof findCsvTable>>, data, "fr")).toContain("Food");
    expect(eventMarkdown(data, "en-GB")).toBe(eventMarkdown(data));
  });

  it("writes the names the server made (someone who left, a participant's pseudonym, a young person) in the reader's language", () => {
    const data = sampleExport();
    // After the retention sweep a member's name is a pseudonym; a note of someone who left keeps theirs.
    const [resident, officer] = data.participants;
    if (resident) resident.displayName = "Participant 3";
    if (officer) officer.displayName = "Young person";
    for (const r of data.reframes) r.authorName = "Someone who left";
    for (const f of data.presentations.feedback) f.authorName = "Participant 7";
    const note = data.boards[0]?.notes[0];
    if (note) note.authorParticipantId = "p3";
    const md = eventMarkdown(data, "pl");
    expect(md).toContain("- Uczestnik 3 (");
    expect(md).toContain("- Młoda osoba (");
    expect(md).toMatch(/Ktoś, kto odszedł/);
    expect(md).toContain("— Uczestnik 7");
    expect(md).toContain("- Café — Ktoś, kto odszedł");
    for (const english of ["Someone who left", "Participant 3", "Participant 7", "Young person"])
      expect(md).not.toContain(english);
    // English readers read them as written.
    expect(eventMarkdown(data, "en-GB")).toContain("- Café — Someone who left");
  });
});
