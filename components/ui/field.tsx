import type { ReactNode } from "react";

export const inputClass =
  "block w-full rounded-lg border border-gray-400 bg-white px-3 py-2.5 text-base text-ink aria-[invalid=true]:border-danger aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-danger disabled:bg-gray-100";

/** Ids that tie a control to its hint and error, for aria-describedby. */
export const fieldIds = (name: string) => {
  const base = name.replace(/\W/g, "-");
  return { id: `f-${base}`, hint: `f-${base}-hint`, error: `f-${base}-error` };
};

export function describedBy(name: string, hasHint: boolean, errors: readonly unknown[]) {
  const ids = fieldIds(name);
  return (
    [hasHint && ids.hint, errors.length > 0 && ids.error].filter(Boolean).join(" ") || undefined
  );
}

export function Field({
  name,
  label,
  hint,
  errors = [],
  children,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
}) {
  const ids = fieldIds(name);
  return (
    <div className="space-y-1.5">
      <label htmlFor={ids.id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={ids.hint} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError name={name} errors={errors} />
    </div>
  );
}

export function FieldError({ name, errors }: { name: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div
      id={fieldIds(name).error}
      data-testid={`error-${name}`}
      className="text-sm font-medium text-danger"
    >
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </div>
  );
}
