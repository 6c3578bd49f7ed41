import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/lib/i18n/routing";

const intl = createMiddleware(routing);
const STAFF_PATH = /^\/(ar|fr|en)\/moderation(\/.*)?$/;

// Only redirects: `/` → `/{locale}` by cookie or Accept-Language, and a staff page without a
// session cookie → sign-in. Every page, action and route handler checks authorisation itself.
export default function proxy(req: NextRequest) {
  const staff = req.nextUrl.pathname.match(STAFF_PATH);
  if (staff && !(staff[2] ?? "").startsWith("/sign-in")) {
    const hasSession = req.cookies.getAll().some((c) => c.name.includes("authjs.session-token"));
    if (!hasSession) {
      const url = req.nextUrl.clone();
      url.pathname = `/${staff[1]}/moderation/sign-in`;
      url.search = `?next=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
      return NextResponse.redirect(url);
    }
  }
  return intl(req);
}

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
