import { z } from "zod";
import { revalidateStatementPages } from "@/lib/statements/cache";
import { isRevalidateToken } from "@/lib/statements/notify";

// Called by this instance's own listener (lib/statements/notify.ts) when another instance
// published, amended or withdrew a statement: Next revalidates only within a request. Anyone
// else gets a 404, as if the route did not exist.
const body = z.object({ slug: z.string().max(300).nullable() });

export async function POST(req: Request) {
  if (!isRevalidateToken(req.headers.get("x-iblagh-revalidate")))
    return new Response(null, { status: 404 });
  const parsed = body.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return new Response(null, { status: 400 });
  revalidateStatementPages(parsed.data.slug, "route");
  return new Response(null, { status: 204 });
}
