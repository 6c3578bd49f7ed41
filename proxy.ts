import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";

// Only locale routing happens here: `/` → `/{locale}` by cookie or Accept-Language.
// Authorisation is checked by each page, action and route handler itself.
export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
