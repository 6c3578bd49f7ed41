"use client";

import { useHydrated } from "@/components/ui/use-hydrated";

export function PrintButton({ label }: { label: string }) {
  // Without JavaScript the browser's own print command does the same.
  if (!useHydrated()) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="no-print rounded-lg border-2 border-brand-700 px-3 py-1.5 font-semibold text-brand-800"
    >
      {label}
    </button>
  );
}
