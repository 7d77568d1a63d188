-- Tenant isolation enforced by the database (row-level security).
-- The app and the command line run every tenant-scoped query inside a transaction that sets
-- app.tenant_id and switches to the role vs_app (lib/db/tenant.ts). vs_app owns no table, so the
-- policies below always apply to it: a query that forgets its tenant filter still sees only the
-- current tenant's rows, and cannot write rows of another tenant.
-- Policies cannot be expressed in schema.prisma; Prisma's schema diff ignores them.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vs_app') THEN
    CREATE ROLE vs_app NOLOGIN;
  END IF;
END
$$;

-- The role that runs the migrations (and the app's connection) may switch to vs_app.
DO $$
BEGIN
  EXECUTE format('GRANT vs_app TO %I', current_user);
EXCEPTION WHEN others THEN
  NULL; -- a superuser is a member of every role already
END
$$;

GRANT USAGE ON SCHEMA public TO vs_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO vs_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO vs_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO vs_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO vs_app;

-- current_setting(..., true) is NULL when unset: then no row matches.
CREATE FUNCTION app_tenant_id() RETURNS integer LANGUAGE sql STABLE AS
$$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::integer $$;
GRANT EXECUTE ON FUNCTION app_tenant_id() TO vs_app;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['HalfTerm','Membership','Team','MembershipTeam','Child','StatusEpisode','School',
                           'AttendanceMark','UnmatchedMark','Target','ImportRun','AuditEvent']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id())', t);
  END LOOP;
END
$$;

-- The tenant row itself: vs_app sees only the current tenant.
ALTER TABLE "Tenant" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Tenant" USING ("id" = app_tenant_id()) WITH CHECK ("id" = app_tenant_id());
