-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('VSH', 'PRACTICE_SUPERVISOR', 'SENIOR_LEADER');

-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('M', 'F', 'U');

-- CreateEnum
CREATE TYPE "Sen" AS ENUM ('N', 'K', 'E');

-- CreateEnum
CREATE TYPE "Status" AS ENUM ('CIN', 'CP', 'CLA', 'PLAC', 'KIN');

-- CreateEnum
CREATE TYPE "Cohort" AS ENUM ('ALL', 'CIN', 'CP', 'CLA', 'PLAC', 'KIN');

-- CreateEnum
CREATE TYPE "Session" AS ENUM ('AM', 'PM');

-- CreateEnum
CREATE TYPE "Term" AS ENUM ('AUTUMN', 'SPRING', 'SUMMER');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('CHILDREN', 'STATUSES', 'ATTENDANCE');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'REFUSED', 'FAILED');

-- CreateTable
CREATE TABLE "Tenant" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "laCode" VARCHAR(3),
    "suppressionThreshold" INTEGER NOT NULL DEFAULT 6,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HalfTerm" (
    "tenantId" INTEGER NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "term" "Term" NOT NULL,
    "half" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,

    CONSTRAINT "HalfTerm_pkey" PRIMARY KEY ("tenantId","academicYear","term","half")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "tenantId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("tenantId","userId")
);

-- CreateTable
CREATE TABLE "Team" (
    "tenantId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "MembershipTeam" (
    "tenantId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "teamId" INTEGER NOT NULL,

    CONSTRAINT "MembershipTeam_pkey" PRIMARY KEY ("tenantId","userId","teamId")
);

-- CreateTable
CREATE TABLE "Child" (
    "tenantId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "childRef" TEXT NOT NULL,
    "upn" VARCHAR(13),
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "dateOfBirth" DATE NOT NULL,
    "sex" "Sex" NOT NULL,
    "ethnicity" TEXT,
    "sen" "Sen" NOT NULL DEFAULT 'N',
    "fsm" BOOLEAN NOT NULL DEFAULT false,
    "eal" BOOLEAN NOT NULL DEFAULT false,
    "teamId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Child_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "StatusEpisode" (
    "tenantId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "childId" INTEGER NOT NULL,
    "status" "Status" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,

    CONSTRAINT "StatusEpisode_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "School" (
    "tenantId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "urn" VARCHAR(6) NOT NULL,
    "name" TEXT,

    CONSTRAINT "School_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "AttendanceMark" (
    "tenantId" INTEGER NOT NULL,
    "childId" INTEGER NOT NULL,
    "schoolId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "session" "Session" NOT NULL,
    "code" VARCHAR(2) NOT NULL,

    CONSTRAINT "AttendanceMark_pkey" PRIMARY KEY ("tenantId","childId","schoolId","date","session")
);

-- CreateTable
CREATE TABLE "UnmatchedMark" (
    "tenantId" INTEGER NOT NULL,
    "upn" VARCHAR(13) NOT NULL,
    "schoolUrn" VARCHAR(6) NOT NULL,
    "schoolName" TEXT,
    "date" DATE NOT NULL,
    "session" "Session" NOT NULL,
    "code" VARCHAR(2) NOT NULL,
    "importRunId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnmatchedMark_pkey" PRIMARY KEY ("tenantId","upn","schoolUrn","date","session")
);

-- CreateTable
CREATE TABLE "Target" (
    "tenantId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "academicYear" INTEGER NOT NULL,
    "term" "Term" NOT NULL,
    "cohort" "Cohort" NOT NULL,
    "schoolId" INTEGER,
    "attendanceRate" DECIMAL(5,2) NOT NULL,
    "maxPersistentRate" DECIMAL(5,2),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedBy" TEXT,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "tenantId" INTEGER NOT NULL,
    "id" SERIAL NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'RUNNING',
    "actor" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "rows" INTEGER NOT NULL DEFAULT 0,
    "inserted" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "unmatched" INTEGER NOT NULL DEFAULT 0,
    "rejectedRows" JSONB NOT NULL DEFAULT '[]',
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "message" TEXT,

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "tenantId" INTEGER NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectType" TEXT,
    "subjectId" TEXT,
    "detail" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("tenantId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_slug_key" ON "Tenant"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Team_tenantId_name_key" ON "Team"("tenantId", "name");

-- CreateIndex
CREATE INDEX "Child_tenantId_teamId_idx" ON "Child"("tenantId", "teamId");

-- CreateIndex
CREATE UNIQUE INDEX "Child_tenantId_childRef_key" ON "Child"("tenantId", "childRef");

-- CreateIndex
CREATE UNIQUE INDEX "Child_tenantId_upn_key" ON "Child"("tenantId", "upn");

-- CreateIndex
CREATE UNIQUE INDEX "StatusEpisode_tenantId_childId_status_startDate_key" ON "StatusEpisode"("tenantId", "childId", "status", "startDate");

-- CreateIndex
CREATE UNIQUE INDEX "School_tenantId_urn_key" ON "School"("tenantId", "urn");

-- CreateIndex
CREATE INDEX "AttendanceMark_tenantId_date_idx" ON "AttendanceMark"("tenantId", "date");

-- CreateIndex
CREATE INDEX "AttendanceMark_tenantId_schoolId_date_idx" ON "AttendanceMark"("tenantId", "schoolId", "date");

-- CreateIndex
CREATE INDEX "Target_tenantId_academicYear_term_idx" ON "Target"("tenantId", "academicYear", "term");

-- CreateIndex
CREATE INDEX "ImportRun_tenantId_startedAt_idx" ON "ImportRun"("tenantId", "startedAt");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_at_idx" ON "AuditEvent"("tenantId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_actor_at_idx" ON "AuditEvent"("tenantId", "actor", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_subjectType_subjectId_idx" ON "AuditEvent"("tenantId", "subjectType", "subjectId");

-- AddForeignKey
ALTER TABLE "HalfTerm" ADD CONSTRAINT "HalfTerm_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipTeam" ADD CONSTRAINT "MembershipTeam_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipTeam" ADD CONSTRAINT "MembershipTeam_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "Membership"("tenantId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MembershipTeam" ADD CONSTRAINT "MembershipTeam_tenantId_teamId_fkey" FOREIGN KEY ("tenantId", "teamId") REFERENCES "Team"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Child" ADD CONSTRAINT "Child_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Child" ADD CONSTRAINT "Child_tenantId_teamId_fkey" FOREIGN KEY ("tenantId", "teamId") REFERENCES "Team"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "StatusEpisode" ADD CONSTRAINT "StatusEpisode_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatusEpisode" ADD CONSTRAINT "StatusEpisode_tenantId_childId_fkey" FOREIGN KEY ("tenantId", "childId") REFERENCES "Child"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceMark" ADD CONSTRAINT "AttendanceMark_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceMark" ADD CONSTRAINT "AttendanceMark_tenantId_childId_fkey" FOREIGN KEY ("tenantId", "childId") REFERENCES "Child"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceMark" ADD CONSTRAINT "AttendanceMark_tenantId_schoolId_fkey" FOREIGN KEY ("tenantId", "schoolId") REFERENCES "School"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnmatchedMark" ADD CONSTRAINT "UnmatchedMark_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_tenantId_schoolId_fkey" FOREIGN KEY ("tenantId", "schoolId") REFERENCES "School"("tenantId", "id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
