import { describe, expect, it } from "vitest";
import { decodablePath, decodeSegment, parseId } from "@/lib/url-params";

// Values from the URL's path: anything the app's own links cannot have written is "no such record".
describe("URL values", () => {
  it("reads ids the app writes, and nothing else", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId("2147483647")).toBe(2_147_483_647);
    for (const text of ["2147483648", "99999999999999999999", "0", "-1", "01", "1.0", "1e3", "0x10", " 1", "", undefined]) expect(parseId(text)).toBeNull();
  });

  it("decodes a segment, or says it cannot", () => {
    expect(decodeSegment("A%20B%2FC")).toBe("A B/C");
    for (const segment of ["%E0%A4%A", "%", "%ZZ", "%00", "%ED%A0%80"]) expect(decodeSegment(segment)).toBeNull();
  });

  it("tells a path the router cannot decode", () => {
    expect(decodablePath("/demo/children/K%201")).toBe(true);
    expect(decodablePath("/demo/children/%E0%A4%A")).toBe(false);
    expect(decodablePath("/%E0%A4%A/caseload")).toBe(false);
  });
});
