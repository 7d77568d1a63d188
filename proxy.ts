import { NextResponse, type NextRequest } from "next/server";
import { decodablePath } from "@/lib/url-params";

// A path with a malformed %-escape (/demo/children/%E0%A4%A) names no page. Left to Next, its router
// fails to decode the dynamic segment and answers 500 before any page runs (it means 400, but has no
// error page to render one with in an app-router-only project): answer not found, as for any unknown
// address. Kept cheap: it runs before every page and route.
export function proxy(request: NextRequest) {
  if (!decodablePath(new URL(request.url).pathname)) return NextResponse.rewrite(new URL("/_not-found", request.url), { status: 404 });
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static/|_next/image|favicon\\.ico$|robots\\.txt$).*)"],
};
