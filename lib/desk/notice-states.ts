import { NOTICE_STATUSES } from "@/lib/vocabulary";

export { NOTICE_STATUSES };
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** What a moderator records about a notice: a state the platform gave it, or a look at the link. */
export const NOTICE_EVENTS = [
  "sent",
  "acknowledged",
  "removed",
  "refused",
  "no_answer",
  "still_online",
] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

// The platform's answers, in the order they come. A link seen down after a refusal or silence
// is removed all the same (the platform may act late, or the author deleted it).
const NEXT: Record<NoticeStatus, readonly NoticeEvent[]> = {
  prepared: ["sent"],
  sent: ["acknowledged", "removed", "refused", "no_answer", "still_online"],
  acknowledged: ["removed", "refused", "no_answer", "still_online"],
  refused: ["removed", "still_online"],
  no_answer: ["acknowledged", "removed", "refused", "still_online"],
  removed: [],
};

export const allowedEvents = (status: NoticeStatus): readonly NoticeEvent[] => NEXT[status];

/** The state after an event, or null when the event does not apply to the state. */
export function nextStatus(status: NoticeStatus, event: NoticeEvent): NoticeStatus | null {
  if (!NEXT[status].includes(event)) return null;
  return event === "still_online" ? status : event;
}

/** Final: nothing more is expected of the platform (a refusal may still be followed by removal). */
export const isResolved = (s: NoticeStatus) => s === "removed" || s === "refused";

/** Days after sending, or after a look that found the link still online, before looking again. */
export const RECHECK_DAYS = 7;

/**
 * The language a notice is written in by default, per platform: the large platforms' notice
 * channels answer in English; a local website, in the country's language. The moderator may
 * choose another.
 */
export function noticeLocaleFor(platform: string): "ar" | "fr" | "en" {
  return platform === "website" || platform === "other" ? "ar" : "en";
}
