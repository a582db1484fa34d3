/**
 * `npm run cluster -- --nodes 3`: try the assistant as a cluster on this machine —
 * redis-server, N nodes and haproxy in front (deploy/launch-cluster.ts), until Ctrl+C.
 * The nodes read the usual settings (.env, the environment) and share INDEX_DIR,
 * UPLOAD_DIR, STATE_DIR and AUDIT_DIR; the first one brings corpora/ into the index.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { configFromEnvironment } from '../config/environment.ts';
import { launchCluster } from '../deploy/launch-cluster.ts';
import { runAsMain } from '../ingest/run-main.ts';

const USAGE = `Cách dùng: npm run cluster -- [--nodes 3] [--port 8080] [--first-node-port 3001] [--redis-port 6390]
Chạy redis-server, N máy chủ Trợ lý ảo và haproxy trên máy này (cần apt-get install redis-server haproxy).
`;

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        nodes: { type: 'string', default: '3' }, port: { type: 'string', default: '8080' },
        'first-node-port': { type: 'string', default: '3001' }, 'redis-port': { type: 'string', default: '6390' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const nodes = Number(values.nodes);
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 16) {
    process.stderr.write(`--nodes phải là số từ 1 đến 16.\n${USAGE}`);
    return 2;
  }
  const config = configFromEnvironment({ dotEnvFile: '.env' });
  const cluster = await launchCluster({
    nodes, port: Number(values.port), firstNodePort: Number(values['first-node-port']), redisPort: Number(values['redis-port']),
    runDir: join('data', 'cluster'), echo: true, ingestOnStart: !config.SKIP_START_INGEST,
  });
  process.stdout.write(`\nTrợ lý ảo (${nodes} máy chủ) đang phục vụ qua haproxy tại ${cluster.url}\n`
    + `Các máy chủ: ${cluster.nodes.map((n) => `${n.id} ${n.url}`).join(', ')}; Redis ${cluster.redisUrl}  (dừng: Ctrl+C)\n\n`);
  return new Promise<number>((resolveExit) => {
    const stop = () => void cluster.stop().then(() => resolveExit(0), () => resolveExit(1));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

runAsMain(import.meta.url, main);
