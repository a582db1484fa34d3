import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateImage } from './page-images.ts';
import { greyPixels, readPgm, writePgm } from './pgm.ts';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'pgm-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('PGM page images', () => {
  it('writes a binary PGM that reads back pixel for pixel', async () => {
    const image = { width: 3, height: 2, data: Buffer.from([0, 50, 100, 150, 200, 255]) };
    const path = join(dir, 'a.pgm');
    await writePgm(path, image);
    expect((await readFile(path)).subarray(0, 11).toString('latin1')).toBe('P5\n3 2\n255\n');
    expect(await readPgm(path)).toEqual(image);
  });

  it('reduces a colour image to one grey channel', async () => {
    const red = sharp({ create: { width: 4, height: 3, channels: 3, background: { r: 255, g: 0, b: 0 } } });
    const grey = await greyPixels(red.png());
    expect([grey.width, grey.height, grey.data.length]).toEqual([4, 3, 12]);
    expect(new Set(grey.data).size).toBe(1);
  });

  it('turns a page by 90° clockwise', async () => {
    // A 2×1 image, dark then light: turned clockwise it is 1×2, dark on top.
    const input = join(dir, 'in.pgm');
    await writePgm(input, { width: 2, height: 1, data: Buffer.from([10, 240]) });
    const turned = await readPgm(await rotateImage(input, 90, join(dir, 'out.pgm')));
    expect(turned).toEqual({ width: 1, height: 2, data: Buffer.from([10, 240]) });
  });

  it('refuses a file that is not an 8-bit binary PGM', async () => {
    const path = join(dir, 'bad.pgm');
    await writePgm(path, { width: 1, height: 1, data: Buffer.from([0]) });
    await expect(readPgm(join(dir, 'missing.pgm'))).rejects.toThrow();
    await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).png().toFile(path);
    await expect(readPgm(path)).rejects.toThrow(/not an 8-bit binary PGM/);
  });
});
