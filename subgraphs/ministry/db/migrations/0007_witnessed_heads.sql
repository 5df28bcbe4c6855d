CREATE TABLE "ministry"."witnessed_heads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service" text NOT NULL,
	"position" bigint NOT NULL,
	"hash" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"jwt" text NOT NULL,
	"kid" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"refusal" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "witnessed_heads_accepted_key" ON "ministry"."witnessed_heads" USING btree ("service","position") WHERE "ministry"."witnessed_heads"."refusal" is null;--> statement-breakpoint
CREATE INDEX "witnessed_heads_service_idx" ON "ministry"."witnessed_heads" USING btree ("service","signed_at");