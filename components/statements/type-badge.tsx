import type { StatementType } from "@/lib/statements/schema";

// Denial and truth must not look alike: different colour and word. A communiqué is neutral.
const TONE: Record<StatementType, string> = {
  denial: "bg-danger-50 text-danger",
  truth: "bg-emerald-50 text-emerald-800",
  communique: "bg-gray-100 text-gray-800",
};

export function TypeBadge({ type, label }: { type: StatementType; label: string }) {
  return (
    <span
      data-testid="statement-type"
      data-type={type}
      className={`rounded px-2 py-0.5 font-semibold ${TONE[type]}`}
    >
      {label}
    </span>
  );
}

export const verdictTone = (type: StatementType) => TONE[type];
