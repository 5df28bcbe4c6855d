CREATE TYPE "labour"."amendment_kind" AS ENUM('PLACEMENT_AMENDED', 'PLACEMENT_CANCELLED', 'DEPARTURE_CORRECTED', 'RETURN_CORRECTED', 'IDENTITY_CORRECTED', 'WORKER_UPDATED');--> statement-breakpoint
CREATE TABLE "labour"."amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "labour"."amendment_kind" NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"changes" jsonb NOT NULL,
	"reason" text,
	"supporting_document_id" uuid,
	"amended_by" uuid NOT NULL,
	"client_id" text NOT NULL,
	"acting_subject" text,
	"request_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "labour"."amendments" ADD CONSTRAINT "amendments_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "labour"."workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labour"."amendments" ADD CONSTRAINT "amendments_supporting_document_id_documents_id_fk" FOREIGN KEY ("supporting_document_id") REFERENCES "labour"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amendments_worker_idx" ON "labour"."amendments" USING btree ("worker_id","at");