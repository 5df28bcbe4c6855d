CREATE TABLE "ministry"."stat_cells" (
	"measure" text NOT NULL,
	"year" integer NOT NULL,
	"kecamatan_code" text NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "stat_cells_pkey" PRIMARY KEY("year","measure","kecamatan_code","category")
);
