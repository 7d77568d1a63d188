import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db/url";

// The environment, read and validated once. Everything else imports `env` from here.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  /**
   * The running app's connection, as the least-privileged role vs_app (lib/db/app-url.ts). Unset: the
   * DATABASE_URL with the user vs_app and no password (PostgreSQL), or the same PGlite directory as vs_app.
   */
  APP_DATABASE_URL: z.string().min(1).optional(),
  /**
   * How many reverse proxies in front of the server to trust for X-Forwarded-For (lib/server/client-address.mjs).
   * 0: the address of the connection itself; a client's X-Forwarded-For is ignored.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Secret for signing sessions. Required in production; a fixed development value otherwise. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** OpenID Connect single sign-on (e.g. Microsoft Entra ID); enabled when all three are set. */
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_CLIENT_ID: z.string().min(1).optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  AUTH_OIDC_NAME: z.string().default("Single sign-on"),
  /** The largest file the web upload accepts, in bytes; a larger one is refused (413) and nothing is written. */
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(200 * 1024 * 1024),
});

export type Env = z.infer<typeof schema>;

function read(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export const env: Env = read();
