import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders Markdown", () => {
    expect(renderMarkdown("**تكذيب** قاطع\n\n- نقطة")).toBe(
      "<p><strong>تكذيب</strong> قاطع</p>\n<ul>\n<li>نقطة</li>\n</ul>\n",
    );
  });

  it("renders script tags, HTML and event handlers inert", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n<a href="javascript:alert(1)">x</a>',
    );
    expect(html).not.toMatch(/<script|<img|<a /i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("refuses dangerous link targets and marks the others", () => {
    const html = renderMarkdown(
      "[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) [d](https://police.example.ma/x)",
    );
    expect(html).not.toMatch(/href="(javascript|data|vbscript):/i);
    expect(html).toContain(
      '<a href="https://police.example.ma/x" rel="nofollow noopener noreferrer">d</a>',
    );
  });

  it("shows images as their alt text only", () => {
    expect(renderMarkdown("![صورة مفبركة](https://evil.example/t.png)")).toBe(
      "<p>صورة مفبركة</p>\n",
    );
  });
});
