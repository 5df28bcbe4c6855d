CREATE TABLE "labour"."stat_cells" (
	"measure" text NOT NULL,
	"year" integer NOT NULL,
	"kecamatan_code" text NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "stat_cells_pkey" PRIMARY KEY("year","measure","kecamatan_code","category")
);
--> statement-breakpoint
CREATE TABLE "labour"."stat_subject_cells" (
	"subject_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"year" integer NOT NULL,
	"kecamatan_code" text NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "stat_subject_cells_pkey" PRIMARY KEY("subject_id","measure","year","kecamatan_code","category")
);
