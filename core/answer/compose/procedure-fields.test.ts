import { describe, expect, it } from 'vitest';
import { fieldText, groupByChannel, parseChannelValues } from './procedure-fields.ts';

describe('parseChannelValues', () => {
  it('reads one value per channel', () => {
    expect(parseChannelValues('Trực tiếp: 7 ngày làm việc; Trực tuyến: 5 ngày làm việc.')).toEqual([
      { channels: ['Trực tiếp'], value: '7 ngày làm việc' },
      { channels: ['Trực tuyến'], value: '5 ngày làm việc' },
    ]);
  });

  it('reads the agreeing form with its channel list, keeping notes and figures verbatim', () => {
    expect(parseChannelValues('Phí, lệ phí: lệ phí 200.000 đồng (200.000 đồng/ hộ chiếu; cấp lại: 400.000đ) (trực tuyến, trực tiếp, trực tuyến).')).toEqual([
      { channels: ['Trực tuyến', 'Trực tiếp'], value: 'lệ phí 200.000 đồng (200.000 đồng/ hộ chiếu; cấp lại: 400.000đ)' },
    ]);
  });

  it('groups repeated channels with their distinct values', () => {
    const groups = groupByChannel(parseChannelValues('Trực tiếp: 21 ngày; Trực tiếp: 5 ngày làm việc; Trực tuyến: 21 ngày; Trực tiếp: 21 ngày.'));
    expect([...groups]).toEqual([['Trực tiếp', ['21 ngày', '5 ngày làm việc']], ['Trực tuyến', ['21 ngày']]]);
  });
});

describe('fieldText', () => {
  it('drops the procedure name line and the field label', () => {
    expect(fieldText('Cấp hộ chiếu\nLệ phí: Phí, lệ phí: miễn phí.', 'Lệ phí')).toBe('Phí, lệ phí: miễn phí.');
  });
});
