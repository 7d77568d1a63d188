import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, CLIENT_ADDRESS_HEADER, withClientAddress } from "@/lib/server/client-address.mjs";

// Which address sign-in throttling and the security log see (security issue, finding 1).
describe("clientAddress", () => {
  it("with no trusted proxy, is the connection's address whatever X-Forwarded-For says", () => {
    expect(clientAddress("203.0.113.9", "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress(undefined, "198.51.100.4", 0)).toBe("198.51.100.4");
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("with N trusted proxies, is the address the outermost trusted proxy saw, not what the client prepended", () => {
    // client 203.0.113.9 -> proxy (appends the client's address) -> this server
    expect(clientAddress("203.0.113.9", "10.1.1.1", 1)).toBe("203.0.113.9");
    // a client that forges a first entry does not move the answer
    expect(clientAddress("1.2.3.4, 203.0.113.9", "10.1.1.1", 1)).toBe("203.0.113.9");
    // two proxies
    expect(clientAddress(["1.2.3.4, 203.0.113.9", "10.2.2.2"], "10.1.1.1", 2)).toBe("203.0.113.9");
    // fewer entries than trusted hops: the furthest one known
    expect(clientAddress("", "10.1.1.1", 3)).toBe("10.1.1.1");
  });
});

describe("withClientAddress on a real HTTP server", () => {
  it("overwrites a client's own client-address header and ignores its X-Forwarded-For", async () => {
    const seen: string[] = [];
    const server = http.createServer(
      withClientAddress((req, res) => {
        seen.push(String(req.headers[CLIENT_ADDRESS_HEADER]));
        res.end("ok");
      }, 0),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const forged of ["203.0.113.1", "203.0.113.2"]) {
        const r = await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Forwarded-For": forged, [CLIENT_ADDRESS_HEADER]: forged } });
        expect(await r.text()).toBe("ok");
      }
    } finally {
      server.close();
    }
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1"]);
  });
});
