import { describe, expect, it } from 'vitest';
import { FlatIndex } from './flat-index.ts';
import { runVectorIndexContract, unit } from './vector-index.contract.ts';

runVectorIndexContract('FlatIndex', (dimension) => new FlatIndex(dimension));

describe('FlatIndex', () => {
  it('breaks score ties by label so results are reproducible', () => {
    const index = new FlatIndex(2);
    index.add(9, unit(1, 0));
    index.add(3, unit(1, 0));
    expect(index.search(unit(1, 0), 2).map((h) => h.label)).toEqual([3, 9]);
  });

  it('keeps its own copy of added vectors', () => {
    const index = new FlatIndex(2);
    const v = unit(1, 0);
    index.add(1, v);
    v[0] = -1;
    expect(index.search(unit(1, 0), 1)[0]?.score).toBeCloseTo(1, 6);
  });

  it('scores an all-zero query 0 against everything', () => {
    const index = new FlatIndex(2);
    index.add(1, unit(1, 0));
    expect(index.search(new Float32Array(2), 1)).toEqual([{ label: 1, score: 0 }]);
  });
});
