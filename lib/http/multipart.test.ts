import { describe, expect, it } from "vitest";
import { ExpectedError } from "@/lib/errors";
import { readMultipart, type MultipartLimits } from "./multipart";

const LIMITS: MultipartLimits = {
  maxBytes: 64 * 1024,
  fileFields: ["images[]", "images"],
  maxFiles: 3,
  maxFileBytes: 1000,
  maxFieldBytes: 100,
};

const post = (body: BodyInit, headers?: Record<string, string>) =>
  new Request("http://x/api", { method: "POST", body, headers });

const form = (entries: [string, string | Blob][]) => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: unknown) =>
      e instanceof ExpectedError ? `${e.code}${e.detail?.reason ? `:${e.detail.reason}` : ""}` : e,
  );

describe("readMultipart", () => {
  it("returns the text fields and the pictures' bytes, in order, dropping other files", async () => {
    const body = form([
      ["kind", "rumor"],
      ["images[]", new Blob([new Uint8Array([1, 2, 3])], { type: "image/jpeg" })],
      ["other", new Blob(["not kept"])],
      ["images", new Blob([new Uint8Array(700).fill(9)])],
    ]);
    const { fields, files } = await readMultipart(post(body), LIMITS);
    expect(fields.get("kind")).toBe("rumor");
    expect(files.map((f) => [f.field, f.bytes.length])).toEqual([
      ["images[]", 3],
      ["images", 700],
    ]);
    expect([...files[0].bytes]).toEqual([1, 2, 3]);
  });

  it("skips the part an empty file field sends", async () => {
    const body = form([["images", new File([], "", { type: "application/octet-stream" })]]);
    expect((await readMultipart(post(body), LIMITS)).files).toEqual([]);
  });

  it("refuses one file too many, a file over its limit and a field over its size", async () => {
    const pic = () => new Blob([new Uint8Array(10)]);
    const four = form([
      ["images[]", pic()],
      ["images[]", pic()],
      ["images[]", pic()],
      ["images[]", pic()],
    ]);
    expect(await refusal(readMultipart(post(four), LIMITS))).toBe(
      "validation_failed:image_too_many",
    );
    const big = form([["images[]", new Blob([new Uint8Array(1001)])]]);
    expect(await refusal(readMultipart(post(big), LIMITS))).toBe("payload_too_large:image_too_big");
    const long = form([["description", "x".repeat(101)]]);
    expect(await refusal(readMultipart(post(long), LIMITS))).toBe("payload_too_large");
  });

  it("stops at the body limit even without a Content-Length, and refuses broken bodies", async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(
          new TextEncoder().encode(
            '--b\r\ncontent-disposition: form-data; name="images"; filename="a.jpg"\r\n\r\n',
          ),
        );
        for (let i = 0; i < 100; i++) c.enqueue(new Uint8Array(1024));
        c.close();
      },
    });
    const streamed = new Request("http://x/api", {
      method: "POST",
      body: chunks,
      headers: { "content-type": "multipart/form-data; boundary=b" },
      duplex: "half",
    } as RequestInit);
    expect(await refusal(readMultipart(streamed, LIMITS))).toBe("payload_too_large");
    const cut = post('--b\r\ncontent-disposition: form-data; name="kind"\r\n\r\nrum', {
      "content-type": "multipart/form-data; boundary=b",
    });
    expect(await refusal(readMultipart(cut, LIMITS))).toBe("validation_failed:multipart");
    const json = post("{}", { "content-type": "application/json" });
    expect(await refusal(readMultipart(json, LIMITS))).toBe("unsupported_media_type");
  });
});
