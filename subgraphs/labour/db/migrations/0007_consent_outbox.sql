CREATE TABLE "labour"."consent_outbox" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"consent_id" uuid NOT NULL,
	"grantee_service" text NOT NULL,
	"fact" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "labour"."consent_outbox" ADD CONSTRAINT "consent_outbox_consent_id_consents_id_fk" FOREIGN KEY ("consent_id") REFERENCES "labour"."consents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_outbox_pending_idx" ON "labour"."consent_outbox" USING btree ("grantee_service","seq") WHERE "labour"."consent_outbox"."delivered_at" is null;