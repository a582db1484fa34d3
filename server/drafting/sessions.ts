/**
 * Drafting conversations kept in memory: per official and conversation, the remembered
 * profile (core/drafting/profile.ts) and the current draft's state and version. Keyed by the
 * pseudonymous user id and the conversation id together, so one official cannot continue
 * another's; least recently used dropped past `max`, and forgotten after `ttlMs` unused.
 */
import type { DraftProfile } from '../../core/drafting/profile.ts';
import type { DraftState } from '../../core/drafting/revise.ts';

/** The draft a conversation is working on. */
export interface CurrentDraft {
  /** Id of the latest version (its .docx is `<id>.docx`). */
  id: string;
  version: number;
  state: DraftState;
  writtenBy: 'llm' | 'template';
}

export interface DraftConversation {
  profile: DraftProfile;
  current?: CurrentDraft;
}

export class DraftConversations {
  private readonly map = new Map<string, { value: DraftConversation; touched: number }>();

  constructor(private readonly opts: { max?: number; ttlMs?: number; now?: () => number } = {}) {}

  private key(user: string, conversationId: string): string {
    return `${user}\u0000${conversationId}`;
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** The conversation, or a fresh empty one (not stored until `set`). */
  get(user: string, conversationId: string): DraftConversation {
    const key = this.key(user, conversationId);
    const entry = this.map.get(key);
    if (!entry || this.now() - entry.touched > (this.opts.ttlMs ?? 24 * 3_600_000)) {
      this.map.delete(key);
      return { profile: {} };
    }
    return entry.value;
  }

  set(user: string, conversationId: string, value: DraftConversation): void {
    const key = this.key(user, conversationId);
    this.map.delete(key);
    this.map.set(key, { value, touched: this.now() });
    const max = this.opts.max ?? 5_000;
    while (this.map.size > max) this.map.delete(this.map.keys().next().value!);
  }
}
