import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { z } from "zod";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { accountByEmail, startSession, verifyCredentials } from "./credentials";
import { requestClientAddress } from "./client-address";
import { logAuthError } from "./log";
import { authSecret } from "./secret";
import { recordAttempt } from "./throttle";

// Auth.js: email + password, and single sign-on through OpenID Connect when configured. Sessions are
// signed, encrypted JWT cookies that expire after 8 hours and carry a server-side session token
// (lib/auth/sessions.ts): every request checks that the session is live, the account active and the
// membership current, so sign-out and deactivation end a session at once.

class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const credentialsInput = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1000) });

const providers: Provider[] = [
  Credentials({
    id: "credentials",
    name: "Email and password",
    credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
    async authorize(raw) {
      const parsed = credentialsInput.safeParse(raw);
      if (!parsed.success) return null;
      const result = await verifyCredentials(db(), parsed.data.email, parsed.data.password, await requestClientAddress());
      if (!result.ok && result.reason === "throttled") throw new ThrottledSignIn();
      return result.ok ? { id: result.userId } : null;
    },
  }),
];

export const oidcEnabled = Boolean(env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID && env.AUTH_OIDC_CLIENT_SECRET);
if (oidcEnabled) {
  providers.push({
    id: "oidc",
    name: env.AUTH_OIDC_NAME,
    type: "oidc",
    issuer: env.AUTH_OIDC_ISSUER,
    clientId: env.AUTH_OIDC_CLIENT_ID,
    clientSecret: env.AUTH_OIDC_CLIENT_SECRET,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
  });
}

function oidcEmail(profile: unknown): string {
  const email = (profile as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email.trim().toLowerCase() : "";
}

// A lazy configuration: the secret is read on the first request, not when `next build` imports this.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  providers,
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  logger: {
    error: logAuthError,
    warn: (code) => console.warn(`[auth] warning: ${code}`),
    debug: () => {},
  },
  callbacks: {
    // Single sign-on admits only people who already have an active account here (added by a VSH).
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      const email = oidcEmail(profile);
      const user = email ? await accountByEmail(db(), email) : null;
      await recordAttempt(db(), { email: email || "(none)", ip: await requestClientAddress(), success: Boolean(user?.active), userId: user?.user_id });
      return Boolean(user?.active);
    },
    // At sign-in (user is set), the session is opened server-side and its token goes into the cookie.
    async jwt({ token, user, account, profile }) {
      if (!user) return token;
      const oidc = account?.provider === "oidc";
      const userId = oidc ? (await accountByEmail(db(), oidcEmail(profile)))?.user_id : user.id;
      const opened = userId ? await startSession(db(), userId, oidc ? "oidc" : "password", await requestClientAddress(), SESSION_MAX_AGE_SECONDS) : null;
      token.uid = opened ? userId : undefined;
      token.sid = opened?.token;
      return token;
    },
    // The session token stays in the encrypted cookie: what the session endpoint tells the browser
    // names neither it nor the user id.
    session({ session }) {
      return session;
    },
  },
}));
