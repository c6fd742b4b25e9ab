"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { maxPhotoBytes, maxPhotoMb } from "@/lib/files/photo-limits";

type InputProps = Omit<React.InputHTMLAttributes<HTMLInputElement>, "type" | "className" | "children" | "id">;

/**
 * Choosing a file, in the page's language. The browser's own file control speaks the browser's
 * language ("Choose File", "No file chosen"), whatever language the page is in; here the real
 * <input type=file> is kept (a form posts it without JavaScript; it takes the keyboard focus, and
 * Enter or Space opens the picker) but drawn as a button labelled by the page, with what was
 * chosen said beside it. Without JavaScript nothing could say what was chosen, so the browser's
 * control shows instead (globals.css, .file-picker). To empty it, give it a new `key`.
 */
export function FilePicker({
  id,
  kind,
  inputRef,
  testId,
  onChange,
  "aria-describedby": describedBy,
  ...input
}: InputProps & {
  id: string;
  /** What is chosen: the button's and the status's words. */
  kind: "photo" | "photos" | "file";
  inputRef?: React.Ref<HTMLInputElement>;
  testId?: string;
}) {
  const t = useTranslations("ui.filePicker");
  const format = useFormatter();
  const statusId = useId();
  const own = useRef<HTMLInputElement>(null);
  const [names, setNames] = useState<string[]>([]);
  const [preview, setPreview] = useState<string | null>(null);

  useEffect(() => {
    // A form sent by a server action is reset by React afterwards: nothing is chosen any more.
    const form = own.current?.form;
    const reset = () => {
      setNames([]);
      setPreview(null);
    };
    form?.addEventListener("reset", reset);
    return () => form?.removeEventListener("reset", reset);
  }, []);
  useEffect(() => (preview ? () => URL.revokeObjectURL(preview) : undefined), [preview]);

  const chose = (files: FileList | null) => {
    const list = [...(files ?? [])];
    setNames(list.map((f) => f.name));
    // A photo shows itself: a phone's camera names it IMG_2041.JPG, which says nothing.
    const one = list.length === 1 ? list[0] : undefined;
    setPreview(kind !== "file" && one?.type.startsWith("image/") ? URL.createObjectURL(one) : null);
  };

  return (
    <div className="file-picker mt-2 flex flex-wrap items-center gap-3">
      <input
        {...input}
        id={id}
        ref={(element) => {
          own.current = element;
          if (typeof inputRef === "function") inputRef(element);
          else if (inputRef) inputRef.current = element;
        }}
        type="file"
        className="file-picker-input peer"
        aria-describedby={[describedBy, statusId].filter(Boolean).join(" ")}
        onChange={(event) => {
          chose(event.currentTarget.files);
          onChange?.(event);
        }}
        data-testid={testId}
      />
      <label
        htmlFor={id}
        className="file-picker-button btn btn-secondary min-h-11 cursor-pointer py-2 peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand peer-disabled:cursor-not-allowed peer-disabled:opacity-60"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5 shrink-0"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          {kind === "file" ? (
            <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zM14 3v5h5" strokeLinejoin="round" />
          ) : (
            <path
              d="M4 8h3l2-3h6l2 3h3v11H4zM12 16.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z"
              strokeLinejoin="round"
              strokeLinecap="round"
            />
          )}
        </svg>
        {t(`choose.${kind}`)}
      </label>
      <span id={statusId} className="file-picker-status flex min-w-0 items-center gap-2 text-sm text-ink-soft" aria-live="polite">
        {preview ? (
          // biome-ignore lint/performance/noImgElement: the person's own file, shown from memory before it is sent
          <img src={preview} alt="" className="h-11 w-11 shrink-0 rounded-md object-cover" />
        ) : null}
        {names.length === 0 ? (
          t(`none.${kind}`)
        ) : (
          <span className="min-w-0 font-semibold text-ink [overflow-wrap:anywhere]" data-testid="file-picker-chosen">
            {format.list(
              // biome-ignore lint/suspicious/noArrayIndexKey: two chosen files may share a name
              names.map((name, i) => <bdi key={i}>{name}</bdi>),
            )}
          </span>
        )}
      </span>
    </div>
  );
}

/**
 * What is wrong with a photo before it is sent, or null: one over the largest anyone may send
 * would be refused only once all of it had gone up, minutes on venue Wi-Fi.
 */
export function usePhotoTooBig() {
  const t = useTranslations("ui.filePicker");
  const format = useFormatter();
  return (file: File) =>
    file.size > maxPhotoBytes
      ? t("photoTooBig", { size: format.number(file.size / 1024 / 1024, { maximumFractionDigits: 1 }), max: maxPhotoMb })
      : null;
}
