CREATE SCHEMA "gateway";
--> statement-breakpoint
CREATE TYPE "gateway"."client_status" AS ENUM('ACTIVE', 'SUSPENDED');--> statement-breakpoint
CREATE TYPE "gateway"."institution_kind" AS ENUM('LABOUR_OFFICE', 'MINISTRY', 'TRAINING_PROVIDER', 'UNIVERSITY');--> statement-breakpoint
CREATE TABLE "gateway"."clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"institution_id" uuid NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"label" text NOT NULL,
	"status" "gateway"."client_status" DEFAULT 'ACTIVE' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"suspended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "gateway"."institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "gateway"."institution_kind" NOT NULL,
	"region_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway"."signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "gateway"."clients" ADD CONSTRAINT "clients_institution_id_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "gateway"."institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clients_institution_idx" ON "gateway"."clients" USING btree ("institution_id");