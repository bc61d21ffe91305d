// The leanest JavaScript TOTP action anyone could write, as a bench anchor (bench/cold-start.mjs): no
// dependency, node:crypto's HMAC, the code masked on stdout and appended to GITHUB_OUTPUT. It reads a bare
// Base32 seed only and checks nothing else: the floor a JavaScript action starts from.
import { createHmac } from 'node:crypto';
import { appendFileSync } from 'node:fs';

const base32 = (process.env.INPUT_SECRET ?? '').toUpperCase().replace(/[\s=]/g, '');
let bits = '';
for (const c of base32) bits += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(c).toString(2).padStart(5, '0');
const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => Number.parseInt(b, 2)));
const counter = Buffer.alloc(8);
counter.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 1000 / 30)));
const mac = createHmac('sha1', key).update(counter).digest();
const offset = (mac.at(-1) ?? 0) & 0x0f;
const code = String((mac.readUInt32BE(offset) & 0x7fffffff) % 1e6).padStart(6, '0');
process.stdout.write(`::add-mask::${code}\n`);
appendFileSync(process.env.GITHUB_OUTPUT ?? '', `code=${code}\n`);
