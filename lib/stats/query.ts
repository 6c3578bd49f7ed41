import { z } from "zod";

const thisYear = () => new Date().getUTCFullYear();

/** `?from=YYYY&to=YYYY`; by default the last three years. */
export const statsRangeSchema = z
  .object({
    from: z.coerce
      .number({ error: "validation.invalid" })
      .int()
      .min(2000, "validation.invalid")
      .max(2100, "validation.invalid")
      .optional(),
    to: z.coerce
      .number({ error: "validation.invalid" })
      .int()
      .min(2000, "validation.invalid")
      .max(2100, "validation.invalid")
      .optional(),
  })
  .transform((r) => {
    const to = r.to ?? thisYear();
    return { from: r.from ?? to - 2, to };
  })
  .refine((r) => r.from <= r.to && r.to - r.from <= 50, {
    message: "validation.invalid",
    path: ["from"],
  });
