/**
 * A stand-in for a re-index worker that never finishes: it takes its start message and
 * waits until it is stopped (SIGTERM) or its parent goes (IPC disconnect), for tests of
 * who runs a job rather than of what the job does.
 */
process.on('message', () => undefined);
process.on('disconnect', () => process.exit(0));
setInterval(() => undefined, 1_000);
