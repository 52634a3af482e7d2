// Reads a Server-Sent Events stream in tests, the way a browser's fetch would.
export interface SseEvent {
  event: string;
  data: string;
}

export interface SseStream {
  response: Response;
  /** Waits for the next `event:` matching `predicate`, or fails after `timeoutMs`. */
  next(predicate: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Everything received so far, comments included (raw text). */
  raw(): string;
  /** Resolves when the server ends the stream; fails after `timeoutMs` if it is still open. */
  ended(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  let text = '';
  let waiters: (() => void)[] = [];
  let serverEnded = false;
  const pump = async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        const part = decoder.decode(chunk, { stream: true });
        text += part;
        buffer += part;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (event && data !== undefined) events.push({ event, data });
          end = buffer.indexOf('\n\n');
        }
        for (const wake of waiters) wake();
        waiters = [];
      }
      serverEnded = true;
    } catch {
      // aborted by close()
    }
  };
  const pumping = response.status === 200 ? pump() : Promise.resolve();
  return {
    response,
    async next(predicate, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(predicate);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; got: ${text}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    raw: () => text,
    async ended(timeoutMs = 5000) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the stream was still open after ${timeoutMs} ms; got: ${text}`)),
          timeoutMs,
        );
      });
      try {
        await Promise.race([pumping, deadline]);
      } finally {
        clearTimeout(timer);
      }
      if (!serverEnded) throw new Error('the stream did not end normally');
    },
    async close() {
      controller.abort();
      await pumping;
    },
  };
}
