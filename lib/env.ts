import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db/url";

// The environment, read and validated once. Everything else imports `env` from here.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  /** Secret for signing sessions. Required in production; a fixed development value otherwise. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** OpenID Connect single sign-on (e.g. Microsoft Entra ID); enabled when all three are set. */
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_CLIENT_ID: z.string().min(1).optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  AUTH_OIDC_NAME: z.string().default("Single sign-on"),
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
