import "server-only";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { clientAddressOf } from "./client-address";
import type { Capability } from "./permissions";
import { currentSession } from "./session";
import type { SignedIn } from "./sessions";
import { checkTenantAccess, type TenantContext } from "./tenant-context";

// The same checks as server actions, for route handlers (exports, downloads): session, tenant
// membership, permission. Another tenant's data and a missing permission both answer 404.

type Handler = (request: Request, ctx: TenantContext) => Promise<Response>;

export async function runTenantRoute(session: SignedIn | null, slug: string, capability: Capability, request: Request, handler: Handler) {
  if (!sameOrigin(request)) return NextResponse.json({ error: "Cross-site requests are not accepted." }, { status: 403 });
  if (!session) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const path = safePath(request.url);
  const access = await checkTenantAccess(session, slug, capability, { ip: clientAddressOf(request.headers), path });
  if ("refused" in access) return NextResponse.json({ error: "Not found." }, { status: 404 });
  const ctx = access.ctx;
  try {
    return await handler(request, ctx);
  } catch (e) {
    if (e instanceof AppError) return NextResponse.json({ error: e.message }, { status: e.status });
    console.error(`route failed (${capability}):`, e instanceof Error ? e.name : "error");
    return NextResponse.json({ error: "Something went wrong." }, { status: 500 });
  }
}

/** A request that changes data must come from this site's own pages (the session cookie is SameSite=Lax too). */
function sameOrigin(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function tenantRoute(capability: Capability, handler: Handler) {
  return async (request: Request, { params }: { params: Promise<{ tenant: string }> }) => {
    const { tenant } = await params;
    return runTenantRoute(await currentSession(), tenant, capability, request, handler);
  };
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}
