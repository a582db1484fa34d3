/**
 * How a node applies what another announced (ports.ts `Announcement`): a published index
 * version is loaded and served, changed admin metadata is read again from STATE_DIR.
 * After a Redis outage both are re-read, since pub/sub does not keep what it could not
 * deliver. Loading is a no-op when the version (or file) is the one already in use.
 */
import type { Logger } from 'pino';
import type { IndexService } from '../index-service.ts';
import type { MetadataOverrides } from '../admin/metadata-overrides.ts';
import type { Cluster } from './cluster.ts';

export interface FollowDeps {
  cluster: Pick<Cluster, 'announcer' | 'onResync'>;
  indexes: Pick<IndexService, 'load'>;
  overrides: Pick<MetadataOverrides, 'load'>;
  logger: Logger;
}

/** Start following; returns the function that stops it. */
export function followAnnouncements({ cluster, indexes, overrides, logger }: FollowDeps): () => void {
  let stopped = false;
  const serveCurrent = (why: string, version?: string) => {
    const started = performance.now();
    indexes.load().then(
      (index) => logger.info({ why, announced: version, served: index.version, ms: Math.round(performance.now() - started) }, 'index version followed'),
      (err: unknown) => logger.error({ err, why, announced: version }, 'new index version could not be served; the previous one keeps serving'),
    );
  };
  const reloadOverrides = (why: string) => {
    overrides.load().then(
      (result) => {
        if ('warning' in result && result.warning) logger.error({ why, warning: result.warning }, 'metadata overrides reset');
      },
      (err: unknown) => logger.error({ err, why }, 'metadata overrides could not be reloaded'),
    );
  };
  const unsubscribe = cluster.announcer.subscribe((event) => {
    if (stopped) return;
    if (event.type === 'index-published') serveCurrent('announced', event.version);
    else reloadOverrides('announced');
  });
  cluster.onResync(() => {
    if (stopped) return;
    serveCurrent('resync');
    reloadOverrides('resync');
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}
