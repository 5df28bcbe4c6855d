CREATE SCHEMA "ministry";
--> statement-breakpoint
CREATE TYPE "ministry"."case_category" AS ENUM('WANTS_REPATRIATION', 'UNPAID_WAGES', 'DEATH_ABROAD', 'FAILED_DEPARTURE', 'DEPORTATION', 'JOB_FRAUD', 'ILLNESS_OR_ACCIDENT', 'SOCIAL_SECURITY_CLAIM', 'PREGNANCY_OR_CHILD', 'TRAFFICKING', 'EARLY_DISMISSAL', 'WORK_NOT_AS_CONTRACTED', 'VIOLENCE_OR_HARASSMENT', 'LOST_CONTACT', 'UNDOCUMENTED_OR_OVERSTAY', 'DOCUMENT_CONFISCATION', 'EXCESSIVE_DEDUCTIONS', 'DETAINED', 'NOT_REPATRIATED_AFTER_CONTRACT', 'RAN_AWAY_FROM_EMPLOYER', 'MENTAL_HEALTH', 'ILLEGAL_RECRUITMENT', 'OTHER');--> statement-breakpoint
CREATE TYPE "ministry"."case_outcome" AS ENUM('SETTLED', 'REPATRIATED', 'COMPENSATED', 'REFERRED_TO_LAW_ENFORCEMENT', 'WITHDRAWN_BY_COMPLAINANT', 'UNRESOLVED');--> statement-breakpoint
CREATE TYPE "ministry"."case_status" AS ENUM('OPEN', 'IN_PROGRESS', 'REFERRED', 'RESOLVED', 'CLOSED');--> statement-breakpoint
CREATE TYPE "ministry"."complaint_channel" AS ENUM('WALK_IN', 'LETTER', 'CALL_CENTRE', 'WHATSAPP', 'E_PENGADUAN', 'EMAIL', 'SOCIAL_MEDIA', 'REFERRAL');--> statement-breakpoint
CREATE TYPE "ministry"."institution_kind" AS ENUM('LABOUR_OFFICE', 'MINISTRY', 'TRAINING_PROVIDER', 'UNIVERSITY');--> statement-breakpoint
CREATE TYPE "ministry"."licence_status" AS ENUM('ACTIVE', 'SUSPENDED', 'REVOKED');--> statement-breakpoint
CREATE TYPE "ministry"."occupation" AS ENUM('HOUSEKEEPER', 'BABYSITTER', 'ELDERLY_CAREGIVER', 'COOK', 'FAMILY_DRIVER', 'GARDENER', 'CHILD_CAREGIVER', 'CLEANER', 'PLANTATION_WORKER', 'FISHING_CREW', 'CAREWORKER', 'NURSE', 'FACTORY_OPERATOR', 'CONSTRUCTION_WORKER', 'HOSPITALITY_WORKER', 'MERCHANT_CREW', 'GENERAL_WORKER', 'OTHER');--> statement-breakpoint
CREATE TYPE "ministry"."region_level" AS ENUM('PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE');--> statement-breakpoint
CREATE TYPE "ministry"."sanction_type" AS ENUM('WRITTEN_WARNING', 'SUSPENSION', 'LICENCE_REVOCATION', 'FINE', 'DEPOSIT_CLAIM');--> statement-breakpoint
CREATE SEQUENCE "ministry"."case_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "ministry"."case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"author_institution_id" uuid NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ministry"."cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"worker_id" uuid NOT NULL,
	"worker_district_code" text NOT NULL,
	"placement_id" uuid,
	"category" "ministry"."case_category" NOT NULL,
	"status" "ministry"."case_status" DEFAULT 'OPEN' NOT NULL,
	"channel" "ministry"."complaint_channel" NOT NULL,
	"country_code" text,
	"agency_id" uuid,
	"summary" text NOT NULL,
	"opened_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"opened_by_institution_id" uuid NOT NULL,
	"resolution_outcome" "ministry"."case_outcome",
	"resolved_at" timestamp (3) with time zone,
	"resolution_summary" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ministry"."institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "ministry"."institution_kind" NOT NULL,
	"region_code" text
);
--> statement-breakpoint
CREATE TABLE "ministry"."job_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	"employer_name" text NOT NULL,
	"occupation" "ministry"."occupation" NOT NULL,
	"quota" integer NOT NULL,
	"recruitment_permit_number" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"verified_by_mission" boolean DEFAULT false NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ministry"."placement_agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"licence_number" text NOT NULL,
	"licence_status" "ministry"."licence_status" DEFAULT 'ACTIVE' NOT NULL,
	"licence_valid_from" date NOT NULL,
	"licence_valid_until" date NOT NULL,
	"head_office_region_code" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ministry"."regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" "ministry"."region_level" NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "ministry"."sanctions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"type" "ministry"."sanction_type" NOT NULL,
	"reason" text NOT NULL,
	"imposed_on" date NOT NULL,
	"effective_until" date,
	"case_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ministry"."case_notes" ADD CONSTRAINT "case_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "ministry"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ministry"."cases" ADD CONSTRAINT "cases_agency_id_placement_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "ministry"."placement_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ministry"."job_orders" ADD CONSTRAINT "job_orders_agency_id_placement_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "ministry"."placement_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ministry"."sanctions" ADD CONSTRAINT "sanctions_agency_id_placement_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "ministry"."placement_agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ministry"."sanctions" ADD CONSTRAINT "sanctions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "ministry"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_notes_case_idx" ON "ministry"."case_notes" USING btree ("case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_reference_key" ON "ministry"."cases" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "cases_worker_idx" ON "ministry"."cases" USING btree ("worker_id","opened_at");--> statement-breakpoint
CREATE INDEX "cases_worker_district_idx" ON "ministry"."cases" USING btree ("worker_district_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cases_opened_idx" ON "ministry"."cases" USING btree ("opened_at","id");--> statement-breakpoint
CREATE INDEX "cases_resolved_idx" ON "ministry"."cases" USING btree ("resolved_at");--> statement-breakpoint
CREATE INDEX "cases_status_idx" ON "ministry"."cases" USING btree ("status");--> statement-breakpoint
CREATE INDEX "cases_category_idx" ON "ministry"."cases" USING btree ("category");--> statement-breakpoint
CREATE INDEX "cases_agency_idx" ON "ministry"."cases" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "institutions_kind_idx" ON "ministry"."institutions" USING btree ("kind","name");--> statement-breakpoint
CREATE UNIQUE INDEX "job_orders_recruitment_permit_number_key" ON "ministry"."job_orders" USING btree ("recruitment_permit_number");--> statement-breakpoint
CREATE INDEX "job_orders_agency_idx" ON "ministry"."job_orders" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "placement_agencies_licence_number_key" ON "ministry"."placement_agencies" USING btree ("licence_number");--> statement-breakpoint
CREATE INDEX "placement_agencies_status_idx" ON "ministry"."placement_agencies" USING btree ("licence_status","licence_valid_until");--> statement-breakpoint
CREATE INDEX "placement_agencies_name_idx" ON "ministry"."placement_agencies" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "ministry"."regions" USING btree ("parent_code","code");--> statement-breakpoint
CREATE INDEX "sanctions_agency_idx" ON "ministry"."sanctions" USING btree ("agency_id","imposed_on");--> statement-breakpoint
CREATE INDEX "sanctions_case_idx" ON "ministry"."sanctions" USING btree ("case_id");