import type { NextConfig } from "next";
import { contentSecurityPolicy } from "./lib/security/content-security-policy";

const isProduction = process.env.NODE_ENV === "production";

// The policy without a nonce, so with no inline script at all: pages and route handlers get it with a
// fresh nonce from proxy.ts instead, which replaces this header; the rest (static files) keep this one.
const csp = contentSecurityPolicy(null, process.env.NODE_ENV === "development");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/schema-engine-wasm"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          ...(isProduction ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
        ],
      },
    ];
  },
};

export default nextConfig;
