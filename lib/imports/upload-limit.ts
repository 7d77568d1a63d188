import { Readable } from "node:stream";
import { ImportRefused } from "@/lib/import";

// The web upload's size limit (UPLOAD_MAX_BYTES). A declared Content-Length over the limit is refused
// before a byte is read; a body that runs past it anyway (no Content-Length, or a false one) stops the
// import as a refused file, so the import's own all-or-nothing rollback leaves nothing written.

/** A size in the words of the limit's messages: "200 MB", "1.5 KB", "10 bytes". */
export function sizeLabel(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  const kb = bytes / 1024;
  return kb >= 1 ? `${Number(kb.toFixed(1))} KB` : `${bytes} bytes`;
}

export function tooLargeMessage(maxBytes: number): string {
  return `The file is larger than the limit of ${sizeLabel(maxBytes)} for an upload, so nothing was imported. Split it into smaller files, or ask your administrator to import it from the command line.`;
}

/** Thrown by the capped body: the import records the run as refused, with this message. */
export class UploadTooLarge extends ImportRefused {
  constructor(maxBytes: number) {
    super(tooLargeMessage(maxBytes));
    this.name = "UploadTooLarge";
  }
}

/** True when the request says in advance that its body is over the limit. */
export function declaredTooLarge(request: Request, maxBytes: number): boolean {
  const declared = request.headers.get("content-length");
  return declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes;
}

/**
 * The bytes of `body`, failing with UploadTooLarge as soon as more than `maxBytes` have arrived;
 * `overLimit()` says afterwards whether that is why the import stopped.
 */
export function capped(body: AsyncIterable<Uint8Array>, maxBytes: number): { input: Readable; overLimit: () => boolean } {
  let over = false;
  async function* read(): AsyncGenerator<Uint8Array> {
    let seen = 0;
    for await (const chunk of body) {
      seen += chunk.byteLength;
      if (seen > maxBytes) {
        over = true;
        throw new UploadTooLarge(maxBytes);
      }
      yield chunk;
    }
  }
  return { input: Readable.from(read(), { objectMode: false }), overLimit: () => over };
}
