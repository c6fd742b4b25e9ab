import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { epochToLondonLocal, londonLocalToEpoch } from "@/lib/events/event-dates";
import type { Database } from "./client";
import { briefContacts, briefLinks, briefs, demoSeeds, eventPhases, events } from "./schema";

/**
 * The demo weekends' agendas, mantras, practical details and project packs: enough to run a
 * real weekend from. Applied once per database, on top of "demo-weekends-v1" (so databases
 * seeded before packs existed get them too), and never over anything an organiser has written.
 */
const seedName = "demo-packs-v1";

const mantras = ["Less talking, more doing", "Vote with your feet", "Divide and conquer", "Make something real by Sunday"];
const organisers = "via the organisers: hello@madein.example, or the welcome desk on the day";

type Link = { title: string; url: string; note?: string };
type Pack = { background: string; data: Link[]; contacts: { role: string; howToReach: string }[]; links: Link[] };

const londonDatastore: Link = {
  title: "London Borough Profiles",
  url: "https://data.london.gov.uk/dataset/london-borough-profiles",
  note: "London Datastore: population, housing, health and more for Lambeth and its neighbours",
};
const localStats: Link = {
  title: "Explore local statistics: Lambeth",
  url: "https://www.ons.gov.uk/explore-local-statistics/",
  note: "ONS: search for Lambeth",
};
const census: Link = { title: "Census 2021", url: "https://www.ons.gov.uk/census", note: "ONS: who lives in the borough" };
const deprivation: Link = {
  title: "English indices of deprivation 2019",
  url: "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019",
  note: "GOV.UK: deprivation by small area (LSOA)",
};

const packs: Record<string, Record<string, Pack>> = {
  "Made in Lambeth": {
    "Lambeth Website": {
      background: `Lambeth's website gets around **a million visits a month**. Most people come to *do* one thing: report a missed bin, pay council tax, apply for a parking permit, find out about a school place.

Call centre logs show that many calls start with "I tried the website but…". Each of those calls costs the council money and the resident time.

## What we know
- The top ten tasks account for well over half of all visits.
- More than half of visits are on a phone.
- Residents tell us the search "never finds the thing".

## What we don't know
- Which tasks fail most often, and at which step.
- How people who don't use the website at all get things done.

Bring your phone and try the top tasks yourself on Friday night. On Saturday, go out and ask people at the library and the market.`,
      data: [
        londonDatastore,
        census,
        {
          title: "GOV.UK Service Manual",
          url: "https://www.gov.uk/service-manual",
          note: "How public services are designed and tested",
        },
      ],
      contacts: [
        {
          role: "Head of Digital Services, Lambeth Council (brief owner)",
          howToReach: `In the room Friday evening and Sunday afternoon; ${organisers}`,
        },
        {
          role: "Customer contact centre team leader",
          howToReach: "In the room on Saturday morning to share what callers ask for",
        },
        { role: "Web content designer", howToReach: "In the room all weekend" },
      ],
      links: [
        { title: "Lambeth Council website", url: "https://www.lambeth.gov.uk/" },
        { title: "WCAG 2.2", url: "https://www.w3.org/TR/WCAG22/", note: "The accessibility standard the site must meet" },
        { title: "GOV.UK content design guidance", url: "https://www.gov.uk/guidance/content-design" },
        { title: "GOV.UK Design System", url: "https://design-system.service.gov.uk/", note: "Patterns you may reuse" },
      ],
    },
    Healthwatch: {
      background: `Healthwatch Lambeth is the independent champion for people who use health and social care services in the borough. It hears hundreds of stories a year — about GP appointments, hospital discharge, home care — but most of them never reach the people who could act on them.

## The challenge
Find a way for people's experiences to be **gathered easily** (not only by people who fill in forms) and **heard by the people who run services**, so that something changes.

## Things to keep in mind
- Some of the people with the most to say are the hardest to reach: carers, people who don't speak English as a first language, people without the internet.
- A story is personal information. Nothing identifiable leaves the room without consent.`,
      data: [
        { title: "GP Patient Survey", url: "https://www.gp-patient.co.uk/", note: "Results by practice, updated every year" },
        {
          title: "Public health profiles (Fingertips)",
          url: "https://fingertips.phe.org.uk/",
          note: "OHID: health indicators for Lambeth",
        },
        { title: "Care Quality Commission", url: "https://www.cqc.org.uk/", note: "Inspection reports for local services" },
        localStats,
      ],
      contacts: [
        { role: "Engagement lead, Healthwatch Lambeth (brief owner)", howToReach: `In the room all weekend; ${organisers}` },
        { role: "Practice manager from a local GP surgery", howToReach: "In the room on Saturday afternoon" },
        { role: "Patient participation group volunteer", howToReach: "In the room on Saturday" },
      ],
      links: [
        { title: "Healthwatch Lambeth", url: "https://www.healthwatchlambeth.org.uk/" },
        {
          title: "ICO: guidance for organisations",
          url: "https://ico.org.uk/for-organisations/",
          note: "Handling personal information",
        },
      ],
    },
    "Love Your Space (parks)": {
      background: `Lambeth has big, well-known parks and dozens of small ones: pocket parks, green corners, estate gardens. The small ones are often empty, and the *friends of* groups who look after them are small and tired.

## The challenge
Help residents bring one small park to life, with an event they run themselves in the next 30 days, and a way to keep people coming back.

## Rules of the ground
- Events in parks need a **risk assessment** and **public liability insurance** (the budget covers it).
- Food stalls need food safety sorted; the owner can help.
- Park by-laws apply: no fires or barbecues outside marked areas.

Go and look: three small parks are within ten minutes' walk of the town hall.`,
      data: [
        {
          title: "Access to gardens and public green space in Great Britain",
          url: "https://www.ons.gov.uk/economy/environmentalaccounts/datasets/accesstogardensandpublicgreenspaceingreatbritain",
          note: "ONS data set",
        },
        londonDatastore,
        deprivation,
      ],
      contacts: [
        {
          role: "Project lead, Public Realm services, Lambeth Council (brief owner)",
          howToReach: `In the room all weekend; ${organisers}`,
        },
        {
          role: "Chair of a local friends-of-the-park group",
          howToReach: "In the room on Saturday; happy to walk a team round the park",
        },
        {
          role: "Parks events officer",
          howToReach: "Ask at the welcome desk: on call on Saturday for insurance and permissions questions",
        },
      ],
      links: [
        { title: "Green Flag Award", url: "https://www.greenflagaward.org/", note: "What a well-run park looks like" },
        { title: "Fields in Trust", url: "https://www.fieldsintrust.org/" },
        { title: "Health and Safety Executive", url: "https://www.hse.gov.uk/", note: "Risk assessment basics" },
        { title: "Food Standards Agency", url: "https://www.food.gov.uk/", note: "Food safety for community events" },
      ],
    },
  },
  "Made in Lambeth: Neighbourhoods": {
    "Our Street": {
      background: `Many people don't know the names of their neighbours. Yet the streets that do know each other lend tools, check on older neighbours in a cold snap, and run street parties.

## The challenge
Find a light, low-cost way for a street to reach **every household** — including people who aren't online — and try it on three streets for 90 days.

## Keep in mind
- No personal data held by the council without consent.
- Not everyone wants to be found: opting out must be easy.`,
      data: [
        {
          title: "Community Life Survey",
          url: "https://www.gov.uk/government/collections/community-life-survey--2",
          note: "GOV.UK: how connected people feel",
        },
        census,
        deprivation,
      ],
      contacts: [
        {
          role: "Neighbourhood development officer, Lambeth Council (brief owner)",
          howToReach: `In the room all weekend; ${organisers}`,
        },
        { role: "Street party organiser from Tulse Hill", howToReach: "In the room on Saturday" },
      ],
      links: [
        {
          title: "ICO: guidance for organisations",
          url: "https://ico.org.uk/for-organisations/",
          note: "Consent and personal data",
        },
        { title: "NCVO", url: "https://www.ncvo.org.uk/", note: "Help for community groups" },
      ],
    },
    Connectors: {
      background: `In every neighbourhood there are people who bring others together without calling it a skill: the person who knows who needs a lift, the shopkeeper who passes messages on.

## The challenge
Find, thank and back these **connectors** without turning them into unpaid staff.

## Keep in mind
- Volunteers stay volunteers: no targets imposed on them.
- Thanks can be small and still matter.`,
      data: [
        localStats,
        { title: "Community Life Survey", url: "https://www.gov.uk/government/collections/community-life-survey--2" },
      ],
      contacts: [
        {
          role: "Community engagement manager, Lambeth Council (brief owner)",
          howToReach: `In the room all weekend; ${organisers}`,
        },
        { role: "Volunteer centre coordinator", howToReach: "In the room on Saturday" },
      ],
      links: [
        { title: "NCVO", url: "https://www.ncvo.org.uk/", note: "Volunteering good practice" },
        { title: "Nesta", url: "https://www.nesta.org.uk/", note: "Research on people-powered services" },
      ],
    },
    "Young Lambeth Co-op": {
      background: `Youth services are commissioned for young people, but rarely *with* them. The Young Lambeth Co-op model puts young people and youth organisations at the table.

## The challenge
Pick one youth service and make a **youth-led plan** for it that commissioners can agree to.

## Keep in mind
- Safeguarding policy applies all weekend; a named safeguarding lead is in the room.
- Under-18s need consent from a parent or carer to take part.`,
      data: [census, localStats, deprivation],
      contacts: [
        {
          role: "Commissioning manager, young people's services, Lambeth Council (brief owner)",
          howToReach: `In the room all weekend; ${organisers}`,
        },
        { role: "Safeguarding lead for the weekend", howToReach: "At the welcome desk all weekend" },
        { role: "Youth worker from a local youth club", howToReach: "In the room on Saturday and Sunday" },
      ],
      links: [
        {
          title: "Working together to safeguard children",
          url: "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
          note: "GOV.UK statutory guidance",
        },
        { title: "NSPCC", url: "https://www.nspcc.org.uk/", note: "Safeguarding advice" },
      ],
    },
  },
};

const practical: Record<string, { accessInfo: string; childcare: string; food: string; whatToBring: string }> = {
  "Made in Lambeth": {
    accessInfo:
      "Step-free entrance on the side of the building, with a lift to every floor. Accessible toilets on the ground and first floors. Hearing loop in the main hall. A quiet room is open all weekend. Tell us what you need when you join, or at the welcome desk.",
    childcare:
      "Free crèche on Saturday and Sunday, 9:30am to 5pm, for ages 2 to 11, run by qualified staff. Book a place when you join so we have enough staff.",
    food: "Dinner on Friday, breakfast and lunch on Saturday and Sunday, all free. Vegetarian, vegan, halal and gluten-free options; tell us about allergies when you join.",
    whatToBring:
      "Yourself and your experience. A laptop or phone if you have one (we have some to lend). Comfortable shoes: teams go out and talk to people.",
  },
  "Made in Lambeth: Neighbourhoods": {
    accessInfo:
      "Step-free entrance and ground-floor hall. Accessible toilet. Large-print briefs at the welcome desk. Ask for anything else you need.",
    childcare: "Crèche on Saturday and Sunday, 10am to 4pm, for ages 2 to 11. Book when you join.",
    food: "Hot food on Friday evening; breakfast and lunch at the weekend, made by a local community kitchen. Tell us about dietary needs when you join.",
    whatToBring: "Stories from your street. A phone if you have one. Warm clothes for going out.",
  },
};

/** The agenda of a Friday-to-Sunday weekend, as London wall-clock times. */
function weekendAgenda(fridayIso: string) {
  const friday = new Date(`${fridayIso}T12:00:00Z`);
  const day = (offset: number) => new Date(friday.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const at = (offset: number, time: string) => londonLocalToEpoch(`${day(offset)}T${time}`)!;
  return [
    { name: "Kick-off evening: briefs introduced, teams form", startsAt: at(0, "18:00"), endsAt: at(0, "21:00") },
    { name: "Explore: dig into the brief, go out and talk to people", startsAt: at(1, "09:30"), endsAt: at(1, "17:30") },
    { name: "Make: less talking, more doing", startsAt: at(2, "09:30"), endsAt: at(2, "15:00") },
    { name: "Presentations: every team shows what it made", startsAt: at(2, "15:00"), endsAt: at(2, "17:30") },
  ];
}

export async function seedDemoPacks(db: Database) {
  await db.transact(async (tx) => {
    const applied = await tx.insert(demoSeeds).values({ name: seedName }).onConflictDoNothing().returning();
    if (applied.length === 0) return;
    for (const [eventName, briefPacks] of Object.entries(packs)) {
      const [event] = await tx.select().from(events).where(eq(events.name, eventName));
      if (!event) continue;
      const details = practical[eventName]!;
      await tx
        .update(events)
        .set({
          goals: event.goals.length ? event.goals : mantras,
          accessInfo: event.accessInfo || details.accessInfo,
          childcare: event.childcare || details.childcare,
          food: event.food || details.food,
          whatToBring: event.whatToBring || details.whatToBring,
        })
        .where(eq(events.id, event.id));
      const phases = await tx.select({ id: eventPhases.id }).from(eventPhases).where(eq(eventPhases.eventId, event.id));
      // The agenda falls on the weekend's own days (an organiser who cleared the dates gets none).
      if (phases.length === 0 && event.startsAt !== null) {
        await tx.insert(eventPhases).values(
          weekendAgenda(epochToLondonLocal(event.startsAt).slice(0, 10)).map((p, position) => ({
            ...p,
            position,
            id: randomUUID(),
            eventId: event.id,
          })),
        );
      }
      for (const [title, pack] of Object.entries(briefPacks)) {
        const [brief] = await tx
          .select()
          .from(briefs)
          .where(and(eq(briefs.eventId, event.id), eq(briefs.title, title)));
        if (!brief || brief.background) continue;
        const existing = await tx.select({ id: briefLinks.id }).from(briefLinks).where(eq(briefLinks.briefId, brief.id));
        if (existing.length) continue;
        await tx.update(briefs).set({ background: pack.background }).where(eq(briefs.id, brief.id));
        const links = [
          ...pack.data.map((l, position) => ({ ...l, kind: "data" as const, position })),
          ...pack.links.map((l, position) => ({ ...l, kind: "link" as const, position })),
        ];
        await tx.insert(briefLinks).values(links.map((l) => ({ note: "", ...l, id: randomUUID(), briefId: brief.id })));
        await tx
          .insert(briefContacts)
          .values(pack.contacts.map((c, position) => ({ ...c, position, id: randomUUID(), briefId: brief.id })));
      }
    }
  });
}
