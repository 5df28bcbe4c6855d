CREATE SCHEMA "training";
--> statement-breakpoint
CREATE TYPE "training"."accreditation" AS ENUM('A', 'B', 'C', 'NOT_ACCREDITED');--> statement-breakpoint
CREATE TYPE "training"."consent_purpose" AS ENUM('TRAINING', 'EMPOWERMENT');--> statement-breakpoint
CREATE TYPE "training"."course_kind" AS ENUM('LANGUAGE', 'SKILL', 'PRE_DEPARTURE', 'ENTREPRENEURSHIP');--> statement-breakpoint
CREATE TYPE "training"."enrollment_status" AS ENUM('ENROLLED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "training"."provider_kind" AS ENUM('LPK', 'BLK', 'BLKLN');--> statement-breakpoint
CREATE TABLE "training"."certifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"worker_district_code" text NOT NULL,
	"provider_id" uuid NOT NULL,
	"course_id" uuid,
	"scheme" text NOT NULL,
	"issuer" text NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training"."consent_facts" (
	"consent_id" uuid PRIMARY KEY NOT NULL,
	"worker_id" uuid NOT NULL,
	"purpose" "training"."consent_purpose" NOT NULL,
	"grantee_institution_id" uuid NOT NULL,
	"worker_district_code" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training"."courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" "training"."course_kind" NOT NULL,
	"skill" text,
	"language" text,
	"hours" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"capacity" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training"."enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"worker_district_code" text NOT NULL,
	"status" "training"."enrollment_status" DEFAULT 'ENROLLED' NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attendance_percent" integer,
	"score" integer,
	"completed_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training"."training_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "training"."provider_kind" NOT NULL,
	"accreditation" "training"."accreditation" NOT NULL,
	"accreditation_valid_until" date,
	"region_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training"."certifications" ADD CONSTRAINT "certifications_provider_id_training_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "training"."training_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."certifications" ADD CONSTRAINT "certifications_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "training"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."courses" ADD CONSTRAINT "courses_provider_id_training_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "training"."training_providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training"."enrollments" ADD CONSTRAINT "enrollments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "training"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certifications_issuer_number_key" ON "training"."certifications" USING btree ("issuer","number");--> statement-breakpoint
CREATE INDEX "certifications_worker_idx" ON "training"."certifications" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "certifications_provider_idx" ON "training"."certifications" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "certifications_course_idx" ON "training"."certifications" USING btree ("course_id") WHERE "training"."certifications"."course_id" is not null;--> statement-breakpoint
CREATE INDEX "certifications_district_idx" ON "training"."certifications" USING btree ("worker_district_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "certifications_issued_on_idx" ON "training"."certifications" USING btree ("issued_on");--> statement-breakpoint
CREATE INDEX "consent_facts_grantee_worker_idx" ON "training"."consent_facts" USING btree ("grantee_institution_id","worker_id");--> statement-breakpoint
CREATE INDEX "courses_provider_idx" ON "training"."courses" USING btree ("provider_id","start_date");--> statement-breakpoint
CREATE INDEX "courses_start_idx" ON "training"."courses" USING btree ("start_date","id");--> statement-breakpoint
CREATE INDEX "enrollments_course_idx" ON "training"."enrollments" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "enrollments_worker_idx" ON "training"."enrollments" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "enrollments_district_idx" ON "training"."enrollments" USING btree ("worker_district_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enrollments_enrolled_at_idx" ON "training"."enrollments" USING btree ("enrolled_at");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_live_key" ON "training"."enrollments" USING btree ("course_id","worker_id") WHERE "training"."enrollments"."status" <> 'WITHDRAWN';--> statement-breakpoint
CREATE INDEX "training_providers_institution_idx" ON "training"."training_providers" USING btree ("institution_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_providers_institution_name_key" ON "training"."training_providers" USING btree ("institution_id","name");--> statement-breakpoint
CREATE INDEX "training_providers_region_idx" ON "training"."training_providers" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "training_providers_name_idx" ON "training"."training_providers" USING btree ("name","id");