// A loopback TCP proxy for fault tests: it relays each connection to a target port, and can cut one connection
// at the moment the client sends a given message (e.g. a PostgreSQL COMMIT), either after the server got that
// message (the client loses the answer to something that happened) or before (it never happened).
import { connect, createServer, type Socket } from 'node:net';

export interface CutOptions {
  /** true: the matching chunk reaches the server before the cut; false: it is dropped. */
  readonly forward: boolean;
  /** How many connections to cut, each at its first matching chunk (later ones relay normally). @default 1 */
  readonly times?: number;
}

export interface TcpProxy {
  /** The proxy's port on 127.0.0.1. */
  readonly port: number;
  /** Connections accepted so far. */
  readonly connections: number;
  /**
   * Arms a cut: the next connection whose client sends a chunk matching `pattern` (raw bytes read as latin1) is
   * cut right there. The client's socket is destroyed at once. With `forward`, the chunk is sent and the
   * server's side half-closed, so the server reads it, acts on it and then sees the end of the connection;
   * without, the server's side is destroyed too. Resolves when each cut is done and, with `forward`, the server
   * has closed its side, i.e. has finished acting on what it received.
   */
  cutWhenClientSends(pattern: string | RegExp, options: CutOptions): Promise<void>;
  /** Stops listening and destroys every connection. */
  close(): Promise<void>;
}

interface Cut {
  /** Whether a match in `text` ends after its first `carried` characters, i.e. in the new chunk. */
  readonly matches: (text: string, from: number) => boolean;
  readonly forward: boolean;
  left: number;
  pending: Promise<void>[];
  readonly done: () => void;
}

// A pattern split across two chunks is still seen: each chunk is matched after the end of the one before, and
// only matches that end in the new chunk count (the carried bytes were relayed already).
const CARRY = 256;

function matcher(pattern: string | RegExp): Cut['matches'] {
  if (typeof pattern === 'string') {
    return (text, carried) => text.indexOf(pattern, Math.max(0, carried - pattern.length + 1)) !== -1;
  }
  const all = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  return (text, carried) => [...text.matchAll(all)].some((m) => m.index + m[0].length > carried);
}

/** Starts a proxy on 127.0.0.1 that relays to 127.0.0.1:`port`. It never keeps the process alive. */
export async function startProxy(target: { port: number; host?: string }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const cuts: Cut[] = [];
  let connections = 0;

  const track = (socket: Socket): Socket => {
    socket.unref();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A reset by either side is the fault under test, not an error of the proxy.
    socket.on('error', () => socket.destroy());
    return socket;
  };

  const server = createServer((client) => {
    connections++;
    track(client);
    const upstream = track(connect(target.port, target.host ?? '127.0.0.1'));
    let carry = '';
    let cutting = false;
    upstream.pipe(client);
    upstream.on('close', () => client.destroy());
    client.on('close', () => {
      if (!cutting) upstream.destroy();
    });
    client.on('data', (chunk: Buffer) => {
      const carried = carry.length;
      const text = carry + chunk.toString('latin1');
      carry = text.slice(-CARRY);
      const cut = cuts.find((c) => c.left > 0 && c.matches(text, carried));
      if (!cut) {
        if (!upstream.write(chunk)) client.pause();
        return;
      }
      cutting = true;
      if (--cut.left === 0) cuts.splice(cuts.indexOf(cut), 1);
      upstream.unpipe(client);
      client.destroy();
      if (cut.forward) {
        // Half-close rather than destroy: a reset could discard the chunk before the server has read it.
        upstream.resume();
        upstream.end(chunk);
      } else {
        upstream.destroy();
      }
      cut.pending.push(new Promise((resolve) => (upstream.destroyed ? resolve() : upstream.on('close', resolve))));
      if (cut.left === 0) void Promise.all(cut.pending).then(cut.done);
    });
    upstream.on('drain', () => client.resume());
  });
  server.unref();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP port');

  return {
    port: address.port,
    get connections() {
      return connections;
    },
    cutWhenClientSends(pattern, { forward, times = 1 }) {
      const matches = matcher(pattern);
      return new Promise<void>((done) => cuts.push({ matches, forward, left: times, pending: [], done }));
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
