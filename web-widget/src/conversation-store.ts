/**
 * The conversation kept for the browser tab (sessionStorage of the portal's origin), so a
 * reload or a move to another page of the same portal shows it again and goes on with the
 * same `conversationId`. What is kept: the questions as the user typed them and the
 * server's answers (text, citations, notices, follow-ups), nothing else — never the
 * official's token (token-store.ts keeps it apart), nor drafts or failed sends. Bounded:
 * the oldest exchanges go first past {@link MAX_EXCHANGES} or {@link MAX_CHARS}.
 */
import type { AnswerPayload } from './types.ts';

const KEY = 'tro-ly-ao.conversation';
/** Exchanges kept at most. */
export const MAX_EXCHANGES = 30;
/** Size of the kept JSON at most, in characters (sessionStorage holds about 5 MB per origin). */
export const MAX_CHARS = 200_000;

/** One question and its answer. */
export interface StoredExchange {
  question: string;
  answer: AnswerPayload;
}

/** What is kept for the tab. */
export interface StoredConversation {
  conversationId?: string;
  /** Whether the panel was open, so it opens again on the next page. */
  open: boolean;
  exchanges: StoredExchange[];
}

interface Envelope extends StoredConversation {
  v: 1;
}

function isExchange(x: unknown): x is StoredExchange {
  const e = x as StoredExchange | null;
  return typeof e?.question === 'string' && typeof e.answer?.answer === 'string' && Array.isArray(e.answer.citations)
    && Array.isArray(e.answer.notices ?? []);
}

/** `c` trimmed to the bounds: oldest exchanges dropped first. */
export function fitted(c: StoredConversation): StoredConversation {
  let exchanges = c.exchanges.slice(-MAX_EXCHANGES);
  const size = (list: StoredExchange[]): number => JSON.stringify({ ...c, exchanges: list }).length;
  while (exchanges.length > 0 && size(exchanges) > MAX_CHARS) exchanges = exchanges.slice(1);
  return { ...c, exchanges };
}

/** The kept conversation, if any (and if storage is readable and the value is ours). */
export function loadConversation(): StoredConversation | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const v = JSON.parse(raw) as Partial<Envelope> | null;
    if (v?.v !== 1 || !Array.isArray(v.exchanges)) return undefined;
    return {
      ...(typeof v.conversationId === 'string' ? { conversationId: v.conversationId } : {}),
      open: v.open === true,
      exchanges: v.exchanges.filter(isExchange),
    };
  } catch {
    return undefined;
  }
}

/** Keep `c` for the tab (trimmed to the bounds). */
export function saveConversation(c: StoredConversation): void {
  try {
    const envelope: Envelope = { v: 1, ...fitted(c) };
    sessionStorage.setItem(KEY, JSON.stringify(envelope));
  } catch {
    // Storage blocked or full: the conversation lives as long as the page.
  }
}

/** Forget the kept conversation. */
export function clearConversation(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}
