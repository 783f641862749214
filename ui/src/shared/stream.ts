/** Reading a streamed download with progress; pure over a ReadableStream, so Vitest covers it. */

export interface Progress {
  bytes: number;
  /** Lines received so far: rows of NDJSON, or rows plus the header line of CSV. */
  lines: number;
}

const NEWLINE = 10;

/** Reads every chunk, reporting the bytes and lines received after each one. */
export async function readWithProgress(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  onProgress: (progress: Progress) => void,
): Promise<Uint8Array<ArrayBuffer>[]> {
  const reader = body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const progress: Progress = { bytes: 0, lines: 0 };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
    progress.bytes += value.byteLength;
    progress.lines += countNewlines(value);
    onProgress({ ...progress });
  }
}

export function countNewlines(chunk: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] === NEWLINE) count++;
  return count;
}

/** Data rows in what was received: CSV's first line is its header. */
export function rowsReceived(progress: Progress, format: "csv" | "ndjson"): number {
  return format === "csv" ? Math.max(0, progress.lines - 1) : progress.lines;
}

/** 1,234 bytes, 12.3 kB, 4.5 MB: as a progress line reads best. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes.toLocaleString("en")} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** "12 rows, 3.4 kB": what a finished or cancelled export held. */
export function exportSummary(bytes: number, progress: Progress, format: "csv" | "ndjson"): string {
  const rows = rowsReceived(progress, format);
  return `${rows.toLocaleString("en")} ${rows === 1 ? "row" : "rows"}, ${formatBytes(bytes)}`;
}
