CREATE TYPE "gateway"."idempotency_status" AS ENUM('PENDING', 'COMPLETED');--> statement-breakpoint
CREATE TABLE "gateway"."idempotency_keys" (
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" "gateway"."idempotency_status" DEFAULT 'PENDING' NOT NULL,
	"response_status" integer,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
CREATE TABLE "gateway"."trusted_documents" (
	"client_id" text NOT NULL,
	"hash" text NOT NULL,
	"document" text NOT NULL,
	"name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trusted_documents_client_id_hash_pk" PRIMARY KEY("client_id","hash")
);
--> statement-breakpoint
ALTER TABLE "gateway"."clients" ADD COLUMN "trusted_documents_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "gateway"."clients" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "gateway"."trusted_documents" ADD CONSTRAINT "trusted_documents_client_id_clients_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "gateway"."clients"("client_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "gateway"."idempotency_keys" USING btree ("created_at");