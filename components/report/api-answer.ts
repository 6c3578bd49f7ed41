import type { ReportFormState } from "@/lib/http/action-state";
import type { IntakeAnswer } from "@/lib/statements/schema";

/**
 * POST /api/v1/reports's answer in the form's own terms (what its server action returns), for
 * the two ways the form sends through the API: with pictures (./pictures.tsx) and from the
 * offline queue (./offline.ts).
 */
export function reportStateOf(
  status: number,
  text: string,
  retryAfter: string | null,
): Exclude<ReportFormState, null> {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text);
  } catch {}
  if (status === 201)
    return {
      ok: true,
      data: body as { receipt: string; submittedAt: string; answer?: IntakeAnswer },
    };
  if (typeof body.reason === "string" && body.reason.startsWith("image_"))
    return {
      ok: false,
      code: "validation_failed",
      fieldErrors: { images: `imageErrors.${body.reason}` },
    };
  if (Array.isArray(body.issues))
    return {
      ok: false,
      code: "validation_failed",
      fieldErrors: Object.fromEntries(
        (body.issues as { path: string; code: string }[]).map((i) => [
          i.path,
          `validation.${i.code}`,
        ]),
      ),
    };
  return {
    ok: false,
    code: (typeof body.error === "string" ? body.error : "service_unavailable") as never,
    retryAfter: Number(retryAfter) || undefined,
  };
}
