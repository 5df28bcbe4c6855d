CREATE SCHEMA "university";
--> statement-breakpoint
CREATE TYPE "university"."business_status" AS ENUM('NONE', 'IDEA', 'STARTED', 'OPERATING', 'STOPPED');--> statement-breakpoint
CREATE TYPE "university"."consent_purpose" AS ENUM('TRAINING', 'EMPOWERMENT');--> statement-breakpoint
CREATE TYPE "university"."empowerment_type" AS ENUM('SOCIAL', 'ECONOMIC');--> statement-breakpoint
CREATE TYPE "university"."mentoring_form" AS ENUM('GUIDANCE', 'MENTORING', 'TRAINING', 'COUNSELLING');--> statement-breakpoint
CREATE TYPE "university"."re_migration_intent" AS ENUM('NONE', 'CONSIDERING', 'RE_REGISTERED');--> statement-breakpoint
CREATE TYPE "university"."revenue_band" AS ENUM('NONE', 'UNDER_1M', 'FROM_1M_TO_5M', 'FROM_5M_TO_10M', 'OVER_10M');--> statement-breakpoint
CREATE TYPE "university"."session_mode" AS ENUM('IN_PERSON', 'ONLINE');--> statement-breakpoint
CREATE TABLE "university"."consent_facts" (
	"consent_id" uuid PRIMARY KEY NOT NULL,
	"worker_id" uuid NOT NULL,
	"purpose" "university"."consent_purpose" NOT NULL,
	"grantee_institution_id" uuid NOT NULL,
	"worker_district_code" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "university"."mentoring_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"university_id" uuid NOT NULL,
	"title" text NOT NULL,
	"empowerment_type" "university"."empowerment_type" NOT NULL,
	"village_code" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "university"."mentoring_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"date" date NOT NULL,
	"duration_minutes" integer NOT NULL,
	"mode" "university"."session_mode" NOT NULL,
	"location_code" text,
	"form" "university"."mentoring_form" NOT NULL,
	"topics" text[] NOT NULL,
	"business_status" "university"."business_status",
	"revenue_band" "university"."revenue_band",
	"needs" text[],
	"referrals" text[],
	"action_plan" text,
	"next_session_date" date,
	"re_migration_intent" "university"."re_migration_intent",
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_institution_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "university"."mentors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"university_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"expertise" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "university"."session_participants" (
	"session_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"worker_district_code" text NOT NULL,
	CONSTRAINT "session_participants_session_id_worker_id_pk" PRIMARY KEY("session_id","worker_id")
);
--> statement-breakpoint
CREATE TABLE "university"."universities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "university"."mentoring_programs" ADD CONSTRAINT "mentoring_programs_university_id_universities_id_fk" FOREIGN KEY ("university_id") REFERENCES "university"."universities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "university"."mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_program_id_mentoring_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "university"."mentoring_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "university"."mentoring_sessions" ADD CONSTRAINT "mentoring_sessions_mentor_id_mentors_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "university"."mentors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "university"."mentors" ADD CONSTRAINT "mentors_university_id_universities_id_fk" FOREIGN KEY ("university_id") REFERENCES "university"."universities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "university"."session_participants" ADD CONSTRAINT "session_participants_session_id_mentoring_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "university"."mentoring_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_facts_grantee_worker_idx" ON "university"."consent_facts" USING btree ("grantee_institution_id","worker_id");--> statement-breakpoint
CREATE INDEX "mentoring_programs_university_idx" ON "university"."mentoring_programs" USING btree ("university_id","start_date");--> statement-breakpoint
CREATE INDEX "mentoring_programs_start_idx" ON "university"."mentoring_programs" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "mentoring_sessions_program_idx" ON "university"."mentoring_sessions" USING btree ("program_id","date");--> statement-breakpoint
CREATE INDEX "mentoring_sessions_mentor_idx" ON "university"."mentoring_sessions" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "mentoring_sessions_date_idx" ON "university"."mentoring_sessions" USING btree ("date");--> statement-breakpoint
CREATE INDEX "mentors_university_idx" ON "university"."mentors" USING btree ("university_id","full_name");--> statement-breakpoint
CREATE INDEX "session_participants_worker_idx" ON "university"."session_participants" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "session_participants_district_idx" ON "university"."session_participants" USING btree ("worker_district_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "universities_institution_name_key" ON "university"."universities" USING btree ("institution_id","name");--> statement-breakpoint
CREATE INDEX "universities_name_idx" ON "university"."universities" USING btree ("name");