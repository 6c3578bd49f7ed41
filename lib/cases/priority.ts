export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];

// Reports in the last hour that raise a case's priority: a rumour going viral jumps the queue.
export const SURGE_HIGH = 10;
export const SURGE_URGENT = 50;

/** Priority after a new report; only ever raised automatically, never lowered. */
export function raisedPriority(current: Priority, reportsLastHour: number): Priority {
  const surge: Priority =
    reportsLastHour >= SURGE_URGENT ? "urgent" : reportsLastHour >= SURGE_HIGH ? "high" : "low";
  return PRIORITIES.indexOf(surge) > PRIORITIES.indexOf(current) ? surge : current;
}
