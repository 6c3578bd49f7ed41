"use client";

import { useEffect, useState } from "react";

const FLASH_EVENT = "iblagh:flash-clear";

/** Hides the page's last flash message: the next message replaces it instead of piling up. */
export const clearFlash = () => window.dispatchEvent(new Event(FLASH_EVENT));

/**
 * The outcome of the last action (from ?done= or ?error=), shown once: the address loses the
 * parameter at once, so a reload or the next action does not show it again.
 */
export function Flash({
  tone,
  testId,
  children,
}: {
  tone: "done" | "error";
  testId: string;
  children: React.ReactNode;
}) {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.delete("done");
    url.searchParams.delete("error");
    window.history.replaceState(window.history.state, "", url);
    const hide = () => setShown(false);
    window.addEventListener(FLASH_EVENT, hide);
    return () => window.removeEventListener(FLASH_EVENT, hide);
  }, []);
  if (!shown) return null;
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId}
      className={`rounded p-3 ${tone === "error" ? "bg-danger-50 text-danger" : "bg-emerald-50 text-emerald-900"}`}
    >
      {children}
    </p>
  );
}
