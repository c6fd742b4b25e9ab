"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { CheckRow } from "@/app/ui/form";
import { LengthCount, lengthCountShown } from "@/app/ui/length-count";
import {
  type AgeBand,
  ageBands,
  displayNameMax,
  isUnder18,
  normaliseSkills,
  type ParticipantKind,
  participantKinds,
  profileLimits,
  skillSuggestions,
} from "@/lib/participants/profile";
import { changedAnswers, type ProfileAnswers } from "@/lib/participants/profile-changes";
import { connectingWaitMs } from "@/lib/realtime/client/connection";
import { useConnection } from "@/lib/realtime/client/react";
import { useOwnNews } from "@/lib/realtime/client/use-own-news";
import { useRefresh } from "@/lib/realtime/client/use-refresh";
import { clearKindIntent, type ProfileFormState, type TypedProfile } from "./profile-state";

export type ProfileValues = ProfileAnswers;

/** The answers changed in this form, as its fields hold them; an answer not here shows the stored one. */
type Edits = {
  displayName?: string;
  chosen?: string[];
  otherSkills?: string;
  kind?: ParticipantKind | null;
  ageBand?: AgeBand | null;
  accessNeeds?: string;
  contactConsent?: boolean;
  contact?: string;
};

const chip =
  "relative flex min-h-11 cursor-pointer items-center gap-2 rounded-full bg-white px-4 text-base font-semibold ring-2 ring-line has-checked:bg-brand has-checked:text-white has-checked:ring-brand has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand";
// Long words (Polish "Mieszkaniec/mieszkanka", French "Développement") wrap or break inside a
// half-width option on a 390 px phone instead of running past its edge.
const option =
  "flex min-h-12 min-w-0 cursor-pointer items-center gap-3 rounded-xl bg-white px-4 py-2 font-semibold hyphens-auto [overflow-wrap:anywhere] ring-2 ring-line has-checked:bg-brand-soft has-checked:ring-brand has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand";

/** "talking to people" → "talkingToPeople": the key of a suggestion's words in this language. */
const skillKey = (skill: string) => skill.replace(/ (\w)/g, (_, c: string) => c.toUpperCase());

const isSuggested = (skill: string) => (skillSuggestions as readonly string[]).includes(skill.toLocaleLowerCase("en-GB"));

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={id} className="field-error">
      {message}
    </span>
  ) : null;
}

const asKind = (value: string | undefined) =>
  (participantKinds as readonly string[]).includes(value ?? "") ? (value as ParticipantKind) : null;
const asAgeBand = (value: string | undefined) =>
  (ageBands as readonly string[]).includes(value ?? "") ? (value as AgeBand) : null;

/** A refused post's answers, every one as typed. */
const editsFromTyped = (typed: TypedProfile): Edits => ({
  ...(typed.displayName !== typed.shownName ? { displayName: typed.displayName } : {}),
  chosen: typed.chosen,
  otherSkills: typed.otherSkills,
  kind: asKind(typed.kind),
  ageBand: asAgeBand(typed.ageBand),
  accessNeeds: typed.accessNeeds,
  contactConsent: typed.contactConsent,
  contact: typed.contact,
});

/**
 * The optional "about you" questions: skills in plain words, kind, age band, access needs, contact.
 * Live, it sends `profile:update` on the socket (kept in the outbox while offline). Posted before
 * the page hydrated or without JavaScript, the same form goes to `action` (saveProfileAction,
 * bound by the page), which sends the same command; a refusal comes back with what was typed.
 */
export function ProfileForm({
  slug,
  welcome,
  initial,
  action,
}: {
  slug: string;
  welcome: boolean;
  initial: ProfileValues;
  action: (state: ProfileFormState, form: FormData) => Promise<ProfileFormState>;
}) {
  const t = useTranslations("me.form");
  const connection = useConnection();
  const router = useRouter();
  const id = useId();
  const [posted, formAction] = useActionState(action, {});
  // After a refused post (without JavaScript) the form starts from what was typed, not from what is stored.
  const typed = posted.typed;
  // Each answer follows the stored one (redrawn when it is saved on another of this person's devices)
  // until it is changed here; a save sends only the answers changed here (changedAnswers), so a
  // form left open does not put back what was changed elsewhere since.
  const [edits, setEdits] = useState<Edits>(() => (typed ? editsFromTyped(typed) : {}));
  // The answers changed here since the last save: sent even if back to what the page was drawn
  // with, which is stale until the redraw after a save arrives (changedAnswers).
  const [touched, setTouched] = useState<ReadonlySet<keyof ProfileAnswers>>(() => new Set());
  const edit = <K extends keyof Edits>(key: K, value: Edits[K]) => {
    setEdits((e) => ({ ...e, [key]: value }));
    const answer: keyof ProfileAnswers = key === "chosen" || key === "otherSkills" ? "skills" : key;
    setTouched((was) => new Set(was).add(answer));
  };
  useOwnNews(["profile:renamed", "profile:changed"], useRefresh());
  const name = edits.displayName ?? initial.displayName;
  const chosen = edits.chosen ?? initial.skills.filter(isSuggested).map((s) => s.toLocaleLowerCase("en-GB"));
  const otherSkills = edits.otherSkills ?? initial.skills.filter((s) => !isSuggested(s)).join(", ");
  const kind = edits.kind === undefined ? initial.kind : edits.kind;
  const ageBand = edits.ageBand === undefined ? initial.ageBand : edits.ageBand;
  const accessNeeds = edits.accessNeeds ?? initial.accessNeeds;
  const consent = edits.contactConsent ?? initial.contactConsent;
  const contact = edits.contact ?? initial.contact;
  // What a post without JavaScript compares against: what this form was first drawn with.
  const startedFrom = typed?.startedFrom ?? JSON.stringify(initial);
  const [errors, setErrors] = useState<Record<string, string>>(posted.errors ?? {});
  const [feedback, setFeedback] = useState<{ ok: boolean; text: string } | null>(
    posted.saved ? { ok: true, text: posted.saved } : posted.message ? { ok: false, text: posted.message } : null,
  );
  const [saving, setSaving] = useState(false);
  const young = isUnder18(ageBand);
  // publicName's rule: the room sees a name only once its owner has said they are 18 or over.
  const initialsOnly = ageBand !== "18_plus";

  const toggle = (skill: string) =>
    edit("chosen", chosen.includes(skill) ? chosen.filter((s) => s !== skill) : [...chosen, skill]);

  const submit = async (e: React.FormEvent) => {
    // No live connection on this page yet: the form goes to its server action instead.
    if (!connection) return;
    e.preventDefault();
    const skills = normaliseSkills([...chosen, otherSkills]);
    const local: Record<string, string> = {};
    if (!welcome && !name.trim()) local.displayName = t("nameMissing");
    // Said, not cut: a pasted long name is refused with a reason rather than silently shortened.
    else if (!welcome && name.trim().length > displayNameMax) local.displayName = t("nameTooLong", { max: displayNameMax });
    if (skills.length > profileLimits.skills) local.skills = t("tooManySkills", { max: profileLimits.skills });
    if (consent && !contact.trim()) local.contact = t("contactMissing");
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    setFeedback(null);
    const sentTouched = touched;
    const changes = changedAnswers(
      initial,
      {
        displayName: name,
        skills,
        kind,
        ageBand,
        accessNeeds,
        contactConsent: consent,
        contact,
      },
      touched,
    );
    const { displayName, ...answers } = changes;
    const sent = connection.send("profile:update", {
      ...answers,
      ...(welcome || displayName === undefined ? {} : { displayName }),
    });
    // Sent (or in the outbox, which keeps order): what is changed next is compared afresh.
    setTouched(new Set());
    // A page still connecting (just opened) is given a moment, so the person hears how it went.
    // Offline, or not connected by then, or on the way into the room after joining (the next page
    // has the same outbox), it waits in this phone's outbox and goes when it can.
    const answered =
      connection.status === "online" ||
      (!welcome && connection.status === "connecting" && (await connection.whenOnline(connectingWaitMs)));
    if (!answered) {
      setSaving(false);
      if (welcome) return router.push(`/p/${slug}`);
      return setFeedback({ ok: true, text: t("savedOffline") });
    }
    const ack = await sent.done;
    setSaving(false);
    if (ack.ok) {
      if (welcome) return router.push(`/p/${slug}`);
      return setFeedback({ ok: true, text: t("saved") });
    }
    connection.dismiss(sent.id);
    // Refused: nothing was stored, so what was changed here is still to be sent.
    setTouched((was) => new Set([...sentTouched, ...was]));
    const fieldErrors: Record<string, string> = {};
    for (const issue of ack.error.issues ?? []) {
      const field = issue.path.split(".")[0] ?? "";
      fieldErrors[field === "" ? "form" : field] ??= issue.message;
    }
    setErrors(fieldErrors);
    setFeedback({ ok: false, text: ack.error.message });
  };

  return (
    <form action={formAction} onSubmit={submit} className="space-y-6" noValidate>
      <input type="hidden" name="startedFrom" value={startedFrom} />
      {welcome ? null : (
        <div className="card p-5">
          <label htmlFor={`${id}-name`} className="field-label">
            {t("nameLabel")}
          </label>
          <span id={`${id}-name-hint`} className="field-hint">
            {initialsOnly ? t("nameHintInitials", { max: displayNameMax }) : t("nameHintEveryone", { max: displayNameMax })}
          </span>
          {/* The name the form was drawn with: a post without JavaScript changes the name only if it was typed over. */}
          <input type="hidden" name="shownName" value={typed?.shownName ?? initial.displayName} />
          <input
            id={`${id}-name`}
            name="displayName"
            value={name}
            onChange={(e) => edit("displayName", e.target.value)}
            autoComplete="given-name"
            aria-invalid={errors.displayName ? true : undefined}
            aria-describedby={`${id}-name-hint${errors.displayName ? ` ${id}-name-error` : ""}`}
            className="field-input"
          />
          <FieldError id={`${id}-name-error`} message={errors.displayName} />
        </div>
      )}

      <div className="card p-5">
        <fieldset className="space-y-4" aria-describedby={`${id}-skills-hint`}>
          <legend className="mb-1 text-xl font-bold">{t("skillsLegend")}</legend>
          <p id={`${id}-skills-hint`} className="text-ink-soft">
            {t("skillsHint")}
          </p>
          <div className="flex flex-wrap gap-2">
            {skillSuggestions.map((skill) => (
              <label key={skill} className={chip}>
                <input
                  type="checkbox"
                  name="skill"
                  value={skill}
                  checked={chosen.includes(skill)}
                  onChange={() => toggle(skill)}
                  // Invisible but covering the chip, so a tap anywhere on it is a tap on the checkbox.
                  className="absolute inset-0 h-full w-full cursor-pointer appearance-none rounded-full"
                />
                <span aria-hidden className="text-sm">
                  {chosen.includes(skill) ? "✓" : "+"}
                </span>
                {t(`skill.${skillKey(skill)}`)}
              </label>
            ))}
          </div>
          <div>
            <label htmlFor={`${id}-other`} className="field-label">
              {t("otherLabel")}
            </label>
            <span id={`${id}-other-hint`} className="field-hint">
              {t("otherHint")}
            </span>
            <input
              id={`${id}-other`}
              name="otherSkills"
              value={otherSkills}
              onChange={(e) => edit("otherSkills", e.target.value)}
              aria-invalid={errors.skills ? true : undefined}
              aria-describedby={`${id}-other-hint${errors.skills ? ` ${id}-skills-error` : ""}`}
              className="field-input"
            />
            <FieldError id={`${id}-skills-error`} message={errors.skills} />
          </div>
        </fieldset>
      </div>

      <div className="card p-5">
        <fieldset className="space-y-3">
          <legend className="mb-1 text-xl font-bold">{t("kindLegend")}</legend>
          {/* Sized to their words and wrapped, not two columns: a half-width column broke
              "Developer" and "Programowanie" mid-word on a phone. */}
          <div className="flex flex-wrap gap-2">
            {participantKinds.map((k) => (
              <label key={k} className={option}>
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => edit("kind", k)}
                  className="h-5 w-5 shrink-0 accent-brand"
                />
                <span className="min-w-0">{t(`kind.${k}`)}</span>
              </label>
            ))}
          </div>
          {/* A submit of its own, so it clears without JavaScript too (saveProfileAction reads
              `intent`); live, it only clears the choice, saved with the rest. */}
          {kind ? (
            <button
              type="submit"
              name="intent"
              value={clearKindIntent}
              onClick={(e) => {
                if (!connection) return;
                e.preventDefault();
                edit("kind", null);
              }}
              className="link min-h-11 text-sm"
            >
              {t("clearKind")}
            </button>
          ) : null}
        </fieldset>
      </div>

      <div className="card p-5">
        <fieldset className="space-y-3" aria-describedby={`${id}-age-hint`}>
          <legend className="mb-1 text-xl font-bold">{t("ageLegend")}</legend>
          <p id={`${id}-age-hint`} className="text-ink-soft">
            {t("ageHint")}
          </p>
          <div className="grid gap-2">
            {ageBands.map((band) => (
              <label key={band} className={option}>
                <input
                  type="radio"
                  name="ageBand"
                  value={band}
                  checked={ageBand === band}
                  onChange={() => edit("ageBand", band)}
                  className="h-5 w-5 shrink-0 accent-brand"
                />
                {t(`age.${band}`)}
              </label>
            ))}
          </div>
          {young ? (
            <p className="rounded-lg bg-brand-soft px-4 py-3" data-testid="young-note">
              {t("youngNote")}
            </p>
          ) : null}
        </fieldset>
      </div>

      <div className="card p-5">
        <label htmlFor={`${id}-access`} className="text-xl font-bold">
          {t("accessLabel")}
        </label>
        <span id={`${id}-access-hint`} className="field-hint mt-1">
          {t("accessHint")}
        </span>
        <textarea
          id={`${id}-access`}
          name="accessNeeds"
          value={accessNeeds}
          onChange={(e) => edit("accessNeeds", e.target.value)}
          rows={3}
          aria-invalid={errors.accessNeeds || accessNeeds.length > profileLimits.accessNeeds ? true : undefined}
          aria-describedby={`${id}-access-hint${lengthCountShown(accessNeeds.length, profileLimits.accessNeeds) ? ` ${id}-access-count` : ""}${errors.accessNeeds ? ` ${id}-access-error` : ""}`}
          className="field-input"
        />
        <LengthCount id={`${id}-access-count`} length={accessNeeds.length} max={profileLimits.accessNeeds} />
        <FieldError id={`${id}-access-error`} message={errors.accessNeeds} />
      </div>

      {/* `group`: the contact field shows while the box is ticked, by CSS, so it is there without JavaScript too. */}
      <div className="group/consent card space-y-4 p-5">
        <div className="text-xl font-bold">{t("afterHeading")}</div>
        <CheckRow name="contactConsent" value="yes" checked={consent} onChange={(e) => edit("contactConsent", e.target.checked)}>
          {young ? t("consentYoung") : t("consentAdult")}
          <span className="block text-sm text-ink-soft">{young ? t("consentHintYoung") : t("consentHintAdult")}</span>
        </CheckRow>
        <div className="hidden group-has-checked/consent:block">
          <label htmlFor={`${id}-contact`} className="field-label">
            {young ? t("contactYoung") : t("contactAdult")}
          </label>
          <input
            id={`${id}-contact`}
            name="contact"
            value={contact}
            onChange={(e) => edit("contact", e.target.value)}
            autoComplete={young ? "off" : "email"}
            aria-invalid={errors.contact || contact.length > profileLimits.contact ? true : undefined}
            aria-describedby={
              [
                lengthCountShown(contact.length, profileLimits.contact) ? `${id}-contact-count` : null,
                errors.contact ? `${id}-contact-error` : null,
              ]
                .filter(Boolean)
                .join(" ") || undefined
            }
            className="field-input"
          />
          <LengthCount id={`${id}-contact-count`} length={contact.length} max={profileLimits.contact} />
          <FieldError id={`${id}-contact-error`} message={errors.contact} />
        </div>
      </div>

      {feedback ? (
        <p role={feedback.ok ? "status" : "alert"} className={feedback.ok ? "font-semibold text-brand" : "field-error"}>
          {feedback.text}
        </p>
      ) : null}
      <div className="space-y-3">
        <button type="submit" className="btn btn-primary w-full text-lg" disabled={saving}>
          {saving ? t("saving") : welcome ? t("saveContinue") : t("saveChanges")}
        </button>
        {welcome ? (
          <Link href={`/p/${slug}`} className="btn btn-secondary w-full">
            {t("skip")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
