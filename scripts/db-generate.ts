// npm run db:generate -- --reports N [--images M]   (DATABASE_URL required)
// --reports 0 --images M adds M picture hashes to a database filled before.
// Fills a Postgres database with N realistic reports for benchmarks: ~5 reports per case on a
// skewed distribution, mixed Arabic/French/English text, 80% with links, three years of history,
// statements and referrals. Bulk SQL on the server (generate_series), so a million takes minutes.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { connectPostgres, type Db } from "@/lib/db/connect";
import { env } from "@/lib/env";
import { rebuildRollup } from "@/lib/stats/rebuild";
import { bandKeys } from "@/lib/text/minhash";
import { normalizeText } from "@/lib/text/normalize";

const TEMPLATES = [
  "منشور يزعم اختطاف أطفال أمام مدرسة في حي {n} بمدينة الدار البيضاء",
  "بلاغ مزور منسوب للأمن الوطني يعلن حظر التجول في المنطقة {n}",
  "فيديو قديم يقدم على أنه مواجهات جرت اليوم في السوق رقم {n}",
  "Un faux communiqué annonce la fermeture de l’autoroute numéro {n} à Rabat",
  "Une vidéo ancienne présentée comme une agression récente dans le quartier {n}",
  "A forwarded voice note claims a wave of thefts in market {n} of Marrakech",
  "فيديو يوثق اعتداء بالسلاح الأبيض على مواطن في الشارع {n}",
];

async function main() {
  const { values } = parseArgs({
    options: {
      reports: { type: "string", default: "100000" },
      images: { type: "string", default: "0" },
    },
  });
  const N = Number(values.reports);
  const M = Number(values.images);
  if (!env.DATABASE_URL)
    throw new Error("DATABASE_URL is required: the generator writes to a PostgreSQL server.");
  if (!Number.isInteger(N) || (N < 10 && N !== 0)) throw new Error("--reports N, N ≥ 10 (or 0)");
  if (!Number.isInteger(M) || M < 0) throw new Error("--images M, M ≥ 0");
  const conn = connectPostgres(env.DATABASE_URL, { max: 2 });
  const db = conn.db;
  const t0 = Date.now();
  const step = (label: string) =>
    console.log(`${((Date.now() - t0) / 1000).toFixed(1).padStart(7)} s  ${label}`);
  await conn.migrate();
  step("migrated");
  if (N > 0) await generateReports(db, N, step);
  if (M > 0) await generateImages(db, M, step);
  await conn.close();
}

/**
 * M picture hashes (not pixels: a 1-byte placeholder each) on reports drawn at random, with their
 * multi-index chunks: what the image match reads. Hashes are random 256-bit strings, as PDQ's
 * are close to on varied pictures.
 */
async function generateImages(db: Db, M: number, step: (l: string) => void) {
  await db.execute(sql`
    insert into media (sha256, kind, mime, bytes, size, pdq, pdq_quality, received_at)
    select encode(sha256(('bench-image-' || n)::bytea), 'hex'), 'image', 'image/webp', decode('00', 'hex'), 1,
      (select string_agg(case when random() < 0.5 then '1' else '0' end, '') from generate_series(1, 256) b where n > 0)::bit(256),
      100, now() - random() * interval '1000 days'
    from generate_series(1, ${M}) n
    on conflict do nothing`);
  step(`${M} picture hashes inserted`);
  await db.execute(sql`
    insert into media_hash_chunks (chunk, value, sha256, pdq)
    select c.chunk, c.value, m.sha256, m.pdq from media m, iblagh_pdq_chunks(m.pdq) c
    where m.size = 1
    order by 1, 2, 3
    on conflict do nothing`);
  step("their chunks indexed");
  await db.execute(sql`
    insert into report_media (report_id, position, sha256)
    select r.id, 0, m.sha256
    from (select sha256, row_number() over () as k from media where size = 1) m
    join (select id, row_number() over (order by random()) as k from reports tablesample system (50)) r on r.k = m.k
    on conflict do nothing`);
  await db.execute(sql`vacuum analyze media, media_hash_chunks, report_media`);
  step("linked to reports, vacuumed and analysed: done");
}

async function generateReports(db: Db, N: number, step: (l: string) => void) {
  const C = Math.ceil(N / 5);

  const [{ id: staffId }] = (
    await db.execute(sql`insert into staff_users (email, roles, password_hash) values ('generator@bench.iblagh.local', array['publisher'], ${await hashPassword("generator-not-for-sign-in")})
      on conflict (email) do update set email = excluded.email returning id`)
  ).rows as { id: string }[];

  await db.execute(sql`drop table if exists g_cases`);
  await db.execute(sql`create unlogged table g_cases as
    select n, gen_random_uuid() as id,
      case when random() < 0.85 then 'rumor' else 'violent_content' end as kind,
      (n % ${TEMPLATES.length}) as tpl,
      random() < 0.8 as has_link,
      (array['facebook','x','tiktok','instagram','youtube','whatsapp','telegram','website'])[1 + floor(random() * 8)::int] as platform,
      now() - (random() * interval '1095 days') as first_at
    from generate_series(1, ${C}) n`);
  await db.execute(sql`create index on g_cases (n)`);
  step(`${C} cases planned`);

  // Forwarded messages (no link) are matched by text: their normalised text and MinHash bands
  // are computed here with the app's own functions.
  const linkless = (await db.execute(sql`select n, tpl from g_cases where not has_link`)).rows as {
    n: number;
    tpl: number;
  }[];
  await db.execute(sql`drop table if exists g_text`);
  await db.execute(
    sql`create unlogged table g_text (n int primary key, description text, norm text, bands bigint[])`,
  );
  for (let i = 0; i < linkless.length; i += 2000) {
    const chunk = linkless.slice(i, i + 2000).map((c) => {
      const description = TEMPLATES[c.tpl].replace("{n}", String(c.n));
      const norm = normalizeText(description);
      return sql`(${c.n}, ${description}, ${norm}, ${`{${bandKeys(norm).join(",")}}`}::bigint[])`;
    });
    await db.execute(
      sql`insert into g_text (n, description, norm, bands) values ${sql.join(chunk, sql`, `)}`,
    );
  }
  step(`${linkless.length} forwarded-message texts and their bands`);

  await db.execute(sql`insert into cases (id, kind, category, summary, status, priority, platforms, report_count, first_report_at, latest_report_at, status_changed_at, closed_at, expertise_at, search_text)
    select g.id, g.kind,
      case when g.kind = 'rumor' then (array['security_rumor','fake_incident','impersonation','manipulated_media','other_rumor'])[1 + (g.n % 5)]
           else (array['violence','crime_documentation','threats_weapons','incitement','terrorism_praise','other_violent'])[1 + (g.n % 6)] end,
      coalesce(t.description, ${TEMPLATES[0]}),
      s.status,
      (array['low','normal','normal','normal','high','urgent'])[1 + (g.n % 6)],
      array[case when g.has_link then g.platform else 'whatsapp' end], 0, g.first_at, g.first_at, g.first_at + interval '2 days',
      case when s.status in ('new','triage','verifying','expertise') then null else g.first_at + interval '3 days' end,
      case when g.kind = 'violent_content' and s.status in ('expertise','referred','no_action') then g.first_at + interval '1 day' end,
      coalesce(t.norm, '')
    from g_cases g
    left join g_text t on t.n = g.n
    cross join lateral (select case
      when g.first_at > now() - interval '30 days' then (array['new','triage','verifying','new'])[1 + (g.n % 4)]
      when g.kind = 'violent_content' then (array['referred','referred','no_action','expertise'])[1 + (g.n % 4)]
      else (array['no_action','no_action','debunked','confirmed','duplicate','no_action'])[1 + (g.n % 6)] end
      as status) s`);
  await db.execute(
    sql`update cases set status = 'triage' where kind = 'rumor' and status = 'expertise'`,
  );
  step("cases inserted");

  await db.execute(sql`insert into reports (receipt_hash, kind, category, platform, description, description_norm, locale, case_id, submitted_at)
    select md5(r::text || random()::text) || md5(random()::text), c.kind, c.category, c.platforms[1],
      c.summary || ' (' || r || ')', c.search_text || ' ' || r,
      (array['ar','ar','ar','fr','fr','en'])[1 + (r % 6)], c.id,
      least(now(), c.first_report_at + (case when r <= ${C} then interval '0' else random() * interval '72 hours' end))
    from (select r, case when r <= ${C} then r else 1 + floor(${C} * power(random(), 2))::int end as cn from generate_series(1, ${N}) r) x
    join g_cases g on g.n = x.cn
    join cases c on c.id = g.id`);
  step(`${N} reports inserted`);

  await db.execute(sql`insert into report_links (report_id, position, url, canonical_url, platform)
    select r.id, 0, 'https://' || g.platform || '.example/p/' || g.n, 'https://' || g.platform || '.example/p/' || g.n, g.platform
    from reports r join g_cases g on g.id = r.case_id where g.has_link`);
  await db.execute(
    sql`insert into case_links (canonical_url, case_id) select distinct 'https://' || platform || '.example/p/' || n, id from g_cases where has_link on conflict do nothing`,
  );
  step("links inserted");
  await db.execute(sql`insert into report_text_bands (band_key, report_id)
    select unnest(t.bands), r.id from reports r join g_cases g on g.id = r.case_id join g_text t on t.n = g.n on conflict do nothing`);
  step("text bands inserted");

  await db.execute(
    sql`update cases c set report_count = a.n, latest_report_at = a.latest from (select case_id, count(*) n, max(submitted_at) latest from reports group by case_id) a where a.case_id = c.id`,
  );
  await db.execute(
    sql`update cases c set merged_into_id = (select id from cases s where s.status <> 'duplicate' and s.kind = c.kind limit 1) where c.status = 'duplicate'`,
  );
  step("case counters");

  // Statements for debunked and confirmed cases, each with its published version.
  await db.execute(sql`insert into statements (case_id, type, slug, status, content, appearances, author_id, version, published_at, updated_at, search_text)
    select c.id, case c.status when 'debunked' then 'denial' else 'truth' end, null, 'published',
      jsonb_build_object('ar', jsonb_build_object('title', 'بيان بخصوص ' || c.summary, 'summary', 'تنفي المصالح الأمنية ما يروج.', 'body', 'لا صحة لهذا الخبر.', 'claimReviewed', c.summary, 'verdict', 'خبر زائف')),
      '[]'::jsonb, ${staffId}, 1, c.closed_at, c.closed_at, c.search_text
    from cases c where c.status in ('debunked', 'confirmed') and c.id not in (select case_id from statements)`);
  await db.execute(
    sql`update statements set slug = extract(year from published_at)::int || '-' || ref where slug is null`,
  );
  await db.execute(sql`insert into statement_versions (statement_id, version, content, appearances, published_at, approved_by)
    select id, 1, content, appearances, published_at, ${staffId} from statements s where not exists (select 1 from statement_versions v where v.statement_id = s.id)`);
  step("statements inserted");

  await rebuildRollup(db, env.STATS_TIMEZONE);
  await db.execute(sql`drop table g_cases`);
  await db.execute(sql`drop table g_text`);
  // Vacuumed as well as analysed: after a bulk load the visibility map is empty, so index-only
  // scans (the queue counts) would visit the heap until autovacuum gets there.
  await db.execute(sql`vacuum analyze`);
  step("roll-up rebuilt, vacuumed and analysed: done");
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
