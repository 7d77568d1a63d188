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
  for (let i = 1; i <= 20; i++) {
    const location = await attempt(request, `spray-${i}@nowhere.test`, "password1", `203.0.113.${i}`);
    expect(location).toContain("error=CredentialsSignin");
    expect(location).not.toContain("code=throttled");
  }
  // The 21st try, from yet another claimed address and with a real account's right password: paused.
  expect(await attempt(request, "leader@northshire.test", PASSWORD, "198.51.100.21")).toContain("code=throttled");
});
