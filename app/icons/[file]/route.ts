import fs from "node:fs";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { ICON_SIZES } from "@/lib/share/icon";

// The installable app's icons (the manifest asks for PNGs of 192 and 512 px), rendered from the
// favicon's SVG at build time.
export const dynamic = "force-static";
export function generateStaticParams() {
  return ICON_SIZES.map((size) => ({ file: `${size}.png` }));
}

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const size = Number(file.match(/^(\d+)\.png$/)?.[1]);
  if (!(ICON_SIZES as readonly number[]).includes(size)) return new Response(null, { status: 404 });
  const svg = fs.readFileSync(path.join(process.cwd(), "app/icon.svg"), "utf8");
  const png = new Resvg(svg, { fitTo: { mode: "width", value: size } }).render().asPng();
  return new Response(new Uint8Array(png), {
    headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=86400" },
  });
}
