import { describe, expect, it } from "vitest";
import { canonicalizeUrl, detectPlatform } from "./canonical-url";

describe("canonicalizeUrl", () => {
  it.each([
    ["https://www.facebook.com/police/posts/123", "https://facebook.com/police/posts/123"],
    ["http://m.facebook.com/police/posts/123/", "https://facebook.com/police/posts/123"],
    [
      "https://FACEBOOK.com/police/posts/123?fbclid=abc&__tn__=R",
      "https://facebook.com/police/posts/123",
    ],
    [
      "https://m.facebook.com/story.php?story_fbid=99&id=42&mibextid=xyz",
      "https://facebook.com/story.php?id=42&story_fbid=99",
    ],
    [
      "https://mobile.twitter.com/someone/status/1800000000000000001?s=20&t=abc",
      "https://x.com/i/status/1800000000000000001",
    ],
    [
      "https://twitter.com/SomeOne/status/1800000000000000001",
      "https://x.com/i/status/1800000000000000001",
    ],
    [
      "https://x.com/other_name/status/1800000000000000001/photo/1",
      "https://x.com/i/status/1800000000000000001",
    ],
    ["https://youtu.be/dQw4w9WgXcQ?si=share123", "https://youtube.com/watch?v=dQw4w9WgXcQ"],
    ["https://www.youtube.com/shorts/dQw4w9WgXcQ", "https://youtube.com/watch?v=dQw4w9WgXcQ"],
    [
      "https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=share&t=42",
      "https://youtube.com/watch?v=dQw4w9WgXcQ",
    ],
    [
      "https://www.youtube.com/watch?app=desktop&v=dQw4w9WgXcQ#comments",
      "https://youtube.com/watch?v=dQw4w9WgXcQ",
    ],
    [
      "https://www.instagram.com/reel/Cabc123/?igshid=xyz&igsh=1",
      "https://instagram.com/reel/Cabc123",
    ],
    [
      "https://www.tiktok.com/@user/video/7300000000000000000?is_from_webapp=1&sender_device=pc",
      "https://tiktok.com/@user/video/7300000000000000000",
    ],
    [
      "https://news.example.ma/article?id=42&utm_source=fb&utm_medium=social",
      "https://news.example.ma/article?id=42",
    ],
    [
      "https://news.example.ma/article?page=2&id=42",
      "https://news.example.ma/article?id=42&page=2",
    ],
    ["https://news.example.ma:443/a#top", "https://news.example.ma/a"],
    ["https://user:pass@news.example.ma:8080/a", "https://news.example.ma:8080/a"],
    ["https://t.me/channel/1234?single", "https://t.me/channel/1234?single="],
    ["https://telegram.me/channel/1234", "https://t.me/channel/1234"],
    ["https://هسبريس.com/خبر", "https://xn--ngbsec0hva.com/%D8%AE%D8%A8%D8%B1"],
    ["  https://example.com  ", "https://example.com/"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it.each([
    "javascript:alert(1)",
    "ftp://example.com/file",
    "data:text/html,hi",
    "example.com",
    "http://",
    "https://nodot",
    "not a url",
    "mailto:a@b.ma",
  ])("rejects %s", (input) => expect(canonicalizeUrl(input)).toBeNull());

  it("is idempotent", () => {
    for (const u of [
      "https://youtu.be/abc?si=1",
      "https://m.facebook.com/story.php?story_fbid=1&id=2",
      "https://twitter.com/a/status/9",
    ]) {
      const once = canonicalizeUrl(u)!;
      expect(canonicalizeUrl(once)).toBe(once);
    }
  });
});

describe("detectPlatform", () => {
  it.each([
    ["https://twitter.com/a/status/1", "x"],
    ["https://x.com/a", "x"],
    ["https://m.facebook.com/x", "facebook"],
    ["https://fb.watch/abc", "facebook"],
    ["https://www.instagram.com/p/abc", "instagram"],
    ["https://vm.tiktok.com/ZM123", "tiktok"],
    ["https://youtu.be/abc", "youtube"],
    ["https://music.youtube.com/watch?v=1", "youtube"],
    ["https://t.me/chan/1", "telegram"],
    ["https://wa.me/212600000000", "whatsapp"],
    ["https://chat.whatsapp.com/abc", "whatsapp"],
    ["https://news.example.ma/a", "website"],
    ["https://notfacebook.com/a", "website"],
  ])("%s is %s", (input, platform) => {
    expect(detectPlatform(input)).toBe(platform);
  });

  it("returns null for what is not a link", () =>
    expect(detectPlatform("javascript:1")).toBeNull());
});
