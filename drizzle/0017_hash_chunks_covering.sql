-- The image match read each candidate's hash from media, one heap access per candidate (about
-- 4,000 of them at a million pictures): the hash now sits in the chunk rows and the primary
-- key's index includes it, so candidates are checked from the index alone (BENCHMARKS.md).
ALTER TABLE "media_hash_chunks" ADD COLUMN "pdq" bit(256);--> statement-breakpoint
UPDATE "media_hash_chunks" k SET "pdq" = m."pdq" FROM "media" m WHERE m."sha256" = k."sha256";--> statement-breakpoint
ALTER TABLE "media_hash_chunks" ALTER COLUMN "pdq" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "media_hash_chunks" DROP CONSTRAINT "media_hash_chunks_chunk_value_sha256_pk";--> statement-breakpoint
ALTER TABLE "media_hash_chunks" ADD CONSTRAINT "media_hash_chunks_chunk_value_sha256_pk" PRIMARY KEY ("chunk", "value", "sha256") INCLUDE ("pdq");
