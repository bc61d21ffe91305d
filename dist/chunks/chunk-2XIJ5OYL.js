import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);

// src/stores/atomic-write.ts
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
var ATTEMPTS = 5;
var CREATE_EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
async function writeFileAtomically(path, data, options = {}) {
  const folder = dirname(path);
  const randomPart = options.randomPart ?? (() => randomBytes(16).toString("hex"));
  let temp = "";
  let handle;
  for (let attempt = 1; handle === void 0; attempt++) {
    temp = join(folder, `${basename(path)}.${randomPart()}.tmp`);
    try {
      handle = await open(temp, CREATE_EXCLUSIVE, 384);
    } catch (e) {
      if (e.code !== "EEXIST" || attempt >= ATTEMPTS) throw e;
    }
  }
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => void 0);
    throw e;
  }
  await syncFolder(folder);
}
async function syncFolder(folder) {
  if (process.platform === "win32") return;
  let dir;
  try {
    dir = await open(folder, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0));
    await dir.sync();
  } catch {
  } finally {
    await dir?.close().catch(() => void 0);
  }
}

export {
  writeFileAtomically
};
