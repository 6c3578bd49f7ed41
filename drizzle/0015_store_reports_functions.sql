-- iblagh_intake is now iblagh_store_reports, built from small functions, one file each under
-- drizzle/functions (applied after the migrations, by checksum).
DROP FUNCTION IF EXISTS iblagh_intake(jsonb);
