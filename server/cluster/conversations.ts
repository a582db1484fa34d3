/**
 * Conversation contexts (what the previous answer was about, for follow-ups), bound to the
 * role that started the conversation. In this process: the most recent 10,000, the least
 * recently used dropped. In Redis: one key per conversation expiring CONVERSATION_TTL_MIN
 * after its last exchange, so a follow-up works on any node; while Redis is away this
 * node keeps the contexts it makes in its local store and reads them from there.
 */
import type { Logger } from 'pino';
import type { ConversationContext, Role } from '../../core/answer/types.ts';
import type { ConversationStore } from './ports.ts';
import type { RedisLink } from './redis-link.ts';

interface Entry {
  role: Role;
  context: ConversationContext;
}

/** The contexts of this process, least recently used dropped past `max`. */
export class LocalConversations implements ConversationStore {
  private readonly map = new Map<string, Entry>();
  constructor(private readonly max = 10_000) {}

  get(id: string, role: Role): Promise<ConversationContext | undefined> {
    const entry = this.map.get(id);
    // A conversation is bound to the role that started it: a citizen cannot continue an official's.
    if (!entry || entry.role !== role) return Promise.resolve(undefined);
    this.map.delete(id);
    this.map.set(id, entry);
    return Promise.resolve(entry.context);
  }

  set(id: string, role: Role, context: ConversationContext): Promise<void> {
    this.map.delete(id);
    this.map.set(id, { role, context });
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    return Promise.resolve();
  }
}

function parseEntry(text: string | null): Entry | undefined {
  if (!text) return undefined;
  try {
    const entry = JSON.parse(text) as Entry;
    return typeof entry?.role === 'string' && entry.context && Array.isArray(entry.context.focusDocIds) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** Contexts in Redis with a TTL renewed by each exchange; the local store while Redis is away. */
export class RedisConversations implements ConversationStore {
  private readonly local = new LocalConversations();

  constructor(
    private readonly link: RedisLink,
    private readonly ttlSeconds: number,
    private readonly logger: Logger,
  ) {}

  async get(id: string, role: Role): Promise<ConversationContext | undefined> {
    if (this.link.up) {
      try {
        const entry = parseEntry(await this.link.client.getex(this.link.key('conv', id), 'EX', this.ttlSeconds));
        if (entry) return entry.role === role ? entry.context : undefined;
      } catch (err) {
        this.failed(err);
      }
    }
    // Made on this node while Redis was away, or Redis lost it.
    return this.local.get(id, role);
  }

  async set(id: string, role: Role, context: ConversationContext): Promise<void> {
    if (this.link.up) {
      try {
        await this.link.client.set(this.link.key('conv', id), JSON.stringify({ role, context }), 'EX', this.ttlSeconds);
        return;
      } catch (err) {
        this.failed(err);
      }
    }
    await this.local.set(id, role, context);
  }

  private failed(err: unknown): void {
    this.logger.debug({ err: (err as Error).message }, 'shared conversations unavailable; local store used');
  }
}
