import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { clientKey } from "@/lib/http/request";
import { getSecrets } from "@/lib/security/secrets";
import { isUuid } from "@/lib/validation";
import { deviceCookieOf } from "./device";
import { authenticate, endSessions, type SignInFailure } from "./staff";

export const SESSION_HOURS = 8;

class SignInRefused extends CredentialsSignin {
  constructor(reason: SignInFailure, retryAfter?: number) {
    super();
    // Only this short code reaches the browser; the reason stays vague for wrong passwords.
    this.code = retryAfter ? `${reason}:${retryAfter}` : reason;
  }
}

// Lazy: secrets and the database are touched per request, never at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getSecrets().authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
  jwt: { maxAge: SESSION_HOURS * 3600 },
  useSecureCookies: env.NODE_ENV === "production",
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        const db = await getDb();
        const res = await authenticate(
          db,
          {
            email: String(credentials.email ?? ""),
            password: String(credentials.password ?? ""),
            code: credentials.code ? String(credentials.code) : null,
            deviceToken: deviceCookieOf(request.headers.get("cookie")),
          },
          clientKey(request.headers),
        );
        if (!res.ok) throw new SignInRefused(res.reason, res.retryAfter);
        return { id: res.actor.id, email: res.actor.email, epoch: res.actor.sessionEpoch };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.epoch = user.epoch;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      session.user.epoch = typeof token.epoch === "number" ? token.epoch : -1;
      return session;
    },
  },
  events: {
    // Auth.js's own /api/auth/signout ends the account's sessions too, not only this cookie.
    async signOut(message) {
      const uid = "token" in message ? message.token?.uid : undefined;
      if (typeof uid === "string" && isUuid(uid)) await endSessions(await getDb(), uid);
    },
  },
}));
