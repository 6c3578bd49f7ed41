import { set, type FieldErrors, type FieldValues, type Resolver } from "react-hook-form";
import type * as z from "zod/mini";

/**
 * react-hook-form's resolver for a zod/mini schema: the first message of each field, nested as
 * the form reads them (`urls.1`, `contact.email`). @hookform/resolvers does the same for every
 * zod version at once, and costs the citizen's phone more to download.
 */
export function schemaResolver<In extends FieldValues, Out>(
  schema: z.ZodMiniType<Out, In>,
): Resolver<In, unknown, Out> {
  return async (values) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const path = issue.path.join(".");
      if (seen.has(path)) continue;
      if (!path) continue; // the form has no field for a whole-value error
      seen.add(path);
      // A list's own error (too many links) sits beside its items' errors.
      const existing = path
        .split(".")
        .reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], errors);
      if (existing && typeof existing === "object")
        Object.assign(existing, { type: issue.code, message: issue.message });
      else set(errors, path, { type: issue.code, message: issue.message });
    }
    return { values: {}, errors: errors as FieldErrors<In> };
  };
}
