const STATUS_STYLE: Record<string, string> = {
  new: "bg-sky-100 text-sky-900",
  triage: "bg-amber-100 text-amber-900",
  verifying: "bg-violet-100 text-violet-900",
  expertise: "bg-violet-100 text-violet-900",
  debunked: "bg-emerald-100 text-emerald-900",
  confirmed: "bg-emerald-100 text-emerald-900",
  referred: "bg-emerald-100 text-emerald-900",
  no_action: "bg-slate-200 text-slate-800",
  duplicate: "bg-slate-200 text-slate-800",
};
const PRIORITY_STYLE: Record<string, string> = {
  urgent: "bg-red-700 text-white",
  high: "bg-orange-200 text-orange-950",
  normal: "bg-slate-100 text-slate-800",
  low: "bg-slate-50 text-slate-600",
};

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return (
    <span
      data-status={status}
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status] ?? ""}`}
    >
      {label}
    </span>
  );
}

export function PriorityBadge({ priority, label }: { priority: string; label: string }) {
  return (
    <span
      data-priority={priority}
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${PRIORITY_STYLE[priority] ?? ""}`}
    >
      {label}
    </span>
  );
}

/** An open case's deadline: "due in 3 hours", or red once it has passed. */
export function DueBadge({ overdue, label }: { overdue: boolean; label: string }) {
  return (
    <span
      data-testid="due"
      data-overdue={overdue}
      className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${overdue ? "bg-danger-50 text-danger" : "bg-slate-100 text-slate-700"}`}
    >
      {label}
    </span>
  );
}
