/**
 * The console's socket.io connection: admins connecting with their token join the
 * server's admin room and receive every re-index job change as a `job` event
 * (server/socket.ts). Its state decides whether the job follower polls.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../protocol/socket.ts';
import type { JobFollower } from './job-follower.ts';

/** Connect to the page's own server as the admin with `token`, feeding `follower`; returns a closer. */
export function connectJobSocket(token: string, follower: JobFollower): () => void {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ auth: { token }, transports: ['websocket', 'polling'] });
  socket.on('connect', () => follower.socketUp());
  socket.on('disconnect', () => follower.socketDown());
  // Refused or unreachable: socket.io retries unless the server refused; the follower polls meanwhile.
  socket.on('connect_error', () => follower.socketDown());
  socket.on('job', (job) => follower.received(job));
  return () => {
    socket.off();
    socket.disconnect();
  };
}
