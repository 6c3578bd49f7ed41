import { describe, expect, it } from "vitest";
import { POST } from "./route";

const share = (locale: string, fields: Record<string, string | Blob>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return POST(new Request("http://iblagh.test/api/share/x", { method: "POST", body: fd }), {
    params: Promise.resolve({ locale }),
  });
};

describe("POST /api/share/{locale} (no service worker)", () => {
  it("opens the report form with the shared words and link, the picture read past", async () => {
    const res = await share("fr", {
      text: "Regardez https://x.com/a/status/1",
      url: "https://x.com/a/status/1",
      images: new File([new Uint8Array(2048)], "a.jpg", { type: "image/jpeg" }),
    });
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get("location")!, "http://iblagh.test");
    expect(to.pathname).toBe("/fr/report");
    expect(to.searchParams.get("text")).toBe("Regardez https://x.com/a/status/1");
    expect(to.searchParams.get("url")).toBe("https://x.com/a/status/1");
  });

  it("cuts a long text to keep the address small, and opens the form on anything else", async () => {
    const long = await share("ar", { text: "خبر ".repeat(2000) });
    const to = new URL(long.headers.get("location")!, "http://iblagh.test");
    expect(to.searchParams.get("text")!.length).toBe(1500);
    expect(long.headers.get("location")!.length).toBeLessThan(16 * 1024);

    const broken = await POST(
      new Request("http://iblagh.test/api/share/zz", { method: "POST", body: "not a form" }),
      { params: Promise.resolve({ locale: "zz" }) },
    );
    expect(broken.status).toBe(303);
    expect(broken.headers.get("location")).toBe("/ar/report");
  });
});
