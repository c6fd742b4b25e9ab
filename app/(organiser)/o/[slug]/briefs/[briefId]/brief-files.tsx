"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { FilePicker } from "@/app/ui/file-picker";
import { FormMessage, TextField } from "@/app/ui/form";
import { SubmissionField } from "@/app/ui/submission-field";
import { acceptAttribute, maxUploadBytes, maxUploadMb } from "@/lib/files/file-types";
import { megabytesFormat, megabytesUp } from "@/lib/files/size-label";
import { SavedMessage, SubmitButton } from "../../../../form-fields";
import type { UploadState } from "../pack-files";

export type PackFile = { id: string; label: string; fileName: string; size: string };

/** Whether a post is an upload of a file too big to send: refused here at once, not after the upload. */
export function uploadTooBig(form: HTMLFormElement, submitter: HTMLElement | null): boolean {
  if (submitter?.getAttribute("value") !== "upload") return false;
  const input = form.elements.namedItem("file");
  const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
  return file !== undefined && file.size > maxUploadBytes;
}

/**
 * The brief's pack files: the list, each with its Remove button, and the upload. Part of the
 * brief's form (BriefForm), so pressing Upload or Remove keeps what was typed in the brief.
 * `answer`: the last upload's; `submission`: a fresh id each time the page is drawn, so the same
 * upload sent twice stores one copy.
 */
export function BriefFiles({ files, answer, submission }: { files: PackFile[]; answer?: UploadState; submission: string }) {
  const t = useTranslations("organiser-briefs.upload");
  const tp = useTranslations("organiser-briefs.page");
  const format = useFormatter();
  const [tooBig, setTooBig] = useState<string | null>(null);
  const part = useRef<HTMLDivElement>(null);
  // Uploaded: this part's fields are emptied for the next file (the brief's own fields are left alone).
  useEffect(() => {
    if (!answer?.saved || !part.current) return;
    for (const input of part.current.querySelectorAll<HTMLInputElement>('input[name="fileTitle"], input[name="file"]'))
      input.value = "";
    setTooBig(null);
  }, [answer]);
  const fileError = tooBig ?? answer?.errors?.file;
  return (
    <section aria-labelledby="files-heading" className="card space-y-5 p-6">
      <div>
        <h2 id="files-heading" className="text-xl font-bold tracking-tight">
          {tp("filesHeading")}
        </h2>
        <p className="text-ink-soft">{tp("filesIntro")}</p>
      </div>
      {files.length === 0 ? (
        <p className="text-ink-soft">{tp("noFiles")}</p>
      ) : (
        <ul className="divide-y divide-line rounded-xl border border-line">
          {files.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <span className="min-w-0">
                <a href={`/files/${file.id}`} className="link break-words">
                  {file.label}
                </a>
                <span className="block text-sm text-ink-soft">
                  {file.fileName} · {file.size}
                </span>
              </span>
              <button
                type="submit"
                name="intent"
                value={`remove:${file.id}`}
                className="btn btn-secondary min-h-11 py-2 text-sm"
                aria-label={tp("removeFileLabel", { title: file.label })}
              >
                {tp("removeFile")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div ref={part} data-part="upload" className="space-y-4">
        <SubmissionField id={submission} />
        <FormMessage message={answer?.message} />
        <TextField
          name="fileTitle"
          label={t("titleLabel")}
          hint={t("titleHint")}
          maxLength={160}
          defaultValue={answer?.saved ? undefined : answer?.values?.fileTitle}
          error={answer?.errors?.fileTitle}
        />
        <div>
          <label htmlFor="field-file" className="field-label">
            {t("fileLabel")}
          </label>
          <span id="field-file-hint" className="field-hint">
            {t("fileHint", { max: maxUploadMb })}
          </span>
          <FilePicker
            id="field-file"
            kind="file"
            name="file"
            accept={acceptAttribute}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "field-file-hint field-file-error" : "field-file-hint"}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              setTooBig(
                file && file.size > maxUploadBytes
                  ? t("tooBig", { size: format.number(megabytesUp(file.size), megabytesFormat), max: maxUploadMb })
                  : null,
              );
            }}
          />
          {fileError ? (
            <span id="field-file-error" className="field-error">
              {fileError}
            </span>
          ) : null}
        </div>
        <SavedMessage message={answer?.saved} />
        <SubmitButton pendingLabel={t("uploading")} className="btn btn-secondary" intent="upload">
          {t("upload")}
        </SubmitButton>
      </div>
    </section>
  );
}
