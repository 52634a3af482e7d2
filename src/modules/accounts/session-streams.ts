// The long-lived responses (the live inbox's event streams) this process holds open for each
// staff session, by the SHA-256 of the session's token. Logging out, logging out everywhere and
// deactivating an account end them here at once; the streams also ask again on a timer whether
// their session is live and still allowed (live-inbox-routes.ts), which ends what this process
// was not told about: a session ended by another process, expired, or a role taken away.
//
// A session holds at most MAX_STREAMS_PER_SESSION streams (a few browser tabs). One more is
// refused (429) rather than closing the oldest: a closed EventSource reconnects by itself, so
// with five tabs open "close the oldest" would have them take turns closing each other forever;
// refused, the fifth tab's EventSource stops and the inbox says live updates have stopped.
import { hashToken } from './sessions.ts';

export const MAX_STREAMS_PER_SESSION = 4;

export interface SessionStream {
  userId: string;
  /** Ends the response; the stream then gives back its place (the release from claimStreamSlot). */
  end(): void;
}

const bySession = new Map<string, Set<SessionStream>>();

function keyOf(token: string): string {
  return hashToken(token).toString('base64url');
}

/**
 * Takes a place for a stream of the session, synchronously (so two streams opening at once cannot
 * both take the last one). Returns how to give it back, or undefined when the session has no
 * place left.
 */
export function claimStreamSlot(token: string, stream: SessionStream): (() => void) | undefined {
  const key = keyOf(token);
  const streams = bySession.get(key) ?? new Set<SessionStream>();
  if (streams.size >= MAX_STREAMS_PER_SESSION) return undefined;
  streams.add(stream);
  bySession.set(key, streams);
  return () => {
    streams.delete(stream);
    if (streams.size === 0 && bySession.get(key) === streams) bySession.delete(key);
  };
}

/** Log out: the session's streams in this process end now. */
export function endStreamsOfSession(token: string): void {
  for (const stream of [...(bySession.get(keyOf(token)) ?? [])]) stream.end();
}

/** A session ended from the session list (by its owner or an administrator), by its stored hash. */
export function endStreamsOfSessionHash(tokenHash: Buffer): void {
  for (const stream of [...(bySession.get(tokenHash.toString('base64url')) ?? [])]) stream.end();
}

/** Log out everywhere, deactivation: every stream of the account in this process ends now. */
export function endStreamsOfUser(userId: string): void {
  for (const streams of [...bySession.values()]) {
    for (const stream of [...streams]) if (stream.userId === userId) stream.end();
  }
}
