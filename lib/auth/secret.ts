import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { env } from "@/lib/env";

// AUTH_SECRET signs sessions. Where it is not set (the embedded demo), a random secret is made once
// and kept beside the embedded database, readable by this user only, so `npm start` works with no
// configuration and no secret is ever shipped in the repository.
let cached: string | undefined;

export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (cached) return cached;
  const file = path.resolve(".data/auth-secret");
  try {
    cached = fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    cached = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, cached, { mode: 0o600, flag: "wx" });
  }
  return cached;
}
