CREATE TABLE "gateway"."rate_limit_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"bucket" bigint NOT NULL,
	"counts" integer[] NOT NULL,
	"allowed" boolean NOT NULL,
	"expires_ms" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limit_counters_expires_idx" ON "gateway"."rate_limit_counters" USING btree ("expires_ms");