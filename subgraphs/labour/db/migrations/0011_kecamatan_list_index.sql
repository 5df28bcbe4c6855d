DROP INDEX "labour"."workers_district_idx";--> statement-breakpoint
CREATE INDEX "workers_district_name_idx" ON "labour"."workers" USING btree ("district_code" text_pattern_ops,"full_name","id");