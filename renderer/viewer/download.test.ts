import { afterEach, describe, expect, it, vi } from 'vitest';
import { PdfDownload, prefetchPdf, takeDownload, type DownloadListener } from './download.ts';

/** fetch() answering with these chunks (or this status). */
function serve(chunks: number[][], status = 200): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          for (const chunk of chunks) c.enqueue(new Uint8Array(chunk));
          c.close();
        },
      });
      return new Response(status === 200 ? body : null, { status });
    }),
  );
}

function listen(download: PdfDownload) {
  const heard: { data: number[][]; done: boolean; failed: string | null } = {
    data: [],
    done: false,
    failed: null,
  };
  const listener: DownloadListener = {
    data: (chunk) => heard.data.push([...chunk]),
    done: () => (heard.done = true),
    failed: (failure) => (heard.failed = failure),
  };
  download.listen(listener);
  return heard;
}

const settle = () => new Promise((r) => setTimeout(r, 10));

afterEach(() => vi.unstubAllGlobals());

describe('document download', () => {
  it('keeps what comes before anyone listens, and hands it over in one piece', async () => {
    serve([[1, 2], [3], [4, 5]]);
    const download = new PdfDownload('/f', {}, 5);
    await settle();
    expect(download.complete).toBe(true);
    const heard = listen(download);
    expect(heard).toEqual({ data: [[1, 2, 3, 4, 5]], done: true, failed: null });
  });

  it('gives the whole file as bytes when it came before the viewer', async () => {
    serve([[1, 2], [3]]);
    const download = new PdfDownload('/f', {}, 3);
    await settle();
    expect([...download.bytes()]).toEqual([1, 2, 3]);
  });

  it('says when the file is not the length it was said to be', async () => {
    serve([[1, 2, 3]]);
    const short = listen(new PdfDownload('/f', {}, 4));
    const long = listen(new PdfDownload('/f', {}, 2));
    await settle();
    expect(short.failed).toBe('length');
    expect(long.failed).toBe('length');
    expect(short.done).toBe(false);
  });

  it('names an HTTP failure', async () => {
    serve([], 404);
    const heard = listen(new PdfDownload('/f', {}, 3));
    await settle();
    expect(heard.failed).toBe('missing');
  });

  it('is taken once, by a viewer asking for the same size', async () => {
    serve([[1]]);
    prefetchPdf('/a', 'tok', 1);
    expect(takeDownload('/a', 2)).toBeUndefined();
    prefetchPdf('/a', 'tok', 1);
    const download = takeDownload('/a', 1);
    expect(download?.length).toBe(1);
    expect(takeDownload('/a', 1)).toBeUndefined();
    const call = vi.mocked(fetch).mock.calls.at(-1)!;
    expect((call[1]?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });
});
