/**
 * Announcements between nodes (ports.ts): a new index version published, admin metadata
 * changed. In one process they are plain calls; across nodes, Redis pub/sub on one
 * channel of the service. Pub/sub forgets what it could not deliver, so when Redis
 * returns after an outage every node is told `resync` and re-reads what it may have
 * missed (the served version in CURRENT, the overrides file) — both reads are no-ops when
 * nothing changed.
 */
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Announcement, Announcer } from './ports.ts';
import type { RedisLink } from './redis-link.ts';

const TYPES = new Set<Announcement['type']>(['index-published', 'overrides-changed']);

function parse(text: string): Announcement | undefined {
  try {
    const event = JSON.parse(text) as Announcement;
    return event && TYPES.has(event.type) ? event : undefined;
  } catch {
    return undefined;
  }
}

/** Announcements within this process. */
export class LocalAnnouncer implements Announcer {
  private readonly emitter = new EventEmitter<{ event: [Announcement] }>();

  publish(event: Announcement): Promise<void> {
    this.emitter.emit('event', event);
    return Promise.resolve();
  }

  subscribe(listener: (event: Announcement) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}

/** Announcements through Redis pub/sub; told locally too while Redis is away. */
export class RedisAnnouncer implements Announcer {
  private readonly local = new LocalAnnouncer();
  private readonly subscriber: Redis;
  private readonly channel: string;

  constructor(private readonly link: RedisLink, private readonly logger: Logger) {
    this.channel = link.key('events');
    // Subscribed again by ioredis after each reconnection.
    this.subscriber = link.connection('events');
    this.subscriber.subscribe(this.channel).catch((err: unknown) => logger.debug({ err: (err as Error).message }, 'announcement subscription not made yet'));
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel !== this.channel) return;
      const event = parse(text);
      if (event) void this.local.publish(event);
    });
  }

  async publish(event: Announcement): Promise<void> {
    try {
      if (!this.link.up) throw new Error('redis is unreachable');
      await this.link.client.publish(this.channel, JSON.stringify(event));
    } catch (err) {
      // The other nodes catch up when Redis returns (`resync`); this one applies it now.
      this.logger.warn({ type: event.type, err: (err as Error).message }, 'announcement not delivered to the other nodes');
      await this.local.publish(event);
    }
  }

  subscribe(listener: (event: Announcement) => void): () => void {
    return this.local.subscribe(listener);
  }
}
