import { test, expect, type APIRequestContext } from "@playwright/test";
import { PASSWORD } from "./session";

// An attacker's sign-in attempts against the real server (security issue, finding 1): a forged
// X-Forwarded-For does not make a new address. The server takes the client address from the
// connection (TRUST_PROXY_HOPS=0), so 20 failures from this machine pause sign-in from it, whatever
// each request claimed. Named zz- so that it runs last: it pauses sign-in from 127.0.0.1 for 15 minutes.

async function attempt(request: APIRequestContext, email: string, password: string, forwardedFor: string): Promise<string> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/" },
    headers: { "X-Forwarded-For": forwardedFor, "X-Real-IP": forwardedFor },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  return response.headers()["location"] ?? "";
}

test("a new forged X-Forwarded-For on every try does not escape the per-address limit", async ({ request }) => {
  // Earlier journeys' wrong passwords from this machine count too, so the pause may come before the
  // 20th try; without the server's own idea of the address it would never come (each try claims a new one).
  let tries = 0;
  let location = "";
  while (tries < 20 && !location.includes("code=throttled")) {
    tries++;
    location = await attempt(request, `spray-${tries}@nowhere.test`, "password1", `203.0.113.${tries}`);
    expect(location).toContain("error=CredentialsSignin");
  }
  expect(location).toContain("code=throttled");
  // Yet another claimed address, and a real account's right password: still paused.
  expect(await attempt(request, "leader@northshire.test", PASSWORD, "198.51.100.21")).toContain("code=throttled");
});
