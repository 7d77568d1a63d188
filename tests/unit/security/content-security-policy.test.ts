import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";

const scriptSrc = (policy: string) => policy.split("; ").find((d) => d.startsWith("script-src "))!.split(" ").slice(1);

describe("contentSecurityPolicy", () => {
  it("allows scripts by the nonce and what they load, never inline ones", () => {
    expect(scriptSrc(contentSecurityPolicy("abc", false))).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
  });

  it("allows eval for the development server only", () => {
    expect(scriptSrc(contentSecurityPolicy("abc", true))).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(contentSecurityPolicy("abc", false)).not.toContain("unsafe-eval");
  });

  it("without a nonce allows this site's script files and nothing inline", () => {
    expect(scriptSrc(contentSecurityPolicy(null, false))).toEqual(["'self'"]);
  });

  it("keeps the other directives whatever the scripts", () => {
    const others = (p: string) => p.split("; ").filter((d) => !d.startsWith("script-src "));
    expect(others(contentSecurityPolicy("abc", true))).toEqual(others(contentSecurityPolicy(null, false)));
    expect(others(contentSecurityPolicy(null, false))).toEqual([
      "default-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "base-uri 'self'",
      "object-src 'none'",
    ]);
  });
});

describe("newNonce", () => {
  it("is 128 random bits in base64, different each time", () => {
    const nonces = Array.from({ length: 100 }, newNonce);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
    expect(new Set(nonces).size).toBe(100);
  });
});
