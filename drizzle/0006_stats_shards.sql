ALTER TABLE "stats_yearly" ADD COLUMN "shard" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stats_yearly" DROP CONSTRAINT "stats_yearly_year_metric_dimension_pk";--> statement-breakpoint
ALTER TABLE "stats_yearly" ADD CONSTRAINT "stats_yearly_year_metric_dimension_shard_pk" PRIMARY KEY("year","metric","dimension","shard");
