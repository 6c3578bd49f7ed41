import { PRIORITIES } from "@/lib/vocabulary";

export { PRIORITIES };
export type Priority = (typeof PRIORITIES)[number];

// Reports in the last hour that raise a case's priority: a rumour going viral jumps the queue.
// The rule itself is SQL (iblagh_surge_priority), run inside the intake; these travel to it.
export const SURGE_HIGH = 10;
export const SURGE_URGENT = 50;
