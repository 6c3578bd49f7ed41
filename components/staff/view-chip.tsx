import { LocaleLink as Link } from "@/components/ui/locale-link";

const TONES = {
  danger: {
    on: "border-danger bg-danger text-white",
    off: "border-danger bg-danger-50 text-danger hover:bg-white",
  },
  amber: {
    on: "border-amber-700 bg-amber-700 text-white",
    off: "border-amber-700 bg-amber-50 text-amber-900 hover:bg-white",
  },
} as const;

/** A queue view that toggles (overdue, notices to re-check), with its capped count. */
export function ViewChip({
  locale,
  href,
  active,
  tone,
  testId,
  label,
  count,
}: {
  locale: string;
  href: string;
  active: boolean;
  tone: keyof typeof TONES;
  testId: string;
  label: string;
  /** Already capped and formatted ("1000+"). */
  count: string | number;
}) {
  return (
    <li>
      <Link
        locale={locale}
        href={href}
        aria-current={active ? "page" : undefined}
        data-testid={`${testId}-view`}
        className={`inline-flex items-center gap-1 rounded-full border px-3 py-1 ${TONES[tone][active ? "on" : "off"]}`}
      >
        {label} <strong data-testid={`count-${testId}`}>{count}</strong>
      </Link>
    </li>
  );
}
