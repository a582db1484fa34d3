import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config/paths.ts';
import { EXAMPLE, haproxyConfig } from './haproxy-config.ts';

describe('deploy/haproxy.cfg', () => {
  it('is the generator\'s output for the three-node example', async () => {
    expect(await readFile(join(REPO_ROOT, 'deploy', 'haproxy.cfg'), 'utf8')).toBe(haproxyConfig(EXAMPLE));
  });

  it('checks every node on /readyz in both backends and keeps sockets on one node per client', () => {
    const cfg = haproxyConfig({ bind: '127.0.0.1:8080', nodes: [{ name: 'n1', host: '127.0.0.1', port: 3001 }, { name: 'n2', host: '127.0.0.1', port: 3002 }] });
    expect(cfg.match(/option httpchk GET \/readyz/g)).toHaveLength(2);
    expect(cfg.match(/server n1 127\.0\.0\.1:3001 check/g)).toHaveLength(2);
    expect(cfg).toMatch(/backend sockets\n {2}balance source/);
    expect(cfg).toContain('on-marked-down shutdown-sessions');
    expect(cfg).not.toContain('frontend stats');
  });
});
