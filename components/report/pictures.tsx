"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { fieldIds } from "@/components/ui/field";
import { MAX_IMAGES } from "@/lib/image/limits";
import type { Translate } from "@/lib/i18n/client-strings";
import type { ReportFormState } from "@/lib/http/action-state";
import { reportStateOf } from "./api-answer";

// The report form's pictures with JavaScript, loaded after the page (not in its first-load
// budget): each chosen picture is shrunk on the phone (longest side 2048 px, so a 4 MB photo
// costs a few hundred KB of the citizen's data), previewed with a remove button, and sent with
// a progress bar per file and for the whole upload. Without JavaScript the same file field
// posts the pictures as they are; the server normalises both alike.

const MAX_SIDE = 2048;

/** A picture ready to send: shrunk when that saves bytes, else the original. */
async function shrink(file: File): Promise<File> {
  if (!/^image\/(jpeg|png|webp|avif)$/.test(file.type)) return file;
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    if (scale === 1 && file.size < 1_500_000) return file;
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, "image/jpeg", 0.85));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], file.name.replace(/\.\w+$/, "") + ".jpg", { type: "image/jpeg" });
  } catch {
    return file;
  }
}

/** The field's files become `files` (a DataTransfer is the only way to set them). */
export function replaceFiles(field: HTMLInputElement, files: File[]): File[] {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  field.files = dt.files;
  return [...dt.files];
}

export interface Progress {
  total: number;
  files: number[];
}

/**
 * Sends the form to POST /api/v1/reports with upload progress (fetch has none), and answers in
 * the form's own terms. The API and the form's action call the same intake.
 */
export function uploadWithProgress(
  fd: FormData,
  locale: string,
  onProgress: (p: Progress) => void,
): Promise<ReportFormState> {
  const files = fd.getAll("images").filter((f): f is File => typeof f !== "string" && f.size > 0);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/reports");
    xhr.setRequestHeader("Accept-Language", locale);
    const key = fd.get("idempotencyKey");
    if (typeof key === "string" && key) xhr.setRequestHeader("Idempotency-Key", key);
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      // Files come last in the body, in order: each one's share of the bytes sent so far.
      const fieldsBytes = e.total - files.reduce((n, f) => n + f.size, 0);
      let offset = fieldsBytes;
      onProgress({
        total: e.loaded / e.total,
        files: files.map((f) => {
          const done = Math.min(1, Math.max(0, (e.loaded - offset) / f.size));
          offset += f.size;
          return done;
        }),
      });
    };
    xhr.onload = () =>
      resolve(reportStateOf(xhr.status, xhr.responseText, xhr.getResponseHeader("Retry-After")));
    xhr.onerror = () => resolve({ ok: false, code: "service_unavailable" });
    xhr.send(fd);
  });
}

/** Previews of the chosen pictures, each with a remove button and, while sending, its progress. */
export default function Pictures({
  input,
  t,
  progress,
}: {
  input: HTMLInputElement | null;
  t: Translate;
  progress: Progress | null;
}) {
  const [chosen, setChosen] = useState<{ file: File; url: string }[]>([]);
  const busy = useRef(false);

  // Keeps the file field holding exactly the shown pictures, so that the form sends them.
  const commit = (files: File[]) => {
    if (!input) return;
    const kept = replaceFiles(input, files.slice(0, MAX_IMAGES));
    setChosen((old) => {
      for (const o of old) URL.revokeObjectURL(o.url);
      return kept.map((file) => ({ file, url: URL.createObjectURL(file) }));
    });
  };

  useEffect(() => {
    if (!input) return;
    const onChange = async () => {
      if (busy.current) return;
      busy.current = true;
      commit(await Promise.all([...(input.files ?? [])].slice(0, MAX_IMAGES).map(shrink)));
      busy.current = false;
    };
    input.addEventListener("change", onChange);
    // Pictures chosen before this loaded (a slow phone), or shared from another app, too.
    if (input.files?.length) void onChange();
    return () => input.removeEventListener("change", onChange);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- bound to the field once
  }, [input]);

  // With JavaScript the field is this labelled button (the browser's own "Choose Files" is
  // in the browser's language, not the page's); the input stays for the form and its label.
  // Before the first paint, and as tall as the field it stands in for: nothing below moves
  // when this loads (the declaration's checkbox stays under the citizen's finger).
  const row = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (!input) return;
    row.current?.style.setProperty("height", `${input.offsetHeight}px`);
    // Its own classes replaced, not added to: its full width would beat sr-only's 1 px.
    const own = input.getAttribute("class") ?? "";
    input.setAttribute("class", "sr-only");
    input.setAttribute("tabindex", "-1");
    return () => {
      input.setAttribute("class", own);
      input.removeAttribute("tabindex");
    };
  }, [input]);

  if (!input) return null;
  return (
    <div className="space-y-2" data-testid="pictures">
      {progress ? null : (
        <p ref={row} className="flex items-center gap-3">
          <button
            type="button"
            onClick={() => input.click()}
            disabled={chosen.length >= MAX_IMAGES}
            aria-describedby={fieldIds("images").hint}
            className="rounded-lg border-2 border-brand-700 px-4 py-2 font-semibold text-brand-800 disabled:opacity-50"
          >
            {t("report.imagesChoose")}
          </button>
          {chosen.length ? (
            <span className="text-sm text-gray-700">
              {t("report.imagesCount", { count: chosen.length })}
            </span>
          ) : null}
        </p>
      )}
      {progress ? (
        <div className="space-y-1">
          <p className="text-sm" aria-live="polite">
            {t("report.imagesSending", { percent: Math.round(progress.total * 100) })}
          </p>
          <progress className="w-full" max={1} value={progress.total} data-testid="upload-total" />
        </div>
      ) : null}
      {chosen.length ? (
        <ul className="flex flex-wrap gap-3">
          {chosen.map(({ file, url }, i) => (
            <li key={url} className="w-28 space-y-1 text-xs" data-testid="picture-preview">
              {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL */}
              <img
                src={url}
                alt=""
                className="h-24 w-28 rounded border border-gray-300 object-cover"
              />
              <span className="block truncate" dir="auto">
                <bdi>
                  {t("report.imagesShrunk", {
                    name: file.name,
                    size: Math.round(file.size / 1024),
                  })}
                </bdi>
              </span>
              {progress ? (
                <progress className="w-full" max={1} value={progress.files[i] ?? 0} />
              ) : (
                <button
                  type="button"
                  className="rounded border border-gray-400 px-2 py-1"
                  onClick={() => commit(chosen.filter((_, j) => j !== i).map((c) => c.file))}
                >
                  {t("report.imagesRemove")}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
