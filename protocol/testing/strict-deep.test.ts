import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChatResponse } from '../chat.ts';
import { DraftResponse } from '../draft.ts';
import { strictDeep } from './strict-deep.ts';

const answer = {
  answer: 'Cần tờ khai [1].', refused: false, conversationId: 'c1', notices: [], exchangeId: 'e1',
  citations: [{ n: 1, docId: 'd', sourceId: 's', title: 'T', section: 'Thành phần hồ sơ', quote: 'Tờ khai' }],
};

describe('strictDeep', () => {
  it('accepts what the schema declares and rejects an undeclared field at any depth', () => {
    const strict = strictDeep(ChatResponse);
    expect(strict.safeParse(answer).success).toBe(true);
    expect(ChatResponse.safeParse({ ...answer, extra: 1 }).success).toBe(true);
    const top = strict.safeParse({ ...answer, extra: 1 });
    expect(top.success).toBe(false);
    expect(top.error?.issues[0]?.code).toBe('unrecognized_keys');
    const nested = strict.safeParse({ ...answer, citations: [{ ...answer.citations[0], page: 3 }] });
    expect(nested.success).toBe(false);
    expect(nested.error?.issues[0]?.path).toEqual(['citations', 0]);
  });

  it('keeps the checks of the values (types, literals, unions) and goes into unions', () => {
    const strict = strictDeep(DraftResponse);
    expect(strict.safeParse({ status: 'needs_input', questions: [{ field: 'place', question: 'Ở đâu?' }], fields: { request: 'Soạn' }, conversationId: 'c1', remembered: [] }).success).toBe(true);
    expect(strict.safeParse({ status: 'needs_input', questions: [], fields: { request: 'Soạn', color: 'xanh' }, conversationId: 'c1', remembered: [] }).success).toBe(false);
    expect(strict.safeParse({ status: 'other', questions: [], fields: {} }).success).toBe(false);
    expect(strictDeep(z.union([z.object({ a: z.number() }), z.string()])).safeParse({ a: 'x' }).success).toBe(false);
  });

  it('refuses a kind of schema it would check wrongly', () => {
    expect(() => strictDeep(z.object({ t: z.tuple([z.string()]) }))).toThrow(/unsupported/);
  });
});
