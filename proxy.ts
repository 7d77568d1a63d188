import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";
import { decodablePath } from "@/lib/url-params";

// Runs before every page and route, so it stays cheap and does no sign-in check (every page, action and
// route handler checks for itself). Two jobs:
// - The nonce-based content security policy. It goes on the request too: Next reads the nonce from it
//   while rendering and puts it on its own scripts. That needs every page rendered per request
//   (app/layout.tsx).
// - A path with a malformed %-escape (/demo/children/%E0%A4%A) names no page. Left to Next, its router
//   fails to decode the dynamic segment and answers 500 before any page runs (it means 400, but has no
//   error page to render one with in an app-router-only project): answer not found, as for any unknown
//   address.
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = decodablePath(new URL(request.url).pathname)
    ? NextResponse.next({ request: { headers } })
    : NextResponse.rewrite(new URL("/_not-found", request.url), { status: 404, request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Not the build's static files (scripts, styles, and the fonts under _next/static/media), images or
  // the public files: a policy does nothing for them, and they are most of the requests.
  matcher: ["/((?!_next/static/|_next/image|favicon\\.ico$|robots\\.txt$).*)"],
};
