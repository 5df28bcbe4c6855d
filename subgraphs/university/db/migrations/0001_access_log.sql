CREATE TABLE "university"."access_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" bigint DEFAULT 0 NOT NULL,
	"at" timestamp (6) with time zone DEFAULT now() NOT NULL,
	"request_id" text NOT NULL,
	"subgraph" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"institution_kind" text NOT NULL,
	"client_id" text NOT NULL,
	"acting_subject" text,
	"purpose" text,
	"case_reference" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"worker_id" uuid,
	"worker_district_code" text,
	"fields" text[] NOT NULL,
	"prev_hash" text DEFAULT '' NOT NULL,
	"hash" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "access_events_position_key" ON "university"."access_events" USING btree ("position");--> statement-breakpoint
CREATE INDEX "access_events_worker_idx" ON "university"."access_events" USING btree ("worker_id","at");--> statement-breakpoint
CREATE INDEX "access_events_at_idx" ON "university"."access_events" USING btree ("at");