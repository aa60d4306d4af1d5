// Peers have their production hosts built in. Importing this module makes every TCP connection of
// the process fail unless it goes to 127.0.0.1 / ::1 / localhost, so a peer that was not fully
// redirected to the simulator errors out instead of reaching the network.
import net from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);
const connect = net.Socket.prototype.connect;
/** Hosts a connection was refused to (reported in the results). */
export const refusedHosts = new Set();

net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = args[0];
  const options = Array.isArray(first) ? first[0] : first;
  let host;
  if (options !== null && typeof options === 'object') {
    // A unix socket path (IPC) is local by definition.
    if (options.path === undefined) host = options.host ?? 'localhost';
  } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    host = typeof args[1] === 'string' ? args[1] : 'localhost';
  }
  if (host !== undefined && !LOOPBACK.has(host)) {
    refusedHosts.add(host);
    const error = new Error(`bench loopback guard: refused a connection to ${host}`);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};
