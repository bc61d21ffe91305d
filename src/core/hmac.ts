/**
 * RFC 4226 dynamic truncation over node:crypto's HMAC: the part of a code every encoder shares (RFC 6238
 * digits, Steam Guard characters). The platform's HMAC is used as it is: a faster hand-built one would be
 * a second crypto path to trust, for a speed no user can notice next to a process start.
 */
import { createHmac } from 'node:crypto';
import type { Algorithm } from './settings.js';

const HMAC_NAMES: Readonly<Record<Algorithm, string>> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

/** The 8-byte big-endian counter, the message every HMAC here signs. */
const COUNTER = Buffer.alloc(8);

/**
 * RFC 4226 §5.3: the HMAC of the 8-byte big-endian counter, dynamically truncated to a 31-bit number
 * (offset = low nibble of the last byte). Every code format is made from this number.
 */
export function truncatedHmac(secret: Uint8Array, counter: number, algorithm: Algorithm): number {
  // One buffer for every call: the HMAC has read it before this returns, and nothing else can run meanwhile.
  const message = COUNTER;
  // Counters pass 2^32 for short periods in the far future; write both halves explicitly.
  message.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  message.writeUInt32BE(counter >>> 0, 4);
  const mac = createHmac(HMAC_NAMES[algorithm], secret).update(message).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  return mac.readUInt32BE(offset) & 0x7fffffff;
}
