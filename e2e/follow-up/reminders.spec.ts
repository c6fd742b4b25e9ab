import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { projects } from "@/db/schema";
import { createProject } from "@/lib/projects/create-project";
import { linkIn, startSmtpServer } from "../../test/support/smtp-server";
import { expectAccessible } from "../support/a11y";
import { e2eDatabaseUrl, e2ePort } from "../support/config";
import { createEventFixture, db, fixturePassword, signIn } from "../support/fixtures";
import { ownServer } from "../support/own-server";
import { phone } from "../support/viewports";

const day = 24 * 3600 * 1000;
const shots = "e2e/.artifacts/screenshots";

/**
 * What the organiser's "Send a reminder" says: sent, or, when the server's scheduled sweep (30 s
 * after it starts) reminded the overdue owner first, that one went today. One reminder either way.
 */
const reminded = /^(Reminder sent\.|A reminder went to the owner in the last day\. Give them a little time\.)$/;

/** A server of the test's own that sends email to `smtp`, its links pointing at itself. */
const emailingServer = (offset: number, smtp: { url: string }) =>
  ownServer(offset, e2eDatabaseUrl, {
    SMTP_URL: smtp.url,
    MAIL_FROM: "Made In <madein@council.test>",
    PUBLIC_URL: `http://127.0.0.1:${e2ePort + offset}`,
  });

/** A project started 40 days ago (its day-30 check-in overdue), owned by `ownerEmail`. */
const overdueProject = async (eventId: string, title: string, ownerName: string, ownerEmail: string) =>
  (await db()).transact((tx) =>
    createProject(tx, {
      eventId,
      teamId: null,
      title,
      summary: "",
      ownerName,
      ownerRole: "Resident",
      ownerEmail,
      coOwners: [],
      now: Date.now() - 40 * day,
    }),
  );

/**
 * Email reaching people, through a real SMTP server on 127.0.0.1: the organiser sends a reminder
 * from "Needs a nudge", the owner follows it on a phone and posts check-ins, and the project
 * leaves the list only once it is on track. Then a forgotten password, reset by email.
 */
test("an owner gets a reminder, posts from a phone, and the project leaves 'Needs a nudge' only when on track", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const smtp = await startSmtpServer();
  const own = emailingServer(74, smtp);
  const base = own.base;
  try {
    await own.start();
    const event = await createEventFixture();
    const ownerEmail = `owner-${event.slug}@example.test`;
    const projectId = await overdueProject(event.id, "Pop-up café in the park", "Amara", ownerEmail);

    const desk = await browser.newContext({ viewport: { width: 1280, height: 720 }, baseURL: base });
    await signIn(desk, event.organiser.id);
    const organiser = await desk.newPage();
    await organiser.goto(`/o/${event.slug}/projects`);
    const nudges = organiser.getByTestId("nudges");
    const item = nudges.getByRole("listitem").filter({ hasText: "Pop-up café in the park" });
    await expect(item.getByText(/Check-in overdue by 10 days/)).toBeVisible();
    await expect(item.getByRole("link", { name: ownerEmail })).toBeVisible();
    await item.getByRole("button", { name: "Send a reminder" }).click();
    await expect(item.getByText(reminded)).toBeVisible();
    await organiser.reload();
    await expect(organiser.getByRole("table").getByText(ownerEmail)).toBeVisible();
    await expectAccessible(organiser);
    await organiser.screenshot({ path: `${shots}/nudges-1280.png`, fullPage: true });

    // The owner's email: why it came, a button to post an update, a way to stop them.
    const [reminder] = await smtp.waitFor(ownerEmail, 1);
    expect(reminder?.subject).toBe('"Pop-up café in the park": your check-in is overdue');
    expect(reminder?.text).toContain("You got this because you own");
    const update = linkIn(reminder!, `${base}/r/`);

    const handset = await browser.newContext({ ...phone, baseURL: base });
    const mobile = await handset.newPage();
    await mobile.goto(update);
    await expect(mobile).toHaveURL(new RegExp(`/update/${projectId}$`));
    await expect(mobile.getByRole("heading", { name: "Pop-up café in the park", level: 1 })).toBeVisible();
    await expect(mobile.getByTestId("what-becomes-public")).toContainText("public progress page");
    await expectAccessible(mobile);
    await mobile.screenshot({ path: `${shots}/owner-update-390.png`, fullPage: true });

    // At risk and asking for help: up to date, but it still needs a nudge.
    await mobile.getByText("At risk", { exact: true }).click();
    await mobile.getByLabel("What has happened since last time?").fill("The café ran twice; the kitchen is closing.");
    await mobile.getByLabel("What help do you need? (optional)").fill("A kitchen we can borrow on Saturdays");
    await mobile.getByRole("button", { name: "Save update" }).click();
    await expect(mobile.getByText("Thank you: your update is saved.")).toBeVisible();
    await organiser.reload();
    await expect(item.getByText("At risk")).toBeVisible();
    await expect(item.getByText("Asks for help: A kitchen we can borrow on Saturdays")).toBeVisible();

    // On track, no help needed: it leaves the list.
    await mobile.reload();
    await mobile.getByText("On track", { exact: true }).click();
    await mobile.getByLabel("What has happened since last time?").fill("We found a kitchen at the community centre.");
    await mobile.getByRole("button", { name: "Save update" }).click();
    await expect(mobile.getByText("We found a kitchen at the community centre.")).toBeVisible();
    await organiser.reload();
    await expect(organiser.getByRole("heading", { name: "Needs a nudge" })).toBeVisible();
    await expect(organiser.getByTestId("nudges").getByText("Pop-up café in the park")).toHaveCount(0);

    // The stop link, on the phone: the page asks, one button stops them.
    await mobile.goto(linkIn(reminder!, `${base}/stop/`));
    await expect(mobile.getByRole("heading", { name: "Stop these emails?" })).toBeVisible();
    await mobile.getByRole("button", { name: "Stop them" }).click();
    await expect(mobile.getByRole("heading", { name: "Stopped" })).toBeVisible();
    await expectAccessible(mobile);

    // The owner taps Polski on their page: kept with the project, so their reminders come in Polish too.
    const ownerLanguage = async () =>
      (await (await db()).read.select({ language: projects.ownerLanguage }).from(projects).where(eq(projects.id, projectId)))[0]
        ?.language;
    expect(await ownerLanguage()).toBeNull();
    await mobile.goto(`/update/${projectId}`);
    await mobile.getByTestId("language-picker").getByRole("button", { name: "Polski" }).click();
    await expect(mobile.locator("html")).toHaveAttribute("lang", "pl");
    await expect.poll(ownerLanguage).toBe("pl");
    // So does a new owner's link the organiser emails them.
    await organiser.goto(`/o/${event.slug}/projects/${projectId}`);
    await organiser.getByRole("button", { name: "Make a new link" }).click();
    await expect(organiser.getByText(`The owner's link is emailed to ${ownerEmail}.`)).toBeVisible();
    const [, linkEmail] = await smtp.waitFor(ownerEmail, 2);
    expect(linkEmail?.subject).toBe("Twój link do aktualizacji projektu „Pop-up café in the park”");
    // One reminder however the organiser's and the schedule's fell: never two the same day.
    expect(smtp.to(ownerEmail).map((mail) => mail.subject)).toEqual([
      '"Pop-up café in the park": your check-in is overdue',
      "Twój link do aktualizacji projektu „Pop-up café in the park”",
    ]);
    await handset.close();
    await desk.close();
  } finally {
    await own.kill();
    await smtp.close();
  }
});

test("a mail client's own unsubscribe button (RFC 8058 one-click) stops an owner's reminders", async ({ browser }) => {
  test.setTimeout(180_000);
  const smtp = await startSmtpServer();
  const own = emailingServer(76, smtp);
  const base = own.base;
  try {
    await own.start();
    const event = await createEventFixture();
    const ownerEmail = `one-click-${event.slug}@example.test`;
    const projectId = await overdueProject(event.id, "Repair café", "Bea", ownerEmail);
    const desk = await browser.newContext({ viewport: { width: 1280, height: 720 }, baseURL: base });
    await signIn(desk, event.organiser.id);
    const organiser = await desk.newPage();
    await organiser.goto(`/o/${event.slug}/projects`);
    const item = organiser.getByTestId("nudges").getByRole("listitem").filter({ hasText: "Repair café" });
    await item.getByRole("button", { name: "Send a reminder" }).click();
    await expect(item.getByText(reminded)).toBeVisible();

    // What a mail provider does when the owner presses its "Unsubscribe": a POST, from its own servers, to the header's address.
    const [reminder] = await smtp.waitFor(ownerEmail, 1);
    const header = reminder?.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
    const oneClick = /<([^>]+)>/.exec(header)?.[1] ?? "";
    expect(oneClick.startsWith(`${base}/stop/`)).toBe(true);
    const mailProvider = await browser.newContext();
    const answer = await mailProvider.request.post(oneClick, {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: "List-Unsubscribe=One-Click",
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(200);
    await mailProvider.close();

    // The stop link in the email's body says so, and the organiser sees it on the project.
    const handset = await browser.newContext({ ...phone, baseURL: base });
    const mobile = await handset.newPage();
    await mobile.goto(linkIn(reminder!, `${base}/stop/`));
    await expect(mobile.getByRole("heading", { name: "Stopped" })).toBeVisible();
    await organiser.goto(`/o/${event.slug}/projects/${projectId}`);
    await expect(organiser.getByText(/The owner stopped reminders on/)).toBeVisible();
    await handset.close();
    await desk.close();
  } finally {
    await own.kill();
    await smtp.close();
  }
});

test("a forgotten password is reset by email, and the link works once", async ({ browser }) => {
  test.setTimeout(180_000);
  const smtp = await startSmtpServer();
  const own = emailingServer(75, smtp);
  const base = own.base;
  try {
    await own.start();
    const event = await createEventFixture();
    const context = await browser.newContext({ ...phone, baseURL: base, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    // An unknown address gets the same answer as a known one.
    await page.getByLabel("Email address").fill("nobody@example.test");
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByText("If an account uses that address")).toBeVisible();
    // A reset asked for by someone else, naming their own host (no Origin, as a script would):
    // the link mailed to the account's owner still points at PUBLIC_URL, never at that host.
    const html = await (await context.request.get(`${base}/signin/forgot`)).text();
    // The reset form's own hidden fields (React's action reference), as its page wrote them.
    const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].find((f) => f[1]?.includes('name="email"'))?.[1] ?? "";
    const unescapeHtml = (s: string) =>
      s
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .replace(/&amp;/g, "&");
    const hidden = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(
      (m) => [unescapeHtml(m[1] ?? ""), unescapeHtml(m[2] ?? "")] as const,
    );
    expect(hidden.length).toBeGreaterThan(0);
    const forged = await context.request.post(`${base}/signin/forgot`, {
      multipart: { ...Object.fromEntries(hidden), email: event.organiser.email },
      headers: { "x-forwarded-host": "attacker.example", "x-forwarded-proto": "https" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBeLessThan(400);
    expect(forged.headers().location).toContain("sent=1");
    const [forgedMail] = await smtp.waitFor(event.organiser.email, 1);
    expect(linkIn(forgedMail!, `${base}/signin/reset/`)).toBeTruthy();
    expect(JSON.stringify(forgedMail)).not.toContain("attacker.example");

    await page.goto("/signin/forgot");
    await page.getByLabel("Email address").fill(event.organiser.email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByText("If an account uses that address")).toBeVisible();
    // axe needs scripts, which this context has turned off: the page is checked in one that has them.
    const scripted = await browser.newContext({ ...phone, baseURL: base });
    const checked = await scripted.newPage();
    await checked.goto("/signin/forgot");
    await expectAccessible(checked);
    await scripted.close();

    const mail = (await smtp.waitFor(event.organiser.email, 2))[1];
    expect(smtp.to("nobody@example.test")).toHaveLength(0);
    const link = linkIn(mail!, `${base}/signin/reset/`);
    await page.goto(link);
    await page.getByLabel("New password").fill("a new password for the weekend");
    await page.getByLabel("The same password again").fill("a new password for the weekend");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await expect(page.getByText("Your new password is saved. Sign in with it.")).toBeVisible();
    await page.getByLabel("Email address").fill(event.organiser.email);
    await page.getByLabel("Password").fill(fixturePassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password don't match.")).toBeVisible();
    await page.getByLabel("Password").fill("a new password for the weekend");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/o$/);

    // Used once: the link is dead.
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This link doesn't work any more" })).toBeVisible();
    await context.close();
  } finally {
    await own.kill();
    await smtp.close();
  }
});
