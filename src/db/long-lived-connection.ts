// Settings for the few PostgreSQL connections a process keeps open for its whole life outside the
// pool: a web process's LISTEN connection (cases/report-change-feed.ts) and the announcing
// worker's, which holds the announcer's advisory lock (cases/report-change-announcer.ts). A
// connection that dies silently (a host gone, a firewall forgetting an idle flow) would otherwise
// be noticed by neither end for about two hours, the operating systems' keepalive default: the
// live inboxes would stand still that long, and no other worker could take the lock over.
import type pg from 'pg';

export interface LongLivedTimeouts {
  /** How long connecting may take (default 10 s). */
  connectMs?: number;
  /** How long one statement may take before the caller treats the connection as lost (10 s). */
  queryMs?: number;
}

/**
 * Keepalive probes on this side after 10 s of silence, and on the server's side (per session,
 * `tcp_keepalives_*`): idle 30 s, then every 10 s, 3 missed. The server then ends the session of a
 * vanished client, and with it any advisory lock it held, within about a minute.
 */
export function longLivedClientConfig(
  url: string,
  applicationName: string,
  timeouts: LongLivedTimeouts = {},
): pg.ClientConfig {
  return {
    connectionString: url,
    application_name: applicationName,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    connectionTimeoutMillis: timeouts.connectMs ?? 10_000,
    query_timeout: timeouts.queryMs ?? 10_000,
    options: '-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3',
  };
}
