import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/database.js';
import type { ServiceKeyRing } from '../keys/service-keys.js';
import type { Logger } from '../logging.js';
import { ChainHeadPublisher, headIsDue, witnessesOf } from './witness-publisher.js';

const cadence = { everyEvents: 500, intervalMs: 60_000, checkMs: 5_000 };

describe('when a chain head is due', () => {
  it('is due at once for a witness that has none, never for an empty chain or an unmoved head', () => {
    expect(headIsDue(1, undefined, 0, cadence)).toBe(true);
    expect(headIsDue(0, undefined, 0, cadence)).toBe(false);
    expect(headIsDue(7, { position: 7, at: 0 }, 10 * 60_000, cadence)).toBe(false);
  });

  it('is due after N events, or a minute after the last one while the chain moves', () => {
    expect(headIsDue(506, { position: 7, at: 0 }, 1_000, cadence)).toBe(false);
    expect(headIsDue(507, { position: 7, at: 0 }, 1_000, cadence)).toBe(true);
    expect(headIsDue(8, { position: 7, at: 0 }, 59_999, cadence)).toBe(false);
    expect(headIsDue(8, { position: 7, at: 0 }, 60_000, cadence)).toBe(true);
  });

  it('goes to the ministry and the gateway, the ministry’s own to the gateway alone', () => {
    expect(witnessesOf('labour')).toEqual(['ministry', 'gateway']);
    expect(witnessesOf('ministry')).toEqual(['gateway']);
  });
});

describe('the chain head publisher', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('checks the head on its own timer and sends a burst of N events at the next check', async () => {
    vi.useFakeTimers();
    let head = 3;
    const db = {
      execute: () => Promise.resolve([{ position: String(head), hash: 'a'.repeat(64) }]),
    } as unknown as Database;
    const ring = { sign: () => Promise.resolve('signed.head.jwt') } as unknown as ServiceKeyRing;
    const sent: string[] = [];
    vi.stubGlobal('fetch', (url: URL) => {
      sent.push(url.toString());
      return Promise.resolve(new Response(null, { status: 201 }));
    });
    const logger = { warn: () => {}, error: () => {} } as unknown as Logger;
    const publisher = new ChainHeadPublisher({
      db,
      service: 'training',
      ring,
      locate: (service) => (service === 'ministry' ? 'http://ministry.test' : 'http://gateway.test'),
      cadence: { everyEvents: 10, intervalMs: 60_000, checkMs: 5_000 },
      logger,
    });
    publisher.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toEqual([
      'http://ministry.test/internal/witness/heads',
      'http://gateway.test/internal/witness/heads',
    ]);
    head = 12; // nine new events: below N, and well within the minute
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(2);
    head = 13; // the tenth
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(4);
    head = 14;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(6);
    await publisher.stop();
    head = 100;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(6);
  });
});
