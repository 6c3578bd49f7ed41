-- Text matching reads the newest rows of each MinHash band key. It read "order by report_id desc",
-- which with random report ids is an arbitrary sample: once a message had thousands of reports
-- in a closed case, the copies of its return (a new, open case) were rarely among the 50 rows
-- read per key, and each batch of them opened yet another case. `seq` is the insertion order;
-- existing rows are numbered in the table's physical order, close to it.
ALTER TABLE "report_text_bands" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "report_text_bands" DROP CONSTRAINT "report_text_bands_band_key_report_id_pk";--> statement-breakpoint
ALTER TABLE "report_text_bands" ADD CONSTRAINT "report_text_bands_band_key_seq_pk" PRIMARY KEY("band_key","seq");
