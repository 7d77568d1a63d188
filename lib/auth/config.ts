import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { z } from "zod";
import { env } from "@/lib/env";
import { db } from "@/lib/db/client";
import { auditSignIn, verifyCredentials } from "./credentials";
import { authSecret } from "./secret";
import { recordAttempt } from "./throttle";

// Auth.js: email + password, and single sign-on through OpenID Connect when configured. Sessions are
// signed JWT cookies that expire after 8 hours; the user is looked up again on every request
// (lib/auth/session.ts), so a deactivated user is out at once.

class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const credentialsInput = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1000) });

function clientIp(request: Request | undefined): string {
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request?.headers.get("x-real-ip") || "unknown";
}

const providers: Provider[] = [
  Credentials({
    id: "credentials",
    name: "Email and password",
    credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
    async authorize(raw, request) {
      const parsed = credentialsInput.safeParse(raw);
      if (!parsed.success) return null;
      const result = await verifyCredentials(db(), parsed.data.email, parsed.data.password, clientIp(request));
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

// A lazy configuration: the secret is read on the first request, not when `next build` imports this.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  providers,
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  callbacks: {
    // Single sign-on admits only people who already have an active account here (added by a VSH).
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      const email = typeof profile?.email === "string" ? profile.email.trim().toLowerCase() : "";
      const user = email ? await db().user.findUnique({ where: { email } }) : null;
      await recordAttempt(db(), { email: email || "(none)", ip: "oidc", success: Boolean(user?.active), userId: user?.id });
      if (!user?.active) return false;
      await auditSignIn(db(), user.id, "oidc");
      return true;
    },
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "oidc" && typeof profile?.email === "string") {
        const found = await db().user.findUnique({ where: { email: profile.email.trim().toLowerCase() }, select: { id: true } });
        token.uid = found?.id;
      } else if (user?.id) {
        token.uid = user.id;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") (session as { userId?: string }).userId = token.uid;
      return session;
    },
  },
}));
