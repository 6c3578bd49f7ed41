// npm run pdq -- FILE…: prints "HASH QUALITY FILE" per file, the reference tool's format. The
// EXIF orientation is not applied (as the reference does); --orient applies it, as intake does.
import fs from "node:fs";
import { pdqOfImage } from "@/lib/image/hash-image";

async function main() {
  const args = process.argv.slice(2);
  const orient = args.includes("--orient");
  const files = args.filter((a) => a !== "--orient");
  if (files.length === 0) {
    console.error("usage: npm run pdq -- [--orient] FILE…");
    process.exit(2);
  }
  let failed = 0;
  for (const file of files) {
    try {
      const { hash, quality } = await pdqOfImage(fs.readFileSync(file), { orient });
      console.log(`${hash} ${quality} ${file}`);
    } catch (error) {
      failed++;
      console.error(`${file}: ${(error as Error).message}`);
    }
  }
  process.exit(failed ? 1 : 0);
}
main();
