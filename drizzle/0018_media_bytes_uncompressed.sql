-- Stored pictures are WebP: already compressed. EXTERNAL keeps them out of line (TOAST) without
-- PostgreSQL first trying to compress each megabyte again, which costs CPU and saves nothing.
ALTER TABLE "media" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;--> statement-breakpoint
ALTER TABLE "media" ALTER COLUMN "thumb" SET STORAGE EXTERNAL;
