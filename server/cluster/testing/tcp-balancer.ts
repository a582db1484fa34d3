/**
 * A stand-in for the load balancer in tests: TCP round robin over the nodes, each new
 * connection to the next node that accepts it (a node that refuses — killed — is skipped,
 * like haproxy's redispatch). HTTP keep-alive connections and WebSockets stay on the node
 * they reached, as through a real balancer. deploy/haproxy.cfg is the real configuration.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface TcpBalancer {
  readonly url: string;
  /** Connections handed to each backend port so far. */
  readonly served: Map<number, number>;
  close(): Promise<void>;
}

export async function startBalancer(backends: number[]): Promise<TcpBalancer> {
  let next = 0;
  const served = new Map<number, number>();
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.pause();
    const tryBackend = (attempt: number) => {
      if (attempt >= backends.length) return client.destroy();
      const port = backends[next++ % backends.length]!;
      const upstream = connect(port, '127.0.0.1');
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        served.set(port, (served.get(port) ?? 0) + 1);
        open.add(upstream);
        upstream.once('close', () => open.delete(upstream));
        client.pipe(upstream).pipe(client);
        client.resume();
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
        client.once('close', () => upstream.destroy());
      });
      upstream.once('error', () => {
        if (!connected) tryBackend(attempt + 1);
      });
    };
    tryBackend(0);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise<void>((r) => {
      for (const s of open) s.destroy();
      server.close(() => r());
    }),
  };
}
