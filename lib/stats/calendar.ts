// Which year and month an instant belongs to in the figures' time zone (New Year's Eve at
// 23:30 UTC is already next year in some zones, not in others).
const formatters = new Map<string, Intl.DateTimeFormat>();

export function yearMonthIn(at: Date, timeZone: string): { year: number; month: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  return {
    year: Number(parts.find((p) => p.type === "year")!.value),
    month: Number(parts.find((p) => p.type === "month")!.value),
  };
}
