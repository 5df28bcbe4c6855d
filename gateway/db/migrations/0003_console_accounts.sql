CREATE TYPE "gateway"."account_role" AS ENUM('LTSA_OFFICER', 'CASE_OFFICER', 'ANALYST', 'AUDITOR', 'TRAINING_REGISTRAR', 'MENTOR', 'INSTITUTION_ADMIN');--> statement-breakpoint
CREATE TYPE "gateway"."account_status" AS ENUM('ACTIVE', 'DISABLED');--> statement-breakpoint
CREATE TYPE "gateway"."client_type" AS ENUM('MACHINE', 'CONSOLE');--> statement-breakpoint
CREATE TABLE "gateway"."accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"institution_id" uuid NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" "gateway"."account_role" NOT NULL,
	"password_hash" text NOT NULL,
	"status" "gateway"."account_status" DEFAULT 'ACTIVE' NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "gateway"."cookie_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway"."ended_sessions" (
	"grant_id" text PRIMARY KEY NOT NULL,
	"ended_at" timestamp with time zone DEFAULT now() NOT NULL,
	"forget_after" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway"."oidc_payloads" (
	"model" text NOT NULL,
	"id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"grant_id" text,
	"uid" text,
	"expires_at" timestamp with time zone,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "oidc_payloads_model_id_pk" PRIMARY KEY("model","id")
);
--> statement-breakpoint
ALTER TABLE "gateway"."clients" ALTER COLUMN "institution_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "gateway"."clients" ALTER COLUMN "secret_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "gateway"."clients" ADD COLUMN "type" "gateway"."client_type" DEFAULT 'MACHINE' NOT NULL;--> statement-breakpoint
ALTER TABLE "gateway"."accounts" ADD CONSTRAINT "accounts_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "gateway"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_username_key" ON "gateway"."accounts" USING btree ("username");--> statement-breakpoint
CREATE INDEX "accounts_institution_idx" ON "gateway"."accounts" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "oidc_payloads_grant_idx" ON "gateway"."oidc_payloads" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "oidc_payloads_uid_idx" ON "gateway"."oidc_payloads" USING btree ("uid");--> statement-breakpoint
CREATE INDEX "oidc_payloads_expires_idx" ON "gateway"."oidc_payloads" USING btree ("expires_at");