import type { IncomingMessage, ServerResponse } from "node:http";

export const CLIENT_ADDRESS_HEADER: "x-vs-client-address";
export function clientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedHops: number): string;
export function withClientAddress(
  listener: (req: IncomingMessage, res: ServerResponse) => void,
  trustedHops: number,
): (req: IncomingMessage, res: ServerResponse) => void;
