-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "name" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "SignInAttempt" ADD COLUMN     "throttled" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "UserSession" (
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "ip" TEXT,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "SecurityEvent" (
    "tenantId" INTEGER,
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "actor" TEXT,
    "ip" TEXT,
    "path" TEXT,
    "detail" JSONB,

    CONSTRAINT "SecurityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- CreateIndex
CREATE INDEX "SecurityEvent_tenantId_at_idx" ON "SecurityEvent"("tenantId", "at");

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecurityEvent" ADD CONSTRAINT "SecurityEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each authority's own name for its members starts as the account's name.
UPDATE "Membership" m SET name = u.name FROM "User" u WHERE u.id = m."userId";

-- ---------------------------------------------------------------------------------------------------
-- Least privilege (security issue 12). The running app connects as vs_app itself: a login role that
-- is not a superuser, owns no table and cannot bypass row-level security, so neither RESET ROLE nor
-- a forged app.tenant_id gets past what vs_app may do. Migrations, the seed and the command line
-- connect as the owner (DATABASE_URL); the web server as vs_app (APP_DATABASE_URL, lib/env.ts).
-- vs_app has no password here: set one (ALTER ROLE vs_app PASSWORD '...') where the server asks for it.
-- ---------------------------------------------------------------------------------------------------
ALTER ROLE vs_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION;

-- Prisma's own bookkeeping is the owner's alone (a shadow database for a schema diff has no such table).
DO $$
BEGIN
  IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM vs_app;
  END IF;
END
$$;

-- Sign-in attempts and sessions: only through the functions below.
REVOKE ALL ON "SignInAttempt", "UserSession" FROM vs_app;
REVOKE ALL ON SEQUENCE "SignInAttempt_id_seq" FROM vs_app;
ALTER TABLE "SignInAttempt" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "UserSession" ENABLE ROW LEVEL SECURITY;

-- The audit trail and the security log are append-only for the app.
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM vs_app;
REVOKE ALL ON "SecurityEvent" FROM vs_app;
REVOKE ALL ON SEQUENCE "SecurityEvent_id_seq" FROM vs_app;
GRANT SELECT ON "SecurityEvent" TO vs_app;
ALTER TABLE "SecurityEvent" ENABLE ROW LEVEL SECURITY;
-- A tenant reads its own rows; tenant-less rows are the operator's.
CREATE POLICY tenant_isolation ON "SecurityEvent" FOR SELECT USING ("tenantId" = app_tenant_id());

-- Accounts: vs_app sees the accounts of the current tenant's members, never a password hash, and
-- writes none (a new account is made by app_member_account below).
REVOKE ALL ON "User" FROM vs_app;
GRANT SELECT (id, email, name, active, "createdAt") ON "User" TO vs_app;
ALTER TABLE "User" ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_of_tenant ON "User" FOR SELECT USING (
  EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = "User".id AND m."tenantId" = app_tenant_id()));

-- The narrow paths. SECURITY DEFINER: they run as the owner (who is not vs_app), with a fixed
-- search_path; vs_app may call them, nobody else (PUBLIC's default right is taken away).

-- One account's password hash, by email, for the sign-in check.
CREATE FUNCTION auth_credentials(p_email text)
RETURNS TABLE (user_id text, password_hash text, active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT u.id, u."passwordHash", u.active FROM "User" u WHERE u.email = lower(btrim(p_email))
$$;

-- Failures (throttled attempts are not failures) since a time: of the account from this address,
-- of the account from anywhere, and from this address for any account.
CREATE FUNCTION auth_failures(p_email_key text, p_ip text, p_since timestamp)
RETURNS TABLE (pair bigint, account bigint, address bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT (SELECT count(*) FROM "SignInAttempt" a WHERE a."emailKey" = p_email_key AND a.ip = p_ip AND a.at >= p_since AND NOT a.success AND NOT a.throttled),
         (SELECT count(*) FROM "SignInAttempt" a WHERE a."emailKey" = p_email_key AND a.at >= p_since AND NOT a.success AND NOT a.throttled),
         (SELECT count(*) FROM "SignInAttempt" a WHERE a.ip = p_ip AND a.at >= p_since AND NOT a.success AND NOT a.throttled)
$$;

CREATE FUNCTION auth_record_attempt(p_email_key text, p_ip text, p_success boolean, p_throttled boolean, p_user_id text)
RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  INSERT INTO "SignInAttempt" ("emailKey", ip, success, throttled, "userId")
  VALUES (left(p_email_key, 320), left(p_ip, 100), p_success, p_throttled, p_user_id)
$$;

-- A new session for an active account; the token's hash only.
CREATE FUNCTION auth_session_open(p_token_hash text, p_user_id text, p_expires timestamp, p_ip text)
RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  INSERT INTO "UserSession" ("tokenHash", "userId", "expiresAt", ip)
  SELECT p_token_hash, u.id, p_expires, left(p_ip, 100) FROM "User" u WHERE u.id = p_user_id AND u.active
  RETURNING true
$$;

-- Ends one session (sign-out), or every session of the account that holds it (sign out everywhere).
-- Only a live token's holder can end sessions: nobody can sign another person out by their user id.
CREATE FUNCTION auth_session_revoke(p_token_hash text, p_everywhere boolean)
RETURNS integer
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  WITH holder AS (SELECT s."userId" FROM "UserSession" s WHERE s."tokenHash" = p_token_hash AND s."revokedAt" IS NULL),
       ended AS (
         UPDATE "UserSession" s SET "revokedAt" = now() AT TIME ZONE 'UTC'
          WHERE s."revokedAt" IS NULL
            AND (s."tokenHash" = p_token_hash OR (p_everywhere AND s."userId" IN (SELECT "userId" FROM holder)))
         RETURNING 1)
  SELECT count(*)::integer FROM ended
$$;

-- The session's account and its active memberships (teams included), if the session is live and the
-- account active: the one read every signed-in request makes. No row: signed out.
CREATE FUNCTION app_session(p_token_hash text)
RETURNS TABLE (user_id text, email text, name text, tenant_id integer, slug text, tenant_name text,
               la_code text, suppression_threshold integer, role text, team_ids integer[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT u.id, u.email, u.name, t.id, t.slug, t.name, t."laCode"::text, t."suppressionThreshold", m.role::text,
         ARRAY(SELECT mt."teamId" FROM "MembershipTeam" mt WHERE mt."tenantId" = m."tenantId" AND mt."userId" = m."userId" ORDER BY mt."teamId")
    FROM "UserSession" s
    JOIN "User" u ON u.id = s."userId" AND u.active
    LEFT JOIN "Membership" m ON m."userId" = u.id AND m.active
    LEFT JOIN "Tenant" t ON t.id = m."tenantId"
   WHERE s."tokenHash" = p_token_hash AND s."revokedAt" IS NULL AND s."expiresAt" > now() AT TIME ZONE 'UTC'
   ORDER BY t.name
$$;

-- The account for an email a VSH adds to their tenant: the existing one, or a new one with the name and
-- password hash given. Only the id comes back, so adding an email reveals nothing of an existing
-- account (its name, its other authorities). Callable only inside a tenant's transaction.
CREATE FUNCTION app_member_account(p_email text, p_name text, p_password_hash text)
RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE found text;
BEGIN
  IF app_tenant_id() IS NULL THEN
    RAISE EXCEPTION 'app_member_account needs a tenant' USING ERRCODE = '42501';
  END IF;
  INSERT INTO "User" (id, email, name, "passwordHash")
  VALUES (gen_random_uuid()::text, lower(btrim(p_email)), p_name, p_password_hash)
  ON CONFLICT (email) DO NOTHING
  RETURNING id INTO found;
  IF found IS NULL THEN
    SELECT u.id INTO found FROM "User" u WHERE u.email = lower(btrim(p_email));
  END IF;
  RETURN found;
END
$$;

DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['auth_credentials(text)', 'auth_failures(text,text,timestamp)',
                           'auth_record_attempt(text,text,boolean,boolean,text)',
                           'auth_session_open(text,text,timestamp,text)', 'auth_session_revoke(text,boolean)',
                           'app_session(text)', 'app_member_account(text,text,text)']
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO vs_app', f);
  END LOOP;
END
$$;

-- The security log is written through one function: it names the authority by the slug in the URL, so
-- an attempt on an authority the person is not a member of lands in that authority's log (and an
-- attempt on no authority in the operator's tenant-less rows). The app itself may not insert or change rows.
CREATE FUNCTION app_security_event(p_slug text, p_kind text, p_actor text, p_ip text, p_path text, p_detail jsonb)
RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  INSERT INTO "SecurityEvent" ("tenantId", kind, actor, ip, path, detail)
  VALUES ((SELECT t.id FROM "Tenant" t WHERE t.slug = p_slug), left(p_kind, 60), left(p_actor, 100), left(p_ip, 100),
          left(p_path, 500), p_detail)
$$;
REVOKE ALL ON FUNCTION app_security_event(text,text,text,text,text,jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_security_event(text,text,text,text,text,jsonb) TO vs_app;

-- The register's trigger functions run as the owner too: fix their search_path, with pg_temp last,
-- so that a temporary table of the caller's (vs_app may make them, for imports) cannot stand in for a table.
ALTER FUNCTION attendance_day_parents_exist() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION attendance_day_child_deleted() SET search_path = pg_catalog, public, pg_temp;
ALTER FUNCTION attendance_day_school_deleted() SET search_path = pg_catalog, public, pg_temp;
