// The evidence issue's targets: image intake against a bare sharp route, memory under 16
// concurrent 10 MB uploads, PDQ time and event-loop blocking, and the image match at scale.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import pg from "pg";
import sharp from "sharp";
import { env } from "@/lib/env";
import { pdqOfImage } from "@/lib/image/hash-image";
import { PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY } from "@/lib/image/pdq";
import { OPEN_STATUSES } from "@/lib/vocabulary";
import { add, median, ms, pct, rssOf, serverPid, startServer, stop, waitFor } from "./common";

/** A photo-like JPEG (smooth regions, edges, noise) of `w` × `h`, at most `targetMb`. */
async function photo(targetMb: number, [w, h] = [4000, 3000]): Promise<Buffer> {
  const shapes = Array.from({ length: 60 }, (_, i) => {
    const [x, y, r] = [(i * 977) % w, (i * 613) % h, 80 + ((i * 37) % 400)];
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="rgb(${(i * 53) % 255},${(i * 91) % 255},${(i * 29) % 255})"/>`;
  }).join("");
  const base = sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g"><stop offset="0" stop-color="#246"/><stop offset="1" stop-color="#db8"/></linearGradient></defs><rect width="${w}" height="${h}" fill="url(#g)"/>${shapes}</svg>`,
    ),
  );
  const noisy = await base
    .composite([
      {
        input: await sharp({
          create: {
            width: w,
            height: h,
            channels: 3,
            noise: { type: "gaussian", mean: 0, sigma: 18 },
          },
        } as never)
          .png()
          .toBuffer(),
        blend: "add",
      },
    ])
    .png()
    .toBuffer();
  // The largest quality that stays within the size asked for.
  let best = await sharp(noisy).jpeg({ quality: 30 }).toBuffer();
  for (let q = 34; q <= 100; q += 2) {
    const jpeg = await sharp(noisy).jpeg({ quality: q }).toBuffer();
    if (jpeg.length > targetMb * 1024 * 1024) break;
    best = jpeg;
  }
  return best;
}

function multipart(fields: Record<string, string>, file: Buffer) {
  const boundary = "----iblagh-bench";
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const body = Buffer.concat([
    Buffer.from(parts.join("")),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="images[]"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

// `connections` clients each sending one request after another for 20 s (fetch, not
// autocannon: with bodies of megabytes and answers taking a second, autocannon reported
// nothing completed; see BENCHMARKS.md).
async function loadOnce(url: string, body: Buffer, type: string, connections: number, pid: number) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 100);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + 20_000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const res = await fetch(url, {
          method: "POST",
          body: new Uint8Array(body),
          headers: { "content-type": type },
        }).catch(() => null);
        await res?.arrayBuffer();
        if (!res || res.status !== 201) errors++;
        else latencies.push(performance.now() - t);
      }
    }),
  );
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  return {
    rps: latencies.length / seconds,
    p99: Math.round(pct(latencies, 99) ?? 0),
    errors,
    peak,
  };
}

export async function imageScenarios(url: string) {
  const port = 3402;
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer(port, {
    DATABASE_URL: url,
    BENCH_ROUTES: "true",
    RATE_LIMIT_REPORTS: "0",
    AUTH_SECRET: env.AUTH_SECRET ?? "bench-secret-bench-secret-bench-secret",
    ENCRYPTION_KEY: env.ENCRYPTION_KEY ?? Buffer.alloc(32, 1).toString("base64"),
  });
  try {
    await waitFor(`${base}/api/health`, 60_000);
    const pid = serverPid(server.pid!);
    const jpeg = await photo(1.5);
    const fields = {
      kind: "rumor",
      category: "manipulated_media",
      platform: "whatsapp",
      description: "صورة متداولة عن حادث سير خطير في الطريق السيار بين الرباط والدار البيضاء",
      declaration: "true",
    };
    const { body, type } = multipart(fields, jpeg);
    // Warm both routes, then alternate runs.
    for (const path of ["/api/bench/image", "/api/v1/reports"])
      await fetch(`${base}${path}`, { method: "POST", body, headers: { "content-type": type } });
    const ceiling: Awaited<ReturnType<typeof loadOnce>>[] = [];
    const intake: Awaited<ReturnType<typeof loadOnce>>[] = [];
    for (let i = 0; i < 3; i++) {
      ceiling.push(await loadOnce(`${base}/api/bench/image`, body, type, 8, pid));
      intake.push(await loadOnce(`${base}/api/v1/reports`, body, type, 8, pid));
    }
    const ratios = intake.map((r, i) => r.rps / ceiling[i].rps);
    const errors = intake.reduce((n, r) => n + r.errors, 0);
    add(
      `Image intake (one ${(jpeg.length / 1048576).toFixed(1)} MB 12-megapixel JPEG, 8 connections) vs decode-strip-encode route`,
      `${median(intake.map((r) => r.rps)).toFixed(1)} vs ${median(ceiling.map((r) => r.rps)).toFixed(1)} req/s = ${(median(ratios) * 100).toFixed(0)}% (runs ${ratios.map((x) => (x * 100).toFixed(0)).join(", ")}); p99 ${median(intake.map((r) => r.p99))} ms; ${errors} errors`,
      "≥ 80%, 0 errors",
      median(ratios) >= 0.8 && errors === 0,
    );

    // 16 concurrent uploads of a 10 MB picture (24 megapixels): the server's resident memory.
    const big = await photo(9.9, [6000, 4000]);
    if (big.length >= 10 * 1024 * 1024) throw new Error("the 10 MB picture came out too big");
    const bigBody = multipart(fields, big);
    await new Promise((r) => setTimeout(r, 3000));
    const idle = rssOf(pid);
    let peak = idle;
    const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 50);
    const answers = await Promise.all(
      Array.from({ length: 16 }, () =>
        fetch(`${base}/api/v1/reports`, {
          method: "POST",
          body: bigBody.body,
          headers: { "content-type": bigBody.type },
        }).then((r) => r.status),
      ),
    );
    clearInterval(timer);
    await new Promise((r) => setTimeout(r, 5000));
    const after = rssOf(pid);
    add(
      `Memory: 16 concurrent uploads of a ${(big.length / 1048576).toFixed(1)} MB 24-megapixel picture`,
      `RSS ${idle.toFixed(0)} → peak ${peak.toFixed(0)} MB (+${(peak - idle).toFixed(0)} MB), ${after.toFixed(0)} MB 5 s later; answers ${[...new Set(answers)].join(", ")}`,
      "≤ +300 MB, back near idle",
      peak - idle <= 300 && answers.every((s) => s === 201),
    );
  } finally {
    await stop(server);
  }

  // PDQ of a 12-megapixel photo, decode included, on this process (sharp on one thread).
  sharp.concurrency(1);
  const jpeg = await photo(1.5);
  const h = monitorEventLoopDelay({ resolution: 5 });
  const times: number[] = [];
  await pdqOfImage(jpeg);
  h.enable();
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await pdqOfImage(jpeg);
    times.push(performance.now() - t);
  }
  h.disable();
  const blocked = h.max / 1e6;
  add(
    "PDQ of a 12-megapixel JPEG, decode included, one core",
    `${ms(median(times))} per picture (p95 ${ms(pct(times, 95))}); event loop blocked at most ${blocked.toFixed(1)} ms`,
    "reported; event loop ≤ 50 ms",
    blocked <= 50,
  );
}

/** The image match at the database's scale (`npm run db:generate -- --images N`). */
export async function imageMatchScenario(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const [{ n }] = (
    await pool.query(`select count(*)::int as n from media_hash_chunks where chunk = 0`)
  ).rows as { n: number }[];
  const sample = (
    await pool.query(
      `select iblagh_pdq_hex(m.pdq) as pdq, c.kind from media m join report_media rm on rm.sha256 = m.sha256
       join reports r on r.id = rm.report_id join cases c on c.id = r.case_id
       where c.status = any($1) order by random() limit 100`,
      [OPEN_STATUSES],
    )
  ).rows as { pdq: string; kind: string }[];
  const flip = (hex: string, bits: number) => {
    const b = Buffer.from(hex, "hex");
    for (let i = 0; i < bits; i++) b[(i * 7) % 32] ^= 1 << (i % 8);
    return b.toString("hex");
  };
  const time = async (media: unknown, kind: string) => {
    const t = performance.now();
    const { rows } = await pool.query(
      `select case_id from iblagh_case_for_images($1::jsonb, $2, $3, $4, $5)`,
      [JSON.stringify(media), kind, OPEN_STATUSES, PDQ_MATCH_DISTANCE, PDQ_MIN_QUALITY],
    );
    return { ms: performance.now() - t, found: rows[0]?.case_id != null };
  };
  const near = [];
  const unseen = [];
  for (const s of sample) {
    near.push(await time([{ sha256: "0".repeat(64), pdq: flip(s.pdq, 12), quality: 100 }], s.kind));
    const random = Buffer.from(Array.from({ length: 32 }, () => Math.floor(Math.random() * 256)));
    unseen.push(
      await time([{ sha256: "1".repeat(64), pdq: random.toString("hex"), quality: 100 }], s.kind),
    );
  }
  const p95 = (xs: { ms: number }[]) =>
    pct(
      xs.map((x) => x.ms),
      95,
    );
  add(
    `Image match at ${n.toLocaleString("en")} stored hashes p95, near-copy (12 bits flipped)`,
    `${ms(p95(near))}; found ${near.filter((x) => x.found).length}/${near.length}`,
    "≤ 20 ms",
    p95(near) <= 20,
  );
  add(
    `Image match at ${n.toLocaleString("en")} stored hashes p95, unseen picture`,
    `${ms(p95(unseen))}; found ${unseen.filter((x) => x.found).length}/${unseen.length}`,
    "≤ 20 ms",
    p95(unseen) <= 20,
  );
  await pool.end();
}

/**
 * Embedded mode (PGlite) holding 1,000 pictures: the server's resident memory once they are
 * stored, and after a staff-free read of them (the thumbnails are read through the database).
 */
export async function embeddedImagesScenario() {
  const port = 3403;
  const base = `http://127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "iblagh-bench-images-"));
  const server = await startServer(port, {
    DATABASE_URL: "",
    DATA_DIR: dir,
    SEED: "none",
    RATE_LIMIT_REPORTS: "0",
  });
  try {
    await waitFor(`${base}/api/health`, 180_000);
    const pid = serverPid(server.pid!);
    const idle = rssOf(pid);
    let peak = idle;
    const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 200);
    // A phone's screenshot each (1080 × 1920, a different one every time: nothing deduplicated).
    const screenshot = (i: number) =>
      sharp({
        create: {
          width: 1080,
          height: 1920,
          channels: 3,
          background: { r: i % 256, g: (i * 7) % 256, b: 90 },
        },
      })
        .composite([
          {
            input: Buffer.from(
              `<svg width="1080" height="1920"><rect x="${(i * 13) % 800}" y="${(i * 29) % 1600}" width="260" height="300" fill="#fff"/><circle cx="540" cy="${200 + ((i * 17) % 1500)}" r="120" fill="#123"/></svg>`,
            ),
          },
        ])
        .jpeg({ quality: 85 })
        .toBuffer();
    const count = Number(process.env.BENCH_PICTURES) || 1000;
    let next = 0;
    let failed = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < count) {
          const i = next++;
          const { body, type } = multipart(
            {
              kind: i % 2 ? "rumor" : "violent_content",
              category: i % 2 ? "manipulated_media" : "incitement",
              platform: "whatsapp",
              description: `لقطة شاشة رقم ${i} لمنشور متداول يحرض على العنف ${i * 7919}`,
              urls: `https://www.facebook.com/post/${i * 7919}`,
              declaration: "true",
            },
            await screenshot(i),
          );
          const res = await fetch(`${base}/api/v1/reports`, {
            method: "POST",
            body: new Uint8Array(body),
            headers: { "content-type": type },
          });
          const answer = await res.text();
          if (res.status !== 201) {
            failed++;
            if (failed === 1) console.error(`first failure: ${res.status} ${answer.slice(0, 300)}`);
          }
        }
      }),
    );
    clearInterval(timer);
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 5000));
    const stored = rssOf(pid);
    const disk = fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .reduce((n, f) => n + fs.statSync(path.join(f.parentPath, f.name)).size, 0);
    add(
      `Embedded mode with ${count.toLocaleString("en")} stored pictures (1080 × 1920 screenshots, 4 clients)`,
      `RSS ${idle.toFixed(0)} MB idle → peak ${peak.toFixed(0)} MB while storing → ${stored.toFixed(0)} MB after; ${seconds.toFixed(0)} s (${(count / seconds).toFixed(1)} pictures/s), ${failed} failed; data folder ${(disk / 1048576).toFixed(0)} MB`,
      "reported",
      null,
    );
  } finally {
    await stop(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
