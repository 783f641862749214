import { describe, expect, it } from "vitest";
import { countNewlines, exportSummary, formatBytes, readWithProgress, rowsReceived, type Progress } from "./stream";

describe("streamed downloads", () => {
  const encoder = new TextEncoder();
  const streamOf = (...parts: string[]) =>
    new ReadableStream<Uint8Array<ArrayBuffer>>({
      start(controller) {
        parts.forEach((p) => controller.enqueue(encoder.encode(p) as Uint8Array<ArrayBuffer>));
        controller.close();
      },
    });

  it("reports bytes and lines after every chunk", async () => {
    const seen: Progress[] = [];
    const chunks = await readWithProgress(streamOf("id,team\r\na,", "x\r\nb,y\r\n"), (p) => seen.push(p));
    expect(chunks).toHaveLength(2);
    expect(seen).toEqual([
      { bytes: 11, lines: 1 },
      { bytes: 19, lines: 3 },
    ]);
    expect(rowsReceived(seen[1], "csv")).toBe(2);
    expect(rowsReceived(seen[1], "ndjson")).toBe(3);
    expect(rowsReceived({ bytes: 0, lines: 0 }, "csv")).toBe(0);
  });

  it("rejects with the body's error when the download is cancelled, as fetch does on abort", async () => {
    const abort = new AbortController();
    let sent = 0;
    const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
      pull(controller) {
        if (abort.signal.aborted)
          return controller.error(new DOMException("The user aborted a request.", "AbortError"));
        sent++;
        controller.enqueue(encoder.encode("{}\n") as Uint8Array<ArrayBuffer>);
      },
    });
    await expect(readWithProgress(body, (p) => p.lines >= 5 && abort.abort())).rejects.toThrow(/aborted/);
    expect(sent).toBe(5);
  });

  it("counts newlines and writes sizes for people", () => {
    expect(countNewlines(encoder.encode("a\nb\n\n"))).toBe(3);
    expect(formatBytes(999)).toBe("999 bytes");
    expect(formatBytes(12_345)).toBe("12.3 kB");
    expect(formatBytes(4_500_000)).toBe("4.5 MB");
    expect(exportSummary(12_345, { bytes: 12_345, lines: 2 }, "csv")).toBe("1 row, 12.3 kB");
  });
});
