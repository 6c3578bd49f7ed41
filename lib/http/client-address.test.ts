import { describe, expect, it } from "vitest";
import { clientAddress, trustedHops } from "@/scripts/client-address.mjs";

describe("clientAddress", () => {
  it("with no proxy trusted, is the socket's peer whatever the headers say", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.1", 0)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", undefined, 0)).toBe("203.0.113.7");
  });

  it("behind one proxy, is the entry that proxy appended, not the spoofed leftmost one", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the address it saw.
    expect(clientAddress("10.0.0.2", "1.1.1.1, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", "203.0.113.7", 1)).toBe("203.0.113.7");
  });

  it("behind two proxies, is the second entry from the right", () => {
    expect(clientAddress("10.0.0.3", "9.9.9.9, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    // Repeated headers are one list, in order.
    expect(clientAddress("10.0.0.3", ["9.9.9.9", "203.0.113.7, 10.0.0.2"], 2)).toBe("203.0.113.7");
  });

  it("rotating the leftmost entry never changes the client", () => {
    const seen = new Set(
      Array.from({ length: 50 }, (_, i) =>
        clientAddress("10.0.0.2", `192.0.2.${i}, 203.0.113.7`, 1),
      ),
    );
    expect([...seen]).toEqual(["203.0.113.7"]);
  });

  it("with fewer entries than trusted hops, takes the leftmost entry a proxy wrote, or the peer when there is none", () => {
    expect(clientAddress("10.0.0.3", "203.0.113.7", 2)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.3", undefined, 2)).toBe("10.0.0.3");
  });

  it("counts an IPv4 peer on a dual-stack socket as that IPv4 address", () => {
    expect(clientAddress("::ffff:203.0.113.7", undefined, 0)).toBe("203.0.113.7");
    expect(clientAddress("2001:DB8::1", undefined, 0)).toBe("2001:db8::1");
  });
});

describe("trustedHops", () => {
  it("is 0 unless set, and refuses what is not a small whole number", () => {
    expect(trustedHops(undefined)).toBe(0);
    expect(trustedHops("2")).toBe(2);
    expect(() => trustedHops("-1")).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => trustedHops("yes")).toThrow(/TRUST_PROXY_HOPS/);
  });
});
