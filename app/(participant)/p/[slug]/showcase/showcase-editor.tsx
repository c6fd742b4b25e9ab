"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { FilePicker, usePhotoTooBig } from "@/app/ui/file-picker";
import { LengthCount, lengthCountShown } from "@/app/ui/length-count";
import { useShownName } from "@/app/ui/shown-name";
import { imageSrcSet } from "@/lib/files/image-sizes";
import {
  type Dirty,
  linkLooksRight,
  readDraft,
  type ShowcaseFields,
  sendable,
  settle,
  withDraft,
  writeDraft,
} from "@/lib/presentations/draft";
import { keptKey } from "@/lib/realtime/client/kept";
import { useConnectionStatus, useKeeper } from "@/lib/realtime/client/react";
import { useMyTeamMoved } from "@/lib/realtime/client/teams";
import { usePresentations } from "@/lib/realtime/client/use-presentations";
import { linkLimits, presentationLimits } from "@/lib/realtime/constants";
import type { ShowcaseView } from "@/lib/realtime/contract";

const saveAfterMs = 600;

const fieldsOf = (s: ShowcaseView): ShowcaseFields => ({
  title: s.title,
  summary: s.summary,
  made: s.made,
  learned: s.learned,
  links: s.links,
  imageIds: s.images.map((i) => i.id),
  nextSteps: s.nextSteps,
  // Empty means "the brief's owner": the field shows the owner as a placeholder, not as text.
  takenForwardBy: s.takenForwardBy === s.takenForwardByDefault ? "" : s.takenForwardBy,
  needs: s.needs,
});

type Status = "idle" | "saving" | "saved" | "waiting" | "refused";

/** A team's showcase, written together on phones. Every keystroke is kept: on the phone at once, on the server soon after. */
export function ShowcaseEditor({
  slug,
  eventName,
  staffTeamId,
}: {
  slug: string;
  eventName: string;
  staffTeamId: string | null;
}) {
  const t = useTranslations("showcase");
  const p = usePresentations();
  const connection = useConnectionStatus();
  // Moved to another team (by a facilitator, or on another of their devices): the presentations'
  // state says which team is theirs, so it is read again, and the page edits that team's showcase.
  useMyTeamMoved(staffTeamId === null && p.state !== null && !p.state.me.staff, p.reload);
  const teamId = staffTeamId ?? p.state?.me.teamId ?? null;
  // Kept for this team's showcase and the person writing it: a shared phone's next person neither sees nor sends it.
  const keeper = useKeeper();
  const draftAt = teamId ? keptKey(keeper, `showcase.${teamId}`) : null;
  const [dirty, setDirty] = useState<Dirty>({});
  const dirtyRef = useRef<Dirty>({});
  const [status, setStatus] = useState<Status>("idle");
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const send = p.send;

  const flush = useCallback(async () => {
    if (!teamId || !draftAt) return;
    const sent = sendable(dirtyRef.current);
    if (Object.keys(sent).length === 0) return setStatus(Object.keys(dirtyRef.current).length ? "refused" : "saved");
    setStatus("saving");
    const ack = await send("showcase:save", { teamId, fields: sent });
    if (!ack) return setStatus("waiting");
    if (!ack.ok) return setStatus("refused");
    dirtyRef.current = settle(dirtyRef.current, sent);
    writeDraft(localStorage, draftAt, dirtyRef.current);
    setDirty(dirtyRef.current);
    setStatus(Object.keys(dirtyRef.current).length ? "saving" : "saved");
  }, [teamId, draftAt, send]);

  // A draft left by a reload (or a closed tab) is put back and sent.
  useEffect(() => {
    if (!teamId || !draftAt || !p.state || loadedFor === teamId) return;
    setLoadedFor(teamId);
    const draft = readDraft(localStorage, draftAt);
    dirtyRef.current = draft;
    setDirty(draft);
    if (Object.keys(draft).length) void flush();
  }, [teamId, draftAt, p.state, loadedFor, flush]);

  const change = <K extends keyof ShowcaseFields>(key: K, value: ShowcaseFields[K]) => {
    if (!teamId || !draftAt) return;
    dirtyRef.current = { ...dirtyRef.current, [key]: value };
    writeDraft(localStorage, draftAt, dirtyRef.current);
    setDirty(dirtyRef.current);
    setStatus("waiting");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), saveAfterMs);
  };

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  if (!p.state) return <p className="text-ink-soft">{t("opening")}</p>;
  if (!teamId) {
    return (
      <div className="space-y-4">
        <Link href={`/p/${slug}`} className="link inline-block">
          ← {eventName}
        </Link>
        <h1 className="text-3xl font-extrabold tracking-tight">{t("title")}</h1>
        <p className="card p-4">{t("noTeam")}</p>
      </div>
    );
  }
  const server = p.state.showcases[teamId];
  const team = p.state.teams.find((t) => t.id === teamId);
  if (!server || !team) return <p role="alert">{t("teamGone")}</p>;
  const view = withDraft(fieldsOf(server), dirty);
  const images = new Map(server.images.map((i) => [i.id, i.url]));

  const statusText =
    status === "saving"
      ? t("status.saving")
      : status === "waiting"
        ? connection === "online"
          ? t("status.keptSaving")
          : t("status.keptOffline")
        : status === "refused"
          ? t("status.refused")
          : status === "saved"
            ? t("status.saved")
            : server.updatedAt
              ? t("status.lastSavedBy", { name: server.updatedBy })
              : t("status.empty");

  return (
    <div className="space-y-5 pb-16">
      <Link href={`/p/${slug}`} className="link inline-block">
        ← {eventName}
      </Link>
      <div className="space-y-1">
        <p className="eyebrow">{t("team", { team: team.name })}</p>
        <h1 className="text-3xl font-extrabold tracking-tight">{t("title")}</h1>
        <p className="text-ink-soft">{t("intro")}</p>
      </div>
      {p.message ? (
        <p role="alert" className="rounded-xl bg-red-50 p-3 font-semibold text-danger">
          {p.message}
        </p>
      ) : null}
      <Field
        label={t("fields.title")}
        value={view.title}
        max={presentationLimits.title}
        onChange={(v) => change("title", v)}
        testId="showcase-title"
      />
      <Field
        label={t("fields.summary")}
        hint={t("fields.summaryHint")}
        value={view.summary}
        max={presentationLimits.summary}
        onChange={(v) => change("summary", v)}
      />
      <Field label={t("fields.made")} long value={view.made} onChange={(v) => change("made", v)} testId="showcase-made" />
      <Field label={t("fields.learned")} long value={view.learned} onChange={(v) => change("learned", v)} />
      <Links links={view.links} onChange={(links) => change("links", links)} />
      <Images
        teamId={teamId}
        ids={view.imageIds}
        urls={images}
        onChange={(ids) => change("imageIds", ids)}
        onError={p.setMessage}
      />
      <Field label={t("fields.nextSteps")} long value={view.nextSteps} onChange={(v) => change("nextSteps", v)} />
      <Field
        label={t("fields.takenForwardBy")}
        hint={server.takenForwardByDefault ? t("fields.takenForwardByHint", { owner: server.takenForwardByDefault }) : undefined}
        placeholder={server.takenForwardByDefault}
        value={view.takenForwardBy}
        max={presentationLimits.title}
        onChange={(v) => change("takenForwardBy", v)}
      />
      <Field label={t("fields.needs")} long value={view.needs} onChange={(v) => change("needs", v)} />
      <p
        aria-live="polite"
        className="sticky bottom-3 rounded-full bg-ink px-4 py-2 text-center text-sm font-semibold text-white shadow-lg"
        data-testid="showcase-status"
        data-status={status}
      >
        {statusText}
      </p>
      <FeedbackForTeam feedback={p.state.feedback.filter((f) => f.teamId === teamId)} />
    </div>
  );
}

function Field(props: {
  label: string;
  hint?: string;
  value: string;
  long?: boolean;
  max?: number;
  placeholder?: string;
  testId?: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const max = props.max ?? presentationLimits.long;
  // The same wiring for a line and a text box: a count near the limit, never a cut.
  const box = {
    id,
    value: props.value,
    "aria-invalid": props.value.length > max ? true : undefined,
    "aria-describedby":
      [props.hint && `${id}-hint`, lengthCountShown(props.value.length, max) && `${id}-count`].filter(Boolean).join(" ") ||
      undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => props.onChange(e.target.value),
    "data-testid": props.testId,
  };
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {props.label}
      </label>
      {props.hint ? (
        <span id={`${id}-hint`} className="field-hint">
          {props.hint}
        </span>
      ) : null}
      {props.long ? (
        <textarea {...box} className="field-input min-h-28" />
      ) : (
        <input {...box} className="field-input" placeholder={props.placeholder} />
      )}
      <LengthCount id={`${id}-count`} length={props.value.length} max={max} />
    </div>
  );
}

function Links({
  links,
  onChange,
}: {
  links: { title: string; url: string }[];
  onChange: (l: { title: string; url: string }[]) => void;
}) {
  const t = useTranslations("showcase.links");
  const set = (i: number, patch: Partial<{ title: string; url: string }>) =>
    onChange(links.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <fieldset className="space-y-3">
      <legend className="field-label">{t("legend")}</legend>
      <p className="field-hint">{t("hint")}</p>
      {links.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own, and only the last is added or removed
        <div key={i} className="card space-y-2 p-3">
          <label className="block">
            <span className="field-label text-sm">{t("name", { n: i + 1 })}</span>
            <input
              className="field-input"
              value={l.title}
              aria-invalid={l.title.length > linkLimits.title ? true : undefined}
              aria-describedby={lengthCountShown(l.title.length, linkLimits.title) ? `link-${i}-title-count` : undefined}
              onChange={(e) => set(i, { title: e.target.value })}
            />
            <LengthCount id={`link-${i}-title-count`} length={l.title.length} max={linkLimits.title} />
          </label>
          <label className="block">
            <span className="field-label text-sm">{t("address", { n: i + 1 })}</span>
            <input
              className="field-input"
              type="url"
              inputMode="url"
              placeholder="https://"
              value={l.url}
              onChange={(e) => set(i, { url: e.target.value })}
              aria-invalid={!linkLooksRight(l.url) || l.url.length > linkLimits.url}
              aria-describedby={
                [
                  linkLooksRight(l.url) ? null : `link-${i}-error`,
                  lengthCountShown(l.url.length, linkLimits.url) ? `link-${i}-url-count` : null,
                ]
                  .filter(Boolean)
                  .join(" ") || undefined
              }
            />
            <LengthCount id={`link-${i}-url-count`} length={l.url.length} max={linkLimits.url} />
            {linkLooksRight(l.url) ? null : (
              <span id={`link-${i}-error`} className="field-error">
                {t("invalid")}
              </span>
            )}
          </label>
          <button type="button" className="btn btn-secondary w-full" onClick={() => onChange(links.filter((_, j) => j !== i))}>
            {t("remove", { n: i + 1 })}
          </button>
        </div>
      ))}
      {links.length < presentationLimits.links ? (
        <button type="button" className="btn btn-secondary w-full" onClick={() => onChange([...links, { title: "", url: "" }])}>
          {t("add")}
        </button>
      ) : null}
    </fieldset>
  );
}

function Images({
  teamId,
  ids,
  urls,
  onChange,
  onError,
}: {
  teamId: string;
  ids: string[];
  urls: Map<string, string>;
  onChange: (ids: string[]) => void;
  onError: (m: string | null) => void;
}) {
  const t = useTranslations("showcase.images");
  const [uploading, setUploading] = useState(false);
  const pickerId = useId();
  // A new picker after each upload: the image is in the list above, not waiting in the picker.
  const [picker, setPicker] = useState(0);
  const photoTooBig = usePhotoTooBig();
  const upload = async (file: File) => {
    if (!navigator.onLine) return onError(t("offline"));
    const tooBig = photoTooBig(file);
    if (tooBig) {
      setPicker((n) => n + 1);
      return onError(tooBig);
    }
    setUploading(true);
    const body = new FormData();
    body.set("image", file);
    const response = await fetch(`/api/showcases/${teamId}/images`, { method: "POST", body }).catch(() => null);
    const answer = (await response?.json().catch(() => null)) as { imageId?: string; error?: string } | null;
    setUploading(false);
    setPicker((n) => n + 1);
    if (!response?.ok || !answer?.imageId) return onError(answer?.error ?? t("failed"));
    onError(null);
    onChange([...ids, answer.imageId]);
  };
  return (
    <fieldset className="space-y-3">
      <legend className="field-label">{t("legend")}</legend>
      {ids.length > 0 ? (
        <ul className="grid grid-cols-2 gap-3">
          {ids.map((id, i) => (
            <li key={id} className="card overflow-hidden">
              {/* biome-ignore lint/performance/noImgElement: served by our own route to people of the event */}
              <img
                src={urls.get(id) ?? `/showcase-images/${id}?w=640`}
                srcSet={urls.has(id) ? undefined : imageSrcSet(`/showcase-images/${id}`)}
                sizes="(min-width: 40rem) 14rem, 50vw"
                alt={t("alt", { n: i + 1 })}
                className="aspect-video w-full object-cover"
              />
              <button
                type="button"
                className="btn w-full rounded-none text-sm text-danger"
                onClick={() => onChange(ids.filter((x) => x !== id))}
              >
                {t("remove", { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {ids.length < presentationLimits.images ? (
        <div>
          <label htmlFor={`${pickerId}-image`} className="sr-only">
            {t("add")}
          </label>
          <span id={`${pickerId}-hint`} className="field-hint">
            {uploading ? t("uploading") : t("hint")}
          </span>
          <FilePicker
            key={picker}
            id={`${pickerId}-image`}
            kind="photo"
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={`${pickerId}-hint`}
            disabled={uploading}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
            testId="showcase-image-input"
          />
        </div>
      ) : null}
    </fieldset>
  );
}

function FeedbackForTeam({ feedback }: { feedback: { id: string; authorName: string; text: string }[] }) {
  const t = useTranslations("showcase");
  const shownName = useShownName();
  if (feedback.length === 0) return null;
  return (
    <section aria-labelledby="feedback-title" className="space-y-2">
      <h2 id="feedback-title" className="text-xl font-bold">
        {t("feedbackTitle")}
      </h2>
      <ul className="space-y-2">
        {feedback.map((f) => (
          <li key={f.id} className="card p-3">
            <p className="whitespace-pre-wrap">{f.text}</p>
            <p className="mt-1 text-sm text-ink-soft">{shownName(f.authorName)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
