import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { contentBox, pdqOfPixels } from "./hash-image";
import { hammingDistance } from "./pdq";

const rgb = (width: number, height: number, at: (x: number, y: number) => number[]) => {
  const px = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) px.set(at(x, y), (y * width + x) * 3);
  return px;
};

describe("contentBox", () => {
  it("finds the picture inside bars of one colour, JPEG noise in the bars allowed", () => {
    const px = rgb(40, 30, (x, y) =>
      x >= 5 && x < 33 && y >= 4 && y < 20 ? [200, (x * 9) % 255, 40] : [3 + (x % 5), 0, 2],
    );
    expect(contentBox(px, 40, 30, 3)).toEqual({ left: 5, top: 4, width: 28, height: 16 });
  });

  it("keeps a picture without bars whole, and an all-border picture whole", () => {
    const photo = rgb(10, 8, (x, y) => [(x * 31 + y * 17) % 256, x * 20, y * 30]);
    expect(contentBox(photo, 10, 8, 3)).toEqual({ left: 0, top: 0, width: 10, height: 8 });
    const flat = rgb(10, 8, () => [255, 255, 255]);
    expect(contentBox(flat, 10, 8, 3)).toEqual({ left: 0, top: 0, width: 10, height: 8 });
  });
});

describe("pdqOfPixels", () => {
  it("hashes a letterboxed copy like the picture itself", async () => {
    const picture = await sharp({
      create: {
        width: 600,
        height: 400,
        channels: 3,
        noise: { type: "gaussian", mean: 128, sigma: 50 },
      },
    } as never)
      .blur(4)
      .png()
      .toBuffer();
    const boxed = await sharp(picture)
      .extend({ top: 120, bottom: 120, background: "#000" })
      .png()
      .toBuffer();
    const hash = async (input: Buffer) => {
      const { data, info } = await sharp(input).raw().toBuffer({ resolveWithObject: true });
      return (await pdqOfPixels(data, { width: info.width, height: info.height, channels: 3 }))
        .hash;
    };
    expect(hammingDistance(await hash(picture), await hash(boxed))).toBeLessThanOrEqual(8);
  });
});
