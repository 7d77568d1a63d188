import { z } from "zod";

// A tenant's identity: shared by the command line (tenant create) and any admin form.
// Messages are predicates ("must be ..."): each caller prefixes the field's name or label.

/** The tenant's name in URLs and on the command line: lower-case letters, digits and hyphens. */
export const tenantSlugSchema = z
  .string({ error: "is required" })
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])$/, {
    error: "must be 2 to 50 lower-case letters, digits and hyphens, starting and ending with a letter or digit",
  });

export const tenantNameSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, { error: "must not be empty" })
  .max(200, { error: "must be at most 200 characters" });

export const tenantCreateSchema = z.object({ slug: tenantSlugSchema, name: tenantNameSchema });
export type TenantCreateInput = z.infer<typeof tenantCreateSchema>;
