import { describe, expect, it } from "vitest";
import { sharedToReport } from "./shared";

describe("sharedToReport", () => {
  it("puts a shared link in the links and the words in the description", () => {
    expect(
      sharedToReport({
        title: "منشور",
        text: "عاجل: انفجار في المحطة https://www.facebook.com/share/p/1AbC/ شاهدوا",
        url: "",
      }),
    ).toEqual({
      urls: "https://www.facebook.com/share/p/1AbC/",
      description: "منشور\nعاجل: انفجار في المحطة شاهدوا",
    });
  });

  it("takes the url parameter, each link once, and nothing when nothing was shared", () => {
    expect(
      sharedToReport({ url: "https://x.com/a/status/1", text: "https://x.com/a/status/1" }),
    ).toEqual({ urls: "https://x.com/a/status/1" });
    expect(sharedToReport({ url: "javascript:alert(1)" })).toBeUndefined();
    expect(sharedToReport({})).toBeUndefined();
  });
});
