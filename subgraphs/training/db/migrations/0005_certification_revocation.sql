ALTER TABLE "training"."certifications" ADD COLUMN "revoked_on" date;--> statement-breakpoint
ALTER TABLE "training"."certifications" ADD COLUMN "revocation_reason" text;