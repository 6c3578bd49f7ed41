"use client";

import { useState } from "react";

/**
 * A report's picture on the case page: blurred and grey until the moderator chooses to look
 * (they see violence all day), unless their own setting shows a rumour's pictures as they
 * are. The full picture opens through the audited staff route.
 */
export function EvidenceImage({
  sha256,
  alt,
  startShown = false,
  labels,
}: {
  sha256: string;
  alt: string;
  startShown?: boolean;
  labels: { show: string; hide: string; openFull: string; sha: string; blurred: string };
}) {
  const [shown, setShown] = useState(startShown);
  return (
    <figure className="w-40 space-y-1 text-xs" data-testid="evidence-image">
      <div className="relative overflow-hidden rounded border border-slate-300 bg-slate-100">
        {/* eslint-disable-next-line @next/next/no-img-element -- a private, uncached staff route */}
        <img
          src={`/api/staff/media/${sha256}`}
          alt={alt}
          loading="lazy"
          data-shown={shown}
          className={`h-28 w-full object-cover transition ${shown ? "" : "scale-110 blur-xl grayscale"}`}
        />
        {shown ? null : (
          <span className="absolute inset-x-0 bottom-0 bg-black/60 p-1 text-center text-white">
            {labels.blurred}
          </span>
        )}
      </div>
      <button
        type="button"
        aria-pressed={shown}
        onClick={() => setShown((s) => !s)}
        className="rounded bg-slate-800 px-2 py-1 text-white"
      >
        {shown ? labels.hide : labels.show}
      </button>
      <figcaption className="space-y-1">
        <a
          href={`/api/staff/media/${sha256}?full=1`}
          target="_blank"
          rel="noopener noreferrer"
          className="block underline"
        >
          {labels.openFull}
        </a>
        <span className="block text-slate-600">
          <bdi>{labels.sha}</bdi>:{" "}
          <code dir="ltr" className="break-all">
            {sha256}
          </code>
        </span>
      </figcaption>
    </figure>
  );
}
