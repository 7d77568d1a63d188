/**
 * What the app keeps of a tenant for a request: read with the session's memberships (lib/auth/sessions.ts,
 * app_session), never by slug on its own, which the app's role may not do outside the tenant.
 */
export type TenantSummary = { id: number; slug: string; name: string; laCode: string | null; suppressionThreshold: number };
