/**
 * HMAC (RFC 2104) and RFC 4226 dynamic truncation: the part of a code every encoder shares (RFC 6238
 * digits, Steam Guard characters). HMAC is built from node:crypto's one-shot hash: createHmac sets up
 * an OpenSSL MAC context per call, which costs several times the hashing of an 8-byte counter
 * (bench/results.md); the construction is checked against createHmac, oathtool and the RFC vectors.
 */
import * as nodeCrypto from 'node:crypto';
import { createHmac } from 'node:crypto';
import type { Algorithm } from './settings.js';

const HMAC_NAMES: Readonly<Record<Algorithm, string>> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };
/** Block sizes (bytes) of the hashes, for HMAC's padded keys (RFC 2104). */
const BLOCK: Readonly<Record<Algorithm, number>> = { SHA1: 64, SHA256: 64, SHA512: 128 };
/** One-shot hashing (Node >= 20.12 / 21.7); createHmac otherwise. */
const oneShot = (nodeCrypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer }).hash;

/** True for an algorithm name HMAC is computed with here. */
export function isHmacAlgorithm(value: unknown): value is Algorithm {
  return typeof value === 'string' && Object.hasOwn(HMAC_NAMES, value);
}

/**
 * HMAC(K, m) = H((K ^ opad) || H((K ^ ipad) || m)) with two one-shot hashes: createHmac builds an OpenSSL
 * MAC context per call, which costs several times the hashing of an 8-byte message.
 */
export function hmac(algorithm: Algorithm, secret: Uint8Array, message: Buffer): Buffer {
  const name = HMAC_NAMES[algorithm];
  if (!oneShot) return createHmac(name, secret).update(message).digest();
  const block = BLOCK[algorithm];
  const key = secret.length > block ? oneShot(name, secret, 'buffer') : secret;
  const inner = Buffer.alloc(block + message.length, 0x36);
  for (let i = 0; i < key.length; i++) inner[i] = (inner[i] as number) ^ (key[i] as number);
  message.copy(inner, block);
  const innerHash = oneShot(name, inner, 'buffer');
  const outer = Buffer.alloc(block + innerHash.length, 0x5c);
  for (let i = 0; i < key.length; i++) outer[i] = (outer[i] as number) ^ (key[i] as number);
  innerHash.copy(outer, block);
  inner.fill(0);
  const mac = oneShot(name, outer, 'buffer');
  outer.fill(0, 0, block);
  return mac;
}

/**
 * RFC 4226 §5.3: the HMAC of the 8-byte big-endian counter, dynamically truncated to a 31-bit number
 * (offset = low nibble of the last byte). Every code format is made from this number.
 */
export function truncatedHmac(secret: Uint8Array, counter: number, algorithm: Algorithm): number {
  const message = Buffer.alloc(8);
  // Counters pass 2^32 for short periods in the far future; write both halves explicitly.
  message.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  message.writeUInt32BE(counter >>> 0, 4);
  const mac = hmac(algorithm, secret, message);
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  return mac.readUInt32BE(offset) & 0x7fffffff;
}
