CREATE TABLE "training"."consent_feed" (
	"source" text PRIMARY KEY NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"usable_until" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training"."consent_facts" ADD COLUMN "source_seq" bigint;