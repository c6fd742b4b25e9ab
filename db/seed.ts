import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { createEvent } from "@/lib/events/create-event";
import { londonLocalToEpoch } from "@/lib/events/event-dates";
import { formatJoinCode } from "@/lib/events/join-code";
import { ensureTeamsForBriefs } from "@/lib/teams/ensure-teams-for-briefs";
import type { Database } from "./client";
import { demoFridays } from "./demo-dates";
import { accounts, briefs, demoSeeds, events } from "./schema";
import { seedDemoPacks } from "./seed-packs";

const demoOrganiser = { email: "organiser@madein.example", password: "made-in-demo", name: "Demo organiser" };
const seedName = "demo-weekends-v1";

type BriefSeed = Omit<typeof briefs.$inferInsert, "id" | "eventId" | "position" | "status">;

/** `friday`: which of the demo's two Fridays (demoFridays) the weekend starts on, at 6pm London time. */
const weekends: { name: string; place: string; description: string; friday: 0 | 1; days: number; briefs: BriefSeed[] }[] = [
  {
    name: "Made in Lambeth",
    place: "Lambeth Town Hall, Brixton Hill, London SW2",
    description:
      "48 hours in which residents, council officers, designers, developers and young people turn three published briefs into something tangible. Less talking, more doing.",
    friday: 0,
    days: 2,
    briefs: [
      {
        title: "Lambeth Website",
        problem: "Residents struggle to find and do what they came for on the council website: report, pay, apply.",
        whyItMatters: "Every failed visit becomes a phone call or a trip to the town hall.",
        successLooksLike: "A tested prototype of three top tasks that residents complete without help.",
        budget: "£5,000 for follow-on user research",
        timescale: "90 days",
        mayNotChange: "The council's content management system and accessibility standard (WCAG 2.2 AA).",
        ownerRole: "Head of Digital Services",
        ownerOrganisation: "Lambeth Council",
      },
      {
        title: "Healthwatch",
        problem: "People's experiences of local health and care services are collected but rarely heard.",
        whyItMatters: "Services change faster when patients' stories reach the people who run them.",
        successLooksLike: "A way to gather and share stories that a GP practice agrees to try for 60 days.",
        budget: "£2,000",
        timescale: "60 days",
        mayNotChange: "Patient confidentiality rules.",
        ownerRole: "Engagement lead",
        ownerOrganisation: "Healthwatch Lambeth",
      },
      {
        title: "Love Your Space (parks)",
        problem: "Small parks and green corners are under-used and under-loved.",
        whyItMatters: "Friends-of groups want more people to take part in looking after them.",
        successLooksLike: "A campaign and a first event in one park, run by residents, within 30 days.",
        budget: "£3,000 including insurance",
        timescale: "30 days",
        mayNotChange: "Park by-laws; events need a risk assessment and public liability insurance.",
        ownerRole: "Project lead, Public Realm services",
        ownerOrganisation: "Lambeth Council",
      },
    ],
  },
  {
    name: "Made in Lambeth: Neighbourhoods",
    place: "St Martin's Community Centre, Tulse Hill",
    description:
      "A second weekend on networked neighbourhoods: the people in the community with skills and connections, and how the council can back them.",
    friday: 1,
    days: 2,
    briefs: [
      {
        title: "Our Street",
        problem: "Neighbours on the same street rarely know each other or what they could do together.",
        whyItMatters: "Connected streets look after older neighbours, share tools and run their own events.",
        successLooksLike: "Three streets with a working way to reach every household, tried for 90 days.",
        budget: "£1,500",
        timescale: "90 days",
        mayNotChange: "No personal data held by the council without consent.",
        ownerRole: "Neighbourhood development officer",
        ownerOrganisation: "Lambeth Council",
      },
      {
        title: "Connectors",
        problem: "Some residents already connect people to help, but nobody knows who they are.",
        whyItMatters: "Someone may be great at bringing people together without calling it a skill.",
        successLooksLike: "A light way to find, thank and support local connectors.",
        budget: "£2,500",
        timescale: "60 days",
        mayNotChange: "Volunteers stay volunteers: no targets imposed on them.",
        ownerRole: "Community engagement manager",
        ownerOrganisation: "Lambeth Council",
      },
      {
        title: "Young Lambeth Co-op",
        problem: "Young people have few say in the youth services designed for them.",
        whyItMatters: "Services co-produced with young people are used by young people.",
        successLooksLike: "A youth-led plan for one service, agreed with commissioners.",
        budget: "£4,000",
        timescale: "90 days",
        mayNotChange: "Safeguarding policy; under-18s need consent from a parent or carer.",
        ownerRole: "Commissioning manager, young people's services",
        ownerOrganisation: "Lambeth Council",
      },
    ],
  },
];

/** The London date `days` after a "2027-01-08" date. */
const afterDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Creates the demo organiser and weekends once; running it again keeps what was done since. */
export async function seedDemo(db: Database, now = Date.now()) {
  const fridays = demoFridays(now);
  const passwordHash = await hashPassword(demoOrganiser.password);
  await db.transact(async (tx) => {
    const applied = await tx.insert(demoSeeds).values({ name: seedName }).onConflictDoNothing().returning();
    if (applied.length === 0) return;
    const [existing] = await tx.select().from(accounts).where(eq(accounts.email, demoOrganiser.email));
    const organiserId = existing?.id ?? randomUUID();
    if (!existing) {
      await tx.insert(accounts).values({ id: organiserId, email: demoOrganiser.email, name: demoOrganiser.name, passwordHash });
    }
    for (const weekend of weekends) {
      const start = londonLocalToEpoch(`${fridays[weekend.friday]}T18:00`)!;
      const event = await createEvent(tx, {
        name: weekend.name,
        place: weekend.place,
        description: weekend.description,
        startsAt: start,
        // On the London calendar: a weekend when the clocks go back is an hour longer.
        endsAt: londonLocalToEpoch(`${afterDays(fridays[weekend.friday], weekend.days)}T18:00`)!,
        createdBy: organiserId,
        status: "published",
      });
      await tx.insert(briefs).values(
        weekend.briefs.map((b, position) => ({
          ...b,
          id: randomUUID(),
          eventId: event.id,
          position,
          status: "published" as const,
        })),
      );
      // One team per published brief, as publishing a brief does.
      await ensureTeamsForBriefs(tx, event.id);
    }
  });
  // Agendas, practical details and project packs: a seed of its own, so older databases get them too.
  await seedDemoPacks(db);
}

/**
 * What `npm run demo` prints: where to go, and how to sign in. `phoneBase` is the laptop's address on the local network (null
 * without one, or when PUBLIC_URL is set): phones cannot open `localhost`.
 */
export async function demoLinks(db: Database, base: string, phoneBase: string | null = null) {
  const [event] = await db.read
    .select()
    .from(events)
    .where(eq(events.name, weekends[0]?.name ?? ""))
    .limit(1);
  if (!event) return ["The demo weekend is missing; run `npm run db:seed`."];
  const phones = phoneBase
    ? [
        `On phones (same Wi-Fi as this computer):`,
        `  Join:        ${phoneBase}/j/${event.joinCode}`,
        `  Event page:  ${phoneBase}/e/${event.slug}`,
      ]
    : base.includes("localhost")
      ? ["Phones cannot reach localhost and this computer has no network address: connect to Wi-Fi, or set PUBLIC_URL."]
      : [];
  return [
    `Event page:  ${base}/e/${event.slug}`,
    `Join:        ${base}/j/${event.joinCode}   (join code ${formatJoinCode(event.joinCode)})`,
    `Big screen:  ${base}/s/${event.slug}   (the projector: sign in once as staff below, then it opens)`,
    `Facilitator: ${base}/f/${event.slug}`,
    `Organiser:   ${base}/o`,
    ...phones,
    `Sign in as ${demoOrganiser.email} with password ${demoOrganiser.password}`,
  ];
}
