/**
 * Who this node is and whether the others are alive. A node has a stable name (NODE_ID:
 * its audit files and metrics carry it) and, per process, an instance id whose key in
 * Redis it renews every second with a three-second expiry: a node that dies is known dead
 * within three seconds, and what it held (a question being answered, socket connection
 * slots) is then taken over or dropped. Two live processes may not share a NODE_ID (they
 * would write the same audit files): the second one is refused at start.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Logger } from 'pino';
import { AppError } from '../../core/errors.ts';
import { LuaScript, type RedisLink } from './redis-link.ts';

/** How often a node renews its keys, and how long they outlive a node that stopped renewing. */
export const HEARTBEAT_MS = 1_000;
export const ALIVE_TTL_MS = 3_000;

/** A NODE_ID is a short name safe in file names and metric labels. */
export const NODE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

/** The default NODE_ID: the host name and the port (the process id when the port is picked at random). */
export function defaultNodeId(port: number, pid = process.pid, host = os.hostname()): string {
  const cleanHost = host.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 40) || 'node';
  return `${cleanHost}-${port === 0 ? `pid${pid}` : port}`;
}

/** Take the NODE_ID (or renew it) unless another live instance holds it; returns the holder then. */
const CLAIM_NODE_ID = new LuaScript(`
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return holder end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false
`);

export class NodePresence {
  /** This process: the NODE_ID and a random suffix. */
  readonly instance: string;
  private timer: NodeJS.Timeout | undefined;
  private claimed = false;

  constructor(private readonly link: RedisLink, readonly nodeId: string, private readonly logger: Logger) {
    this.instance = `${nodeId}.${randomBytes(4).toString('hex')}`;
  }

  /** Prefix of the keys that say an instance is alive (`<prefix><instance>`), for Lua scripts. */
  get alivePrefix(): string {
    return this.link.key('alive', '');
  }

  /**
   * Claim the NODE_ID and start the heartbeat. Throws CONFIG_INVALID when a live process
   * holds this NODE_ID; while Redis is away the claim is made when it returns.
   */
  async start(): Promise<void> {
    if (this.link.up) {
      // A node restarted at once finds its previous process's claim, which lapses within ALIVE_TTL_MS.
      const deadline = Date.now() + ALIVE_TTL_MS + 500;
      let holder = await this.beat();
      while (holder && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        holder = await this.beat();
      }
      if (holder) throw new AppError('CONFIG_INVALID', `NODE_ID ${this.nodeId} is used by a running node (${holder}); give each node its own NODE_ID`);
    }
    this.timer = setInterval(() => {
      if (!this.link.up) return;
      this.beat().then((holder) => {
        if (holder) this.logger.error({ nodeId: this.nodeId, holder }, 'another running process took this NODE_ID while Redis was away');
      }, (err: unknown) => this.logger.debug({ err: (err as Error).message }, 'heartbeat failed'));
    }, HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Whether `instance` (this node's or another's) is alive: its key was renewed within ALIVE_TTL_MS. Throws while Redis is away. */
  async isAlive(instance: string): Promise<boolean> {
    return (await this.link.client.exists(this.link.key('alive', instance))) === 1;
  }

  /** Stop renewing and drop this instance's keys: the others see it gone at once. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (!this.link.up) return;
    await this.link.client.del(this.link.key('alive', this.instance), ...(this.claimed ? [this.link.key('node', this.nodeId)] : [])).catch(() => undefined);
  }

  /** Renew this instance's keys; returns the holder of the NODE_ID when it is another instance. */
  private async beat(): Promise<string | undefined> {
    await this.link.client.set(this.link.key('alive', this.instance), '1', 'PX', ALIVE_TTL_MS);
    const holder = await CLAIM_NODE_ID.run(this.link.client, [this.link.key('node', this.nodeId)], [this.instance, ALIVE_TTL_MS]);
    if (typeof holder === 'string') return holder;
    this.claimed = true;
    return undefined;
  }
}
