import { cache } from "react";
import { db } from "@/lib/db/client";

/** A tenant by its URL slug, or null. Tenant lookup happens before a tenant scope exists. */
export const getTenantBySlug = cache(async (slug: string) => {
  return db().tenant.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, laCode: true, suppressionThreshold: true } });
});

export type TenantSummary = NonNullable<Awaited<ReturnType<typeof getTenantBySlug>>>;
