import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "@/lib/server/client-address.mjs";

/**
 * The client address of a request, as the server decided it (lib/server/client-address.mjs): never a
 * header the client wrote. "unknown" when the app runs without that server (next dev).
 */
export function clientAddressOf(h: Headers): string {
  return h.get(CLIENT_ADDRESS_HEADER) || "unknown";
}

/** clientAddressOf for the current request (pages, server actions, Auth.js callbacks). */
export async function requestClientAddress(): Promise<string> {
  try {
    return clientAddressOf(await headers());
  } catch {
    return "unknown"; // outside a request (tests calling library code directly)
  }
}
