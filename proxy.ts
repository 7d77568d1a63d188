import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";

// The nonce-based content security policy, and nothing else: no sign-in check here (every page, action
// and route handler checks for itself) and nothing slow, since it runs before every page and route.
// The policy goes on the request too: Next reads the nonce from it while rendering and puts it on its
// own scripts. That needs every page rendered per request (app/layout.tsx).
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Not the build's static files (scripts, styles, and the fonts under _next/static/media), images or
  // the public files: a policy does nothing for them, and they are most of the requests.
  matcher: ["/((?!_next/static/|_next/image|favicon\\.ico$|robots\\.txt$).*)"],
};
