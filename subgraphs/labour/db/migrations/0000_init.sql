CREATE SCHEMA "labour";
--> statement-breakpoint
CREATE TYPE "labour"."consent_purpose" AS ENUM('TRAINING', 'EMPOWERMENT');--> statement-breakpoint
CREATE TYPE "labour"."document_status" AS ENUM('SUBMITTED', 'VERIFIED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "labour"."document_type" AS ENUM('NATIONAL_ID', 'FAMILY_CARD', 'BIRTH_CERTIFICATE', 'DIPLOMA', 'MARITAL_STATUS_LETTER', 'FAMILY_PERMISSION', 'COMPETENCY_CERTIFICATE', 'HEALTH_CERTIFICATE', 'PASSPORT', 'WORK_VISA', 'PLACEMENT_AGREEMENT', 'EMPLOYMENT_AGREEMENT', 'POLICE_CLEARANCE', 'SOCIAL_SECURITY', 'DISTRICT_RECOMMENDATION', 'PRE_DEPARTURE_ORIENTATION', 'E_KPMI');--> statement-breakpoint
CREATE TYPE "labour"."education_level" AS ENUM('NONE', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'VOCATIONAL_SECONDARY', 'DIPLOMA', 'BACHELOR', 'POSTGRADUATE');--> statement-breakpoint
CREATE TYPE "labour"."marital_status" AS ENUM('SINGLE', 'MARRIED', 'DIVORCED', 'WIDOWED');--> statement-breakpoint
CREATE TYPE "labour"."occupation" AS ENUM('HOUSEKEEPER', 'BABYSITTER', 'ELDERLY_CAREGIVER', 'COOK', 'FAMILY_DRIVER', 'GARDENER', 'CHILD_CAREGIVER', 'CLEANER', 'PLANTATION_WORKER', 'FISHING_CREW', 'CAREWORKER', 'NURSE', 'FACTORY_OPERATOR', 'CONSTRUCTION_WORKER', 'HOSPITALITY_WORKER', 'MERCHANT_CREW', 'GENERAL_WORKER', 'OTHER');--> statement-breakpoint
CREATE TYPE "labour"."placement_channel" AS ENUM('PROCEDURAL', 'NON_PROCEDURAL');--> statement-breakpoint
CREATE TYPE "labour"."placement_scheme" AS ENUM('PRIVATE_AGENCY', 'GOVERNMENT', 'EMPLOYER_OWN', 'INDEPENDENT');--> statement-breakpoint
CREATE TYPE "labour"."placement_status" AS ENUM('PLANNED', 'DEPARTED', 'ABROAD', 'RETURNED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "labour"."return_reason" AS ENUM('CONTRACT_COMPLETED', 'TERMINATED_EARLY', 'REPATRIATED', 'DEPORTED', 'ILLNESS', 'DECEASED', 'OTHER');--> statement-breakpoint
CREATE TYPE "labour"."sector" AS ENUM('DOMESTIC', 'HEALTH_CARE', 'MANUFACTURING', 'AGRICULTURE', 'CONSTRUCTION', 'HOSPITALITY', 'FISHERIES', 'MARITIME', 'OTHER');--> statement-breakpoint
CREATE TYPE "labour"."sex" AS ENUM('FEMALE', 'MALE');--> statement-breakpoint
CREATE TYPE "labour"."worker_status" AS ENUM('PROSPECTIVE', 'REGISTERED', 'VERIFIED', 'DEPARTED', 'ABROAD', 'RETURNED', 'WITHDRAWN', 'NON_PROCEDURAL');--> statement-breakpoint
CREATE TABLE "labour"."consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"grantee_institution_id" uuid NOT NULL,
	"purpose" "labour"."consent_purpose" NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labour"."documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"placement_id" uuid,
	"type" "labour"."document_type" NOT NULL,
	"number" text,
	"issuer" text NOT NULL,
	"issued_on" date,
	"valid_until" date,
	"status" "labour"."document_status" DEFAULT 'SUBMITTED' NOT NULL,
	"verified_at" timestamp with time zone,
	"rejection_reason" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labour"."placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"agency_id" uuid,
	"job_order_id" uuid,
	"scheme" "labour"."placement_scheme" NOT NULL,
	"channel" "labour"."placement_channel" NOT NULL,
	"destination_country" text NOT NULL,
	"employer_name" text,
	"occupation" "labour"."occupation" NOT NULL,
	"sector" "labour"."sector" NOT NULL,
	"contract_months" integer,
	"monthly_wage" integer,
	"wage_currency" text,
	"status" "labour"."placement_status" NOT NULL,
	"planned_departure_date" date,
	"departure_date" date,
	"arrival_date" date,
	"expected_return_date" date,
	"actual_return_date" date,
	"return_reason" "labour"."return_reason",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labour"."workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nik" text NOT NULL,
	"full_name" text NOT NULL,
	"sex" "labour"."sex" NOT NULL,
	"birth_date" date NOT NULL,
	"birth_place" text NOT NULL,
	"marital_status" "labour"."marital_status" NOT NULL,
	"education" "labour"."education_level" NOT NULL,
	"phone" text,
	"address" text NOT NULL,
	"village_code" text NOT NULL,
	"district_code" text NOT NULL,
	"status" "labour"."worker_status" NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registered_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "labour"."consents" ADD CONSTRAINT "consents_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "labour"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour"."documents" ADD CONSTRAINT "documents_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "labour"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour"."documents" ADD CONSTRAINT "documents_placement_id_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "labour"."placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour"."placements" ADD CONSTRAINT "placements_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "labour"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_worker_idx" ON "labour"."consents" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "consents_grantee_idx" ON "labour"."consents" USING btree ("grantee_institution_id","purpose","worker_id");--> statement-breakpoint
CREATE INDEX "documents_worker_idx" ON "labour"."documents" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "documents_placement_idx" ON "labour"."documents" USING btree ("placement_id") WHERE "labour"."documents"."placement_id" is not null;--> statement-breakpoint
CREATE INDEX "placements_worker_idx" ON "labour"."placements" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "placements_destination_idx" ON "labour"."placements" USING btree ("destination_country");--> statement-breakpoint
CREATE INDEX "placements_departure_idx" ON "labour"."placements" USING btree ("departure_date");--> statement-breakpoint
CREATE INDEX "placements_return_idx" ON "labour"."placements" USING btree ("actual_return_date");--> statement-breakpoint
CREATE UNIQUE INDEX "workers_nik_key" ON "labour"."workers" USING btree ("nik");--> statement-breakpoint
CREATE INDEX "workers_district_idx" ON "labour"."workers" USING btree ("district_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "workers_name_idx" ON "labour"."workers" USING btree ("full_name","id");--> statement-breakpoint
CREATE INDEX "workers_registered_at_idx" ON "labour"."workers" USING btree ("registered_at");