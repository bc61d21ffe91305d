import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  AWS_PREFIX_ALLOWED,
  awsPrefixProblem,
  describeAwsError,
  loadSecretsManager
} from "./chunks/chunk-QMUCHCOD.js";
import {
  parsePostgresRef
} from "./chunks/chunk-BUUQ6OD3.js";
import {
  TotpKitError,
  badInput,
  badSettings,
  canonicalJson,
  errorMessage,
  formatProblem,
  isSafeToPrint,
  looksLikeSeed,
  quote
} from "./chunks/chunk-4S6FNXA6.js";
import "./chunks/chunk-NATS7N6G.js";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter2 = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter2)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter2}"`);
  }
  if (convertedValue.includes(delimiter2)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter2}"`);
  }
  return `${key}<<${delimiter2}${os2.EOL}${convertedValue}${os2.EOL}${delimiter2}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";
import * as path from "path";

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function addPath(inputPath) {
  const filePath = process.env["GITHUB_PATH"] || "";
  if (filePath) {
    issueFileCommand("PATH", inputPath);
  } else {
    issueCommand("add-path", {}, inputPath);
  }
  process.env["PATH"] = `${inputPath}${path.delimiter}${process.env["PATH"]}`;
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// src/core/clock.ts
var CLOCK_TOLERANCE_SECONDS = 2;
var MAX_TIME_OFFSET_SECONDS = 86400;
function clockSourceProblem(value, label) {
  const allowed = "an http:// or https:// URL whose server sends a Date header, e.g. https://registry.npmjs.org";
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    return { setting: label, problem: "is not a URL (its value was not printed)", allowed };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const name = url.protocol.slice(0, -1);
    const scheme = isSafeToPrint(name) ? `${quote(name)} ` : "";
    return { setting: label, problem: `has the scheme ${scheme}where http or https is needed`, allowed };
  }
  return void 0;
}
function timeOffsetProblem(value, label) {
  const text = value.trim();
  const allowed = `seconds to add to this machine's clock, from -${MAX_TIME_OFFSET_SECONDS} to ${MAX_TIME_OFFSET_SECONDS} (e.g. -42 or 3.5)`;
  if (!/^[+-]?(0|[1-9][0-9]*)(\.[0-9]{1,3})?$/.test(text)) {
    return { setting: label, problem: `${quote(value)} is not a number of seconds`, allowed };
  }
  if (Math.abs(Number(text)) > MAX_TIME_OFFSET_SECONDS) {
    return { setting: label, problem: `${quote(value)} is out of range`, allowed };
  }
  return void 0;
}
function parseTimeOffset(value, label) {
  const problem = timeOffsetProblem(value, label);
  if (problem) throw badInput(problem.setting, problem.problem, problem.allowed);
  return Number(value.trim());
}
function describeOffset(offset) {
  const size = Math.abs(offset).toFixed(1);
  return offset >= 0 ? `${size} s ahead of this machine` : `${size} s behind this machine`;
}
function clockRequestProblems(request, labels) {
  const problems = [];
  if (request.clockSource !== void 0 && request.timeOffset !== void 0) {
    problems.push({
      setting: labels.clockSource,
      problem: `and ${labels.timeOffset} were both given`,
      allowed: "one of them: measure the offset, or state it"
    });
  }
  const source = request.clockSource === void 0 ? void 0 : clockSourceProblem(request.clockSource, labels.clockSource);
  const offset = request.timeOffset === void 0 ? void 0 : timeOffsetProblem(request.timeOffset, labels.timeOffset);
  return [...problems, ...source ? [source] : [], ...offset ? [offset] : []];
}
function signed(seconds, decimals) {
  return `${seconds >= 0 ? "+" : ""}${decimals === void 0 ? seconds : seconds.toFixed(decimals)}`;
}
function clockMessage(reading) {
  if (reading.applied) {
    return `clock: ${reading.origin} is ${describeOffset(reading.offset)}; codes use its time`;
  }
  return `clock: ${reading.origin} is within ${CLOCK_TOLERANCE_SECONDS} s of this machine (offset ${signed(reading.offset, 1)} s); codes use this machine's clock`;
}

// src/core/base32.ts
var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
var VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));
var VALID_TAIL_LENGTHS = /* @__PURE__ */ new Set([0, 2, 4, 5, 7]);
var ALLOWED = 'Base32 letters A\u2013Z and digits 2\u20137; spaces, "-" and trailing "=" are ignored';
function encodeBase32(bytes) {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = buffer << 8 | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[buffer >>> bits & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[buffer << 5 - bits & 31];
  return out;
}
function normalizeBase32(text) {
  const compact = text.replace(/[\s-]+/g, "");
  let end = compact.length;
  while (end > 0 && compact.charCodeAt(end - 1) === 61) end--;
  return compact.slice(0, end).replace(/[a-z]/g, (c) => c.toUpperCase());
}
function looksLikeHex(text) {
  const digits = text.replace(/\s+/g, "").replace(/^0x/i, "");
  return digits.length >= 2 && digits.length % 2 === 0 && /^[0-9a-f]+$/i.test(digits);
}
var HEX_NOT_BASE32 = "looks like hex (digits 0-9 and letters a-f only), not Base32";
function decodeBase32(text, label = "secret") {
  const clean = normalizeBase32(text);
  if (clean.length === 0) throw badInput(label, "is empty (no Base32 characters)", ALLOWED, "E_SEED_EMPTY");
  const refuse = (what) => badInput(label, looksLikeHex(text) ? HEX_NOT_BASE32 : `is not valid Base32: ${what}`, ALLOWED, "E_SEED_NOT_BASE32");
  const bytes = Buffer.alloc(Math.floor(clean.length * 5 / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < clean.length; i++) {
    const value = VALUES.get(clean[i]);
    if (value === void 0) {
      const what = clean[i] === "=" ? '"=" padding before the end' : "a character that is not Base32";
      throw refuse(`${what} at position ${i + 1}`);
    }
    buffer = (buffer << 5 | value) & 65535;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = buffer >>> bits & 255;
    }
  }
  if (!VALID_TAIL_LENGTHS.has(clean.length % 8)) {
    throw refuse(`${clean.length} ${clean.length === 1 ? "character" : "characters"} cannot encode whole bytes`);
  }
  return bytes;
}

// src/core/hmac.ts
import { createHmac } from "node:crypto";
var HMAC_NAMES = { SHA1: "sha1", SHA256: "sha256", SHA512: "sha512" };
var COUNTER = Buffer.alloc(8);
function truncatedHmac(secret, counter, algorithm) {
  const message = COUNTER;
  message.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  message.writeUInt32BE(counter >>> 0, 4);
  const mac = createHmac(HMAC_NAMES[algorithm], secret).update(message).digest();
  const offset = mac[mac.length - 1] & 15;
  return mac.readUInt32BE(offset) & 2147483647;
}

// src/core/steam.ts
var STEAM_ALPHABET = "23456789BCDFGHJKMNPQRTVWXY";
var STEAM_CODE_LENGTH = 5;
var STEAM_PERIOD = 30;
var STEAM_ALGORITHM = "SHA1";
var STEAM_CODE_SETTINGS = { algorithm: STEAM_ALGORITHM, digits: 6, period: STEAM_PERIOD };
function steamMisfits(settings, allowedDigits = []) {
  const misfits = [];
  if (settings.algorithm !== void 0 && settings.algorithm !== STEAM_ALGORITHM) misfits.push("algorithm");
  if (settings.digits !== void 0 && !allowedDigits.includes(settings.digits)) misfits.push("digits");
  if (settings.period !== void 0 && settings.period !== STEAM_PERIOD) misfits.push("period");
  return misfits;
}
function steamSettingProblems(settings, why = "") {
  const suffix = why === "" ? "" : ` ${why}`;
  return steamMisfits(settings).map((setting) => {
    if (setting === "algorithm") {
      return {
        setting,
        problem: `${settings.algorithm} cannot be used with Steam Guard codes, which use ${STEAM_ALGORITHM}${suffix}`,
        allowed: `${STEAM_ALGORITHM}, or leave it out`
      };
    }
    if (setting === "digits") {
      return {
        setting,
        problem: `cannot be used with Steam Guard codes, which are always ${STEAM_CODE_LENGTH} characters${suffix}`,
        allowed: "leave it out"
      };
    }
    return {
      setting,
      problem: `${settings.period} cannot be used with Steam Guard codes, which change every ${STEAM_PERIOD} s${suffix}`,
      allowed: `${STEAM_PERIOD}, or leave it out`
    };
  });
}
var STEAM_CODE = new RegExp(`^[${STEAM_ALPHABET}]{${STEAM_CODE_LENGTH}}$`);
function steamCode(secret, counter) {
  let value = truncatedHmac(secret, counter, STEAM_ALGORITHM);
  let code = "";
  for (let i = 0; i < STEAM_CODE_LENGTH; i++) {
    code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}
function isSteamCode(code) {
  return STEAM_CODE.test(code);
}
function isSteamIssuer(issuer) {
  return issuer !== void 0 && issuer.trim().toLowerCase() === "steam";
}
function isUpperCaseBase32Text(text) {
  return /^[A-Z2-7]+=*$/.test(text.replace(/[\s-]+/g, ""));
}
var BASE64_ALLOWED = 'base64 as Steam stores shared_secret (A\u2013Z, a\u2013z, 0\u20139 and + /, or - _; "=" padding optional)';
var BASE64_STANDARD = /^[A-Za-z0-9+/]*$/;
var BASE64_URL = /^[A-Za-z0-9_-]*$/;
function decodeBase64Secret(text, label = "secret") {
  const compact = text.replace(/\s+/g, "");
  let end = compact.length;
  while (end > 0 && compact.charCodeAt(end - 1) === 61) end--;
  const body = compact.slice(0, end);
  const padding = compact.length - end;
  if (body.length === 0) throw badInput(label, "is empty (no base64 characters)", BASE64_ALLOWED, "E_SEED_EMPTY");
  if (!BASE64_STANDARD.test(body) && !BASE64_URL.test(body)) {
    const at = [...body].findIndex((c) => !/[A-Za-z0-9]/.test(c) && !"+/_-".includes(c));
    const what = at >= 0 ? body[at] === "=" ? `"=" padding before the end (position ${at + 1})` : `a character that is not base64 at position ${at + 1}` : "characters of both the standard (+ /) and the URL-safe (- _) alphabet";
    throw badInput(label, `is not valid base64: ${what}`, BASE64_ALLOWED, "E_SEED_NOT_BASE64");
  }
  if (body.length % 4 === 1 || padding > 2 || padding > 0 && (body.length + padding) % 4 !== 0) {
    throw badInput(
      label,
      `is not valid base64: ${body.length} characters${padding > 0 ? ` and ${padding} "="` : ""} cannot encode whole bytes`,
      BASE64_ALLOWED,
      "E_SEED_NOT_BASE64"
    );
  }
  return Buffer.from(body, BASE64_URL.test(body) ? "base64url" : "base64");
}
function decodeSteamSecret(text, label = "secret") {
  return isUpperCaseBase32Text(text) ? Buffer.from(decodeBase32(text, label)) : decodeBase64Secret(text, label);
}
function base64Forms(secret) {
  const bytes = Buffer.from(secret);
  const standard = bytes.toString("base64");
  return [standard, standard.replace(/=+$/, ""), bytes.toString("base64url")];
}

// src/core/settings.ts
var ALGORITHMS = ["SHA1", "SHA256", "SHA512"];
var ENCODERS = ["totp", "steam"];
var DEFAULTS = {
  algorithm: "SHA1",
  digits: 6,
  period: 30,
  keySize: 20,
  skew: 1,
  qrSize: 200,
  maxValidationAttempts: 5
};
var LIMITS = {
  /** RFC 4226 R6: a shared secret of at least 128 bits. */
  minKeySize: 16,
  maxKeySize: 1024,
  /** Periods above this do not fit the 32-bit counters some authenticator apps use. */
  maxPeriod: 2 ** 32 - 1,
  maxQrSize: 4096,
  maxValidationAttempts: 1e3,
  /** Periods outside this range work but are unusual enough to warn about. */
  usualPeriod: [10, 120]
};
var CODE_SETTINGS_ALLOWED = {
  algorithm: "SHA1, SHA256 or SHA512",
  digits: "6 or 8",
  period: `whole seconds from 1 to ${LIMITS.maxPeriod}`
};
function normalizeAlgorithm(value) {
  if (typeof value !== "string") return void 0;
  const name = value.trim().toUpperCase().replace(/^SHA-/, "SHA");
  return ALGORITHMS.includes(name) ? name : void 0;
}
function normalizeEncoder(value) {
  if (typeof value !== "string") return void 0;
  const name = value.trim().toLowerCase();
  return ENCODERS.includes(name) ? name : void 0;
}
function parseWholeNumber(value) {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : void 0;
  if (typeof value !== "string") return void 0;
  const text = value.trim();
  if (!/^(0|[1-9][0-9]*)$/.test(text)) return void 0;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : void 0;
}
function wholeInRange(setting, value, min, max, allowed) {
  const n = parseWholeNumber(value);
  if (n === void 0) {
    const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
    const negative = typeof value === "number" ? value < 0 : text.startsWith("-");
    const huge = /^[0-9]+$/.test(text) || typeof value === "number" && Number.isInteger(value);
    const what = negative ? "is negative" : huge ? "is too large" : "is not a whole number";
    return { problem: { setting, problem: `${quote(value)} ${what}`, allowed } };
  }
  if (n < min || n > max) {
    return { problem: { setting, problem: `${n} is out of range`, allowed } };
  }
  return { value: n };
}
var LABEL_ALLOWED = 'any text without ":"';
function labelPartProblem(setting, value, required = false) {
  if (value === void 0 || value === "") {
    return required ? { setting, problem: "is required for a generated key", allowed: LABEL_ALLOWED } : void 0;
  }
  if (typeof value !== "string") return { setting, problem: "is not text", allowed: LABEL_ALLOWED };
  if (value.includes(":")) {
    return { setting, problem: `contains ":" (character ${value.indexOf(":") + 1})`, allowed: LABEL_ALLOWED };
  }
  if (!value.isWellFormed()) return { setting, problem: "is not well-formed Unicode text", allowed: LABEL_ALLOWED };
  return void 0;
}
function checkLabelPart(setting, value, required, problems) {
  const problem = labelPartProblem(setting, value, required);
  if (problem) problems.push(problem);
  return problem || value === "" ? void 0 : value;
}
function checkSettings(input, options = {}) {
  const problems = [];
  const warnings = [];
  const settings = {};
  if (input.algorithm !== void 0) {
    const algorithm = normalizeAlgorithm(input.algorithm);
    if (algorithm) settings.algorithm = algorithm;
    else
      problems.push({
        setting: "algorithm",
        problem: `${quote(input.algorithm)} is not supported`,
        allowed: CODE_SETTINGS_ALLOWED.algorithm
      });
  }
  if (input.digits !== void 0) {
    const digits = parseWholeNumber(input.digits);
    if (digits === 6 || digits === 8) settings.digits = digits;
    else
      problems.push({
        setting: "digits",
        problem: `${quote(input.digits)} is not allowed`,
        allowed: CODE_SETTINGS_ALLOWED.digits
      });
  }
  if (input.period !== void 0) {
    const r = wholeInRange("period", input.period, 1, LIMITS.maxPeriod, CODE_SETTINGS_ALLOWED.period);
    if (r.problem) problems.push(r.problem);
    else {
      settings.period = r.value;
      const [low, high] = LIMITS.usualPeriod;
      if (r.value < low || r.value > high)
        warnings.push(`period ${r.value} s is unusual: authenticator apps expect ${low}\u2013${high} s (most use 30)`);
    }
  }
  if (input.keySize !== void 0) {
    const r = wholeInRange(
      "keySize",
      input.keySize,
      LIMITS.minKeySize,
      LIMITS.maxKeySize,
      `${LIMITS.minKeySize} to ${LIMITS.maxKeySize} bytes (RFC 4226 asks for at least ${LIMITS.minKeySize})`
    );
    if (r.problem) problems.push(r.problem);
    else settings.keySize = r.value;
  }
  if (input.skew !== void 0) {
    const skew = parseWholeNumber(input.skew);
    if (skew === 0 || skew === 1) settings.skew = skew;
    else problems.push({ setting: "skew", problem: `${quote(input.skew)} is not allowed`, allowed: "0 or 1" });
  }
  if (input.qrSize !== void 0) {
    const r = wholeInRange("qrSize", input.qrSize, 0, LIMITS.maxQrSize, `0 (no barcode) to ${LIMITS.maxQrSize} pixels`);
    if (r.problem) problems.push(r.problem);
    else settings.qrSize = r.value;
  }
  if (input.maxValidationAttempts !== void 0) {
    const r = wholeInRange(
      "maxValidationAttempts",
      input.maxValidationAttempts,
      1,
      LIMITS.maxValidationAttempts,
      `1 to ${LIMITS.maxValidationAttempts}`
    );
    if (r.problem) problems.push(r.problem);
    else settings.maxValidationAttempts = r.value;
  }
  if (input.encoder !== void 0) {
    const encoder = normalizeEncoder(input.encoder);
    if (encoder) settings.encoder = encoder;
    else
      problems.push({
        setting: "encoder",
        problem: `${quote(input.encoder)} is not supported`,
        allowed: "totp or steam"
      });
    if (encoder === "steam") problems.push(...steamSettingProblems(settings));
  }
  const issuer = checkLabelPart("issuer", input.issuer, options.generated === true, problems);
  if (issuer !== void 0) settings.issuer = issuer;
  const accountName = checkLabelPart("accountName", input.accountName, options.generated === true, problems);
  if (accountName !== void 0) settings.accountName = accountName;
  return { settings, problems, warnings };
}
function codeSettingsOf(settings) {
  return {
    ...settings.algorithm !== void 0 ? { algorithm: settings.algorithm } : {},
    ...settings.digits !== void 0 ? { digits: settings.digits } : {},
    ...settings.period !== void 0 ? { period: settings.period } : {}
  };
}
function withDefaults(settings) {
  return { ...DEFAULTS, ...settings };
}

// src/core/seed.ts
function shortSeedWarning(seed, label) {
  if (seed.length >= LIMITS.minKeySize) return void 0;
  return `${label}: the seed is ${seed.length} bytes; RFC 4226 recommends at least ${LIMITS.minKeySize} (it is accepted, but consider rotating it)`;
}

// src/core/time.ts
function nowSeconds() {
  return Date.now() / 1e3;
}
function expiresAt(t, period) {
  return (Math.floor(t / period) + 1) * period;
}
function assertMinRemaining(minRemaining, period, label = "minRemaining") {
  if (!Number.isSafeInteger(minRemaining) || minRemaining < 0 || minRemaining >= period) {
    throw badInput(
      label,
      `${minRemaining} is out of range for a ${period} s period`,
      `whole seconds from 0 to ${period - 1}`
    );
  }
}
function planFreshCode(t, period, minRemaining, label = "minRemaining") {
  assertMinRemaining(minRemaining, period, label);
  const left = period - t % period;
  if (left >= minRemaining) return { at: t, waitSeconds: 0 };
  const next = expiresAt(t, period);
  return { at: next, waitSeconds: next - t };
}
function tenths(seconds) {
  return (Math.floor(seconds * 10) / 10).toFixed(1);
}

// src/core/totp.ts
import { timingSafeEqual } from "node:crypto";
var MODULUS = { 6: 1e6, 8: 1e8 };
function isCodeTime(unixSeconds) {
  return typeof unixSeconds === "number" && Number.isFinite(unixSeconds) && unixSeconds >= 0 && unixSeconds <= Number.MAX_SAFE_INTEGER;
}
function counterAt(unixSeconds, period) {
  if (!isCodeTime(unixSeconds)) {
    throw badInput("time", "is not a Unix time", "a finite number of seconds \u2265 0", "E_BAD_TIME");
  }
  return Math.floor(unixSeconds / period);
}
function hotpValue(secret, counter, algorithm, digits) {
  return String(truncatedHmac(secret, counter, algorithm) % MODULUS[digits]).padStart(digits, "0");
}
function codeLength(key) {
  return key.encoder === "steam" ? STEAM_CODE_LENGTH : key.digits;
}
function codeFormatText(key) {
  return key.encoder === "steam" ? `${STEAM_CODE_LENGTH} characters from ${STEAM_ALPHABET}` : `${key.digits} digits 0-9`;
}
function isWellFormedCode(key, code) {
  if (key.encoder === "steam") return isSteamCode(code);
  return code.length === key.digits && /^[0-9]+$/.test(code);
}
function codeAt(key, counter) {
  return key.encoder === "steam" ? steamCode(key.secret, counter) : hotpValue(key.secret, counter, key.algorithm, key.digits);
}
function assertCheckedSettings(given) {
  const { settings, problems } = checkSettings(given);
  for (const setting of Object.keys(given)) {
    const problem = problems.find((p) => p.setting === setting);
    if (problem) throw badInput(setting, problem.problem, problem.allowed);
    if (settings[setting] === void 0 || settings[setting] !== given[setting]) {
      throw badInput(setting, `${quote(given[setting])} is not allowed`, CODE_SETTINGS_ALLOWED[setting]);
    }
  }
}
function assertCodeSettings(key) {
  const passed = PASSED.get(key);
  if (passed !== void 0 && passed.algorithm === key.algorithm && passed.digits === key.digits && passed.period === key.period && passed.encoder === key.encoder) {
    return;
  }
  assertCheckedSettings({ algorithm: key.algorithm, digits: key.digits, period: key.period });
  if (key.encoder !== void 0 && key.encoder !== "steam" && key.encoder !== "totp") {
    throw badInput("encoder", `${quote(key.encoder)} is not supported`, "steam, or leave it out");
  }
  const misfit = key.encoder === "steam" ? steamMisfits({ algorithm: key.algorithm, period: key.period })[0] : void 0;
  if (misfit !== void 0) {
    throw badInput(
      misfit,
      "does not fit a Steam key",
      `algorithm ${STEAM_ALGORITHM} and period ${STEAM_PERIOD} with encoder steam`
    );
  }
  PASSED.set(key, { algorithm: key.algorithm, digits: key.digits, period: key.period, encoder: key.encoder });
}
var PASSED = /* @__PURE__ */ new WeakMap();
function generateCode(key, unixSeconds = nowSeconds()) {
  assertCodeSettings(key);
  return codeAt(key, counterAt(unixSeconds, key.period));
}
function normalizeCode(input, format) {
  if (typeof input !== "string") return void 0;
  const compact = input.replace(/\s+/g, "");
  return format?.encoder === "steam" ? compact.replace(/[a-z]/g, (c) => c.toUpperCase()) : compact;
}
function verifyCode(key, input, options = {}) {
  const code = normalizeCode(input, key);
  if (code === void 0 || !isWellFormedCode(key, code)) {
    return code === void 0 ? { valid: false } : { valid: false, code };
  }
  assertCodeSettings(key);
  const skew = options.skew ?? 1;
  if (skew !== 0 && skew !== 1) throw badInput("skew", `${quote(skew)} is not allowed`, "0 or 1");
  const at = options.at ?? nowSeconds();
  if (!isCodeTime(at)) return { valid: false, code };
  const current = counterAt(at, key.period);
  const given = Buffer.from(code, "ascii");
  let matched;
  for (let delta = skew === 0 ? 0 : -skew; delta <= skew; delta++) {
    const counter = current + delta;
    if (counter < 0) continue;
    const expected = Buffer.from(codeAt(key, counter), "ascii");
    if (timingSafeEqual(expected, given) && matched === void 0) matched = delta;
  }
  if (matched === void 0) return { valid: false, code };
  return { valid: true, code, counter: current + matched, delta: matched };
}

// src/core/names.ts
var RESOURCE_NAME = /^\w(?:[\w.@-]*\w)?$/;
var ENTITY_ID = /^[A-Za-z0-9_.@+-]{1,128}$/;
var NAME_RULE = 'letters, digits, "_", "-", ".", "@", starting and ending with a letter, digit or "_" (at most 128)';
function nameProblem(setting, value) {
  if (typeof value !== "string" || value === "") return { setting, problem: "is required", allowed: NAME_RULE };
  if (looksLikeSeed(value))
    return { setting, problem: "looks like a seed, not a name (not printed)", allowed: NAME_RULE };
  if (value.length > 128 || !RESOURCE_NAME.test(value))
    return { setting, problem: `${quote(value)} is not a valid name`, allowed: NAME_RULE };
  return void 0;
}
function entityProblem(setting, value) {
  if (typeof value !== "string" || value === "")
    return { setting, problem: "is required", allowed: "letters, digits and _ . @ + -" };
  if (!ENTITY_ID.test(value))
    return {
      setting,
      problem: `${quote(value)} is not a valid entity id`,
      allowed: "letters, digits and _ . @ + - (at most 128)"
    };
  return void 0;
}

// node_modules/otpauth/dist/otpauth.node.mjs
var globalScope = (() => {
  if (typeof globalThis === "object") return globalThis;
  else {
    Object.defineProperty(Object.prototype, "__GLOBALTHIS__", {
      get() {
        return this;
      },
      configurable: true
    });
    try {
      if (typeof __GLOBALTHIS__ !== "undefined") return __GLOBALTHIS__;
    } finally {
      delete Object.prototype.__GLOBALTHIS__;
    }
  }
  if (typeof self !== "undefined") return self;
  else if (typeof window !== "undefined") return window;
  else if (typeof global !== "undefined") return global;
  return void 0;
})();
var ENCODER = globalScope.TextEncoder ? new globalScope.TextEncoder() : null;
var DECODER = globalScope.TextDecoder ? new globalScope.TextDecoder() : null;

// src/core/otpauth-parts.ts
var KNOWN_PARAMETERS = ["secret", "issuer", "algorithm", "digits", "period", "encoder"];
var URL_FORM = "otpauth://totp/Issuer:Account?secret=BASE32&issuer=\u2026&algorithm=\u2026&digits=\u2026&period=\u2026";
var LABEL_ALLOWED2 = 'Issuer:Account or Account, with no other ":" (literal or %3A)';
var asciiLower = (name) => name.replace(/[A-Z]/g, (c) => c.toLowerCase());
function knownParameters(params) {
  const found = /* @__PURE__ */ new Map();
  for (const [name, value] of params) {
    const known = KNOWN_PARAMETERS.find((k) => k === asciiLower(name));
    if (known === void 0) continue;
    const entry = found.get(known) ?? { values: [], names: [] };
    entry.values.push(value);
    entry.names.push(name);
    found.set(known, entry);
  }
  return found;
}
function repeatedParameters(parameters, label) {
  const problems = [];
  for (const [name, { values, names }] of parameters) {
    if (values.length < 2) continue;
    const spellings = [...new Set(names)];
    const written = spellings.length > 1 ? ` (${spellings.join(", ")}: names are case-insensitive)` : "";
    problems.push({
      setting: label,
      problem: `has ${values.length} "${name}" parameters${written}`,
      allowed: "each parameter once",
      code: "E_URL_DUPLICATE"
    });
  }
  return problems;
}
function readSecret(text, label, problems) {
  if (text === void 0 || text.trim() === "") {
    problems.push({ setting: label, problem: "has no secret parameter", allowed: URL_FORM, code: "E_URL_NO_SECRET" });
    return void 0;
  }
  try {
    return decodeBase32(text, `${label} secret parameter`);
  } catch (e) {
    if (!(e instanceof TotpKitError)) throw e;
    problems.push(...e.problems.map((p) => ({ ...p, code: e.code })));
    return void 0;
  }
}
function readLabel(rawLabel, issuerParameter, label, problems) {
  const path2 = labelText(rawLabel, label, problems);
  const colon = path2.indexOf(":");
  const labelIssuer = colon >= 0 ? path2.slice(0, colon) : void 0;
  const accountName = (colon >= 0 ? path2.slice(colon + 1) : path2).trimStart();
  if (issuerParameter?.includes(":")) {
    problems.push({
      setting: `${label} issuer parameter`,
      problem: `contains ":" (character ${issuerParameter.indexOf(":") + 1}), which the Key URI format does not allow in an issuer`,
      allowed: 'an issuer without ":"',
      code: "E_URL_LABEL"
    });
  }
  return { issuer: issuerParameter || labelIssuer, accountName };
}
function readSettings(one, encoder, label, problems) {
  const steam2 = encoder?.encoder === "steam";
  const given = {
    algorithm: one("algorithm"),
    // A Steam URL says digits=5 (Aegis, KeePassXC) or the digits=6 of tools that do not know Steam.
    digits: steam2 ? steamDigits(one("digits"), label, problems) : one("digits"),
    period: one("period")
  };
  const check = checkSettings(given);
  for (const p of check.problems) {
    const value = given[p.setting] ?? "";
    const problem = isSafeToPrint(value) ? p.problem : "has a value that is not allowed";
    problems.push({ ...p, setting: `${label} ${p.setting} parameter`, problem, code: "E_URL_SETTING" });
  }
  const explicit = codeSettingsOf(check.settings);
  if (steam2) {
    const { digits: _digits, ...stated } = explicit;
    for (const p of steamSettingProblems(stated, `(the URL is a Steam key: ${encoder.statedAs})`)) {
      problems.push({ ...p, setting: `${label} ${p.setting} parameter`, code: "E_URL_SETTING" });
    }
  }
  return explicit;
}
function urlError(problems) {
  const plain = problems.map(({ code: _code, ...p }) => p);
  return new TotpKitError(
    "bad-input",
    problems[0]?.code ?? "E_URL_INVALID",
    plain.map((p) => formatProblem(p)).join("\n"),
    plain
  );
}
function labelText(raw, label, problems) {
  let path2;
  try {
    path2 = decodeURIComponent(raw);
  } catch {
    problems.push({
      setting: label,
      problem: "has a label with broken percent-encoding",
      allowed: URL_FORM,
      code: "E_URL_LABEL"
    });
    return "";
  }
  const colons = path2.split(":").length - 1;
  if (colons > 1) {
    problems.push({
      setting: label,
      problem: `has a label with ${colons} ":" (literal or %3A); only one may separate the issuer from the account`,
      allowed: LABEL_ALLOWED2,
      code: "E_URL_LABEL"
    });
    return "";
  }
  return path2;
}
function statedEncoder(type, text, issuer, label, problems) {
  let parameter;
  if (text !== void 0) {
    parameter = normalizeEncoder(text);
    if (parameter === void 0) {
      const problem = isSafeToPrint(text) ? `${quote(text)} is not supported` : "has a value that is not supported";
      problems.push({
        setting: `${label} encoder parameter`,
        problem,
        allowed: "steam or totp",
        code: "E_URL_SETTING"
      });
    }
  }
  if (type === "steam") {
    if (parameter === "totp") {
      problems.push({
        setting: `${label} encoder parameter`,
        problem: "totp contradicts the otpauth://steam/ type",
        allowed: "steam, or leave it out",
        code: "E_URL_SETTING"
      });
    }
    return { encoder: "steam", statedAs: "the otpauth://steam/ type" };
  }
  if (parameter !== void 0) return { encoder: parameter, statedAs: `encoder=${parameter}` };
  return isSteamIssuer(issuer) ? { encoder: "steam", statedAs: "the issuer Steam" } : void 0;
}
function steamDigits(text, label, problems) {
  if (text === void 0) return void 0;
  const digits = parseWholeNumber(text);
  if (digits === STEAM_CODE_LENGTH || digits === STEAM_CODE_SETTINGS.digits) return void 0;
  problems.push({
    setting: `${label} digits parameter`,
    problem: `${isSafeToPrint(text) ? quote(text) : "a value"} cannot be used with Steam Guard codes, which are always ${STEAM_CODE_LENGTH} characters`,
    allowed: `${STEAM_CODE_LENGTH}, or leave it out`,
    code: "E_URL_SETTING"
  });
  return void 0;
}

// src/core/otpauth-url.ts
function isOtpauthUrl(text) {
  return /^\s*otpauth:/i.test(text);
}
function secretParameterOf(text) {
  try {
    return knownParameters(new URL(text.trim()).searchParams).get("secret")?.values[0] ?? "";
  } catch {
    return "";
  }
}
function parseOtpauthUrl(text, label = "url") {
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    throw badInput(label, "is not a valid URL", URL_FORM, "E_URL_INVALID");
  }
  if (url.protocol.toLowerCase() !== "otpauth:") {
    throw badInput(label, "is not an otpauth:// URL", URL_FORM, "E_URL_INVALID");
  }
  const type = url.host.toLowerCase();
  if (type === "hotp") {
    throw badInput(
      label,
      "is an hotp (counter-based) URL; only totp (time-based) URLs are supported",
      URL_FORM,
      "E_URL_HOTP"
    );
  }
  if (type !== "totp" && type !== "steam")
    throw badInput(label, "has an unknown OTP type", "totp or steam", "E_URL_TYPE");
  const problems = [];
  const parameters = knownParameters(url.searchParams);
  problems.push(...repeatedParameters(parameters, label));
  const one = (name) => {
    const values = parameters.get(name)?.values;
    return values?.length === 1 ? values[0] : void 0;
  };
  const secret = (parameters.get("secret")?.values.length ?? 0) > 1 ? void 0 : readSecret(one("secret"), label, problems);
  const rawLabel = /^otpauth:\/\/[^/?#]*\/([^?#]*)/i.exec(text.trim())?.[1] ?? "";
  const { issuer, accountName } = readLabel(rawLabel, one("issuer"), label, problems);
  const encoder = statedEncoder(type, one("encoder"), issuer, label, problems);
  const explicit = readSettings(one, encoder, label, problems);
  if (problems.length > 0 || secret === void 0) throw urlError(problems);
  const { algorithm, digits, period } = withDefaults(explicit);
  const key = {
    secret,
    algorithm,
    digits,
    period,
    ...issuer ? { issuer } : {},
    ...accountName ? { accountName } : {},
    ...encoder?.encoder === "steam" ? { encoder: "steam" } : {}
  };
  return { key, explicit, ...encoder ? { encoder } : {} };
}

// src/stores/records.ts
function corrupt(what, field) {
  return new TotpKitError(
    "backend",
    "E_STORE_CORRUPT",
    `${what} in the store is damaged (field "${field}"); fix or delete it`
  );
}
function checkCommon(raw, what) {
  const check = checkSettings({
    algorithm: raw.algorithm,
    digits: raw.digits,
    period: raw.period,
    ...raw.skew !== void 0 ? { skew: raw.skew } : {},
    ...raw.qrSize !== void 0 ? { qrSize: raw.qrSize } : {},
    ...raw.maxValidationAttempts !== void 0 ? { maxValidationAttempts: raw.maxValidationAttempts } : {}
  });
  const first = check.problems[0];
  if (first) throw corrupt(what, first.setting);
  for (const field of ["algorithm", "digits", "period"]) {
    if (typeof raw[field] !== (field === "algorithm" ? "string" : "number")) throw corrupt(what, field);
  }
  if (typeof raw.generation !== "string") throw corrupt(what, "generation");
}
function asKeyRecord(raw, name) {
  const what = `key "${name}"`;
  checkCommon(raw, what);
  if (raw.name !== name) throw corrupt(what, "name");
  if (typeof raw.generated !== "boolean") throw corrupt(what, "generated");
  if (raw.secret === void 0) throw corrupt(what, "secret");
  if (typeof raw.usedCodes !== "object" || raw.usedCodes === null) throw corrupt(what, "usedCodes");
  if (raw.encoder !== void 0 && (raw.encoder !== "steam" || steamMisfits({ algorithm: raw.algorithm, period: raw.period }).length > 0)) {
    throw corrupt(what, "encoder");
  }
  return raw;
}
function asMethodRecord(raw, name) {
  const what = `MFA method "${name}"`;
  checkCommon(raw, what);
  if (raw.methodName !== name) throw corrupt(what, "methodName");
  if (typeof raw.issuer !== "string") throw corrupt(what, "issuer");
  return raw;
}
function asEnrollmentRecord(raw, method, entityId) {
  const what = `enrollment of "${entityId}" in MFA method "${method}"`;
  checkCommon(raw, what);
  if (raw.method !== method || raw.entityId !== entityId) throw corrupt(what, "entityId");
  if (raw.secret === void 0) throw corrupt(what, "secret");
  return raw;
}
function enrollmentId(method, entityId) {
  return `${method}/${entityId}`;
}
function toStoreRecord(record) {
  return record;
}
function openKeyRecord(secrets, record) {
  return {
    secret: secrets.open(record.secret, `key/${record.name}`, `key "${record.name}"`),
    algorithm: record.algorithm,
    digits: record.digits,
    period: record.period,
    ...record.issuer !== void 0 ? { issuer: record.issuer } : {},
    ...record.accountName !== void 0 ? { accountName: record.accountName } : {},
    ...record.encoder !== void 0 ? { encoder: record.encoder } : {}
  };
}

// src/resources/context.ts
function contextNow(ctx) {
  return ctx.now ? ctx.now() : nowSeconds();
}
function notFound(what) {
  return new TotpKitError("bad-input", "E_NOT_FOUND", `${what} does not exist`);
}

// src/resources/method.ts
async function findMethod(ctx, name) {
  const raw = await ctx.store.get("method", name);
  return raw ? asMethodRecord(raw, name) : void 0;
}

// src/resources/verdicts.ts
async function verifyWithKey(key, input, options = {}) {
  const code = normalizeCode(input, key) ?? "";
  if (!isWellFormedCode(key, code)) return { valid: false, reason: "malformed", expected: codeFormatText(key) };
  if (key.remote) {
    const verdict2 = await key.remote.validate(code);
    return verdict2.valid ? { valid: true } : { valid: false, reason: verdict2.reason ?? "invalid" };
  }
  const outcome = verifyCode(key, code, options);
  return outcome.valid ? { valid: true, ...outcome.delta !== void 0 ? { delta: outcome.delta } : {} } : { valid: false, reason: "invalid" };
}
function refusalMessage(refusal, digits, attempts = "unlimited") {
  const limited = attempts === "limited";
  switch (refusal.reason) {
    case "malformed":
      return `the code must be ${refusal.expected ?? `${digits ?? 6} digits 0-9`} (spaces are ignored)${limited ? "; not counted as an attempt" : ""}`;
    case "used":
      return "code already used; wait for the next code";
    case "locked":
      return `too many failed attempts; try again in ${refusal.retryIn} s`;
    default:
      return limited && refusal.attemptsLeft !== void 0 ? `invalid code (${refusal.attemptsLeft} attempt${refusal.attemptsLeft === 1 ? "" : "s"} left before a lockout)` : "invalid code";
  }
}

// src/resources/enrollment.ts
function enrollmentProblems(method, entityId) {
  return [nameProblem("method", method), entityProblem("entityId", entityId)].filter(
    (p) => p !== void 0
  );
}
function checkIdentity(method, entityId) {
  const first = enrollmentProblems(method, entityId)[0];
  if (first) throw badInput(first.setting, first.problem, first.allowed, "E_BAD_NAME");
}
function info2(record) {
  const { secret: _s, lastAcceptedStep: _l, attempts: _a, ...rest } = record;
  return rest;
}
async function requireMethod(ctx, name) {
  const method = await findMethod(ctx, name);
  if (!method) throw notFound(`MFA method "${name}"`);
  return method;
}
async function findEnrollment(ctx, method, entityId) {
  checkIdentity(method, entityId);
  const raw = await ctx.store.get("enrollment", enrollmentId(method, entityId));
  return raw ? asEnrollmentRecord(raw, method, entityId) : void 0;
}
async function readEnrollment(ctx, method, entityId) {
  const record = await findEnrollment(ctx, method, entityId);
  if (!record) throw notFound(`enrollment of "${entityId}" in MFA method "${method}"`);
  return info2(record);
}
async function validateEnrollment(ctx, methodName, entityId, input, at) {
  checkIdentity(methodName, entityId);
  const code = normalizeCode(input) ?? "";
  if (code === "") throw badInput("code", "is empty", "the code to check", "E_CODE_REQUIRED");
  const method = await requireMethod(ctx, methodName);
  const id = enrollmentId(methodName, entityId);
  return ctx.store.update("enrollment", id, (current) => {
    if (!current) throw notFound(`enrollment of "${entityId}" in MFA method "${methodName}"`);
    const record = asEnrollmentRecord(current, methodName, entityId);
    const now = at ?? contextNow(ctx);
    if (!isWellFormedCode(record, code)) return { result: { valid: false, reason: "malformed" } };
    const window2 = record.attempts && now < record.attempts.windowStart + record.period ? record.attempts : void 0;
    if (window2 && window2.count >= method.maxValidationAttempts) {
      const retryIn = Math.max(1, Math.ceil(window2.windowStart + record.period - now));
      return { result: { valid: false, reason: "locked", retryIn, attemptsLeft: 0 } };
    }
    const key = {
      secret: ctx.store.secrets.open(
        record.secret,
        `enrollment/${id}`,
        `enrollment of "${entityId}" in MFA method "${methodName}"`
      ),
      algorithm: record.algorithm,
      digits: record.digits,
      period: record.period
    };
    const outcome = verifyCode(key, code, { at: now, skew: method.skew });
    if (outcome.valid && record.lastAcceptedStep !== void 0 && outcome.counter <= record.lastAcceptedStep) {
      return { result: { valid: false, reason: "used" } };
    }
    const attempts = { windowStart: window2?.windowStart ?? Math.floor(now), count: (window2?.count ?? 0) + 1 };
    if (outcome.valid) {
      const { attempts: _reset, ...rest } = record;
      return { result: { valid: true }, next: toStoreRecord({ ...rest, lastAcceptedStep: outcome.counter }) };
    }
    return {
      result: { valid: false, reason: "invalid", attemptsLeft: method.maxValidationAttempts - attempts.count },
      next: toStoreRecord({ ...record, attempts })
    };
  });
}
function enrollmentRefusal(v, digits) {
  return refusalMessage(v, digits, "limited");
}

// src/resources/fresh-code.ts
import { setTimeout as sleep } from "node:timers/promises";

// src/resources/lease.ts
import { createHash } from "node:crypto";
var MAX_LEASE_AHEAD_STEPS = 20;
function leaseId(key) {
  const hash = createHash("sha256");
  hash.update(`totp-kit lease v1\0${key.algorithm}\0${key.digits}\0${key.period}\0${key.encoder ?? "totp"}\0`);
  hash.update(key.secret);
  return hash.digest("hex");
}
function lastStepOf(record, id) {
  if (record === void 0) return -1;
  const last = record.lastStep;
  if (typeof last !== "number" || !Number.isSafeInteger(last) || last < 0) {
    throw new TotpKitError(
      "backend",
      "E_STORE_CORRUPT",
      `lease "${id.slice(0, 12)}\u2026" in the store is damaged (field "lastStep"); delete it`
    );
  }
  return last;
}
async function leaseStep(store, key, earliestStep, nowStep, now = /* @__PURE__ */ new Date()) {
  const id = leaseId(key);
  const step = await store.update("lease", id, (current) => {
    const step2 = Math.max(earliestStep, lastStepOf(current, id) + 1);
    if (step2 - nowStep > MAX_LEASE_AHEAD_STEPS) return { result: -1 };
    const next = { lastStep: step2, period: key.period, updatedAt: now.toISOString() };
    return { result: step2, next: { ...next } };
  });
  if (step < 0) {
    throw new TotpKitError(
      "backend",
      "E_LEASE_BUSY",
      `lease: the next free time step of this key in ${store.reference} is more than ${MAX_LEASE_AHEAD_STEPS} steps ahead (${MAX_LEASE_AHEAD_STEPS * key.period} s): too many callers at once, or a caller with a clock far ahead; try again later`
    );
  }
  return step;
}

// src/resources/fresh-code.ts
var defaultWait = (seconds) => sleep(Math.ceil(seconds * 1e3) + 20);
async function freshCode(key, options) {
  const offset = options.offset ?? 0;
  const wait = options.wait ?? defaultWait;
  const now = options.now ?? nowSeconds;
  const minRemainingLabel = options.minRemainingLabel ?? "minRemaining";
  if (key.remote && options.lease) {
    throw badInput(
      options.leaseLabel ?? "lease",
      `cannot be used with ${key.remote.reference}: its backend computes the code for its own time`,
      "a seed from env:, file:, aws-sm:, vault-kv: or store:"
    );
  }
  if (key.remote && offset !== 0) {
    throw badInput(
      "time offset",
      `cannot be applied to ${key.remote.reference}: its backend computes the code with its own clock`,
      "leave the clock source and time offset out"
    );
  }
  const { period } = key;
  for (let round = 1; ; round++) {
    const t = now() + offset;
    const current = Math.floor(t / period);
    const plan = planFreshCode(t, period, options.minRemaining, minRemainingLabel);
    let wanted = Math.floor(plan.at / period);
    let why = `the current code expires in ${tenths(period - t % period)} s (< ${minRemainingLabel} ${options.minRemaining})`;
    if (options.afterStep !== void 0 && options.afterStep + 1 > wanted) {
      wanted = options.afterStep + 1;
      why = "the code of this step was used already";
    }
    let step = wanted;
    if (options.lease && !key.remote) {
      step = await leaseStep(options.lease, key, wanted, current);
      if (step > wanted) {
        const taken = step - wanted;
        why = `lease: ${taken === 1 ? "another caller has the code of this step" : `other callers have the codes of ${taken} steps`}`;
      }
    }
    const afterLease = now() + offset;
    const nowStep = Math.floor(afterLease / period);
    if (step < nowStep && round < 5) continue;
    const waitSeconds = step * period - afterLease;
    if (waitSeconds > 0) {
      const ahead = step - nowStep;
      options.onWait?.(
        `${why}; waiting ${tenths(waitSeconds)} s for the ${ahead === 1 ? "next one" : `one ${ahead} steps ahead`}`
      );
      await wait(waitSeconds);
    }
    const at = Math.max(now() + offset, step * period);
    const end = (step + 1) * period;
    const code = key.remote ? await key.remote.code() : generateCode(key, step * period);
    return {
      code,
      step,
      at,
      remaining: Math.max(0, end - Math.floor(at)),
      expiresAt: end,
      waited: Math.max(0, waitSeconds),
      leased: options.lease !== void 0
    };
  }
}

// src/core/hex.ts
var HEX_PREFIX = "hex:";
var HEX_ALLOWED = 'hex digits 0-9 and a-f after "hex:", two per byte (spaces ignored)';
function isHexSeedText(text) {
  return text.trimStart().slice(0, HEX_PREFIX.length).toLowerCase() === HEX_PREFIX;
}
function hexDigitsOf(text) {
  return text.trimStart().slice(HEX_PREFIX.length).replace(/\s+/g, "").replace(/^0x/i, "");
}
function decodeHexSeed(text, label) {
  const digits = hexDigitsOf(text);
  if (digits.length === 0) throw badInput(label, 'has no hex digits after "hex:"', HEX_ALLOWED, "E_SEED_EMPTY");
  const at = digits.search(/[^0-9a-f]/i);
  if (at >= 0) {
    throw badInput(
      label,
      `is not valid hex: a character that is not a hex digit at position ${at + 1} after "hex:"`,
      HEX_ALLOWED,
      "E_SEED_NOT_HEX"
    );
  }
  if (digits.length % 2 !== 0) {
    throw badInput(
      label,
      `is not valid hex: ${digits.length} digits cannot encode whole bytes (two digits per byte)`,
      HEX_ALLOWED,
      "E_SEED_NOT_HEX"
    );
  }
  return Buffer.from(digits, "hex");
}

// src/core/seed-json.ts
var SEED_FIELDS = ["otpauth_url", "url", "secret", "seed", "totp"];
var STEAM_SEED_FIELD = "shared_secret";
var STEAM_OTHER_SECRET_FIELDS = ["identity_secret", "secret_1", "revocation_code", "uri"];
function isJsonObjectText(text) {
  return /^\s*[{[]/.test(text);
}
function topLevelKeys(text) {
  const keys = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      if (depth === 1 && /^\s*:/.test(text.slice(end + 1, end + 64)))
        keys.push(JSON.parse(text.slice(i, end + 1)));
      i = end;
    } else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return keys;
}
function kindOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
function fieldName(name) {
  return isSafeToPrint(name, "name") ? JSON.stringify(name) : quote(name);
}
var list = (names) => names.map(fieldName).join(", ");
function pickSeedFieldNamed(text, field, label, data) {
  let value = data;
  if (text !== void 0) {
    try {
      value = JSON.parse(text);
    } catch {
      throw badInput(label, "is not valid JSON", "a JSON object, a Base32 seed or an otpauth URL", "E_JSON_INVALID");
    }
    const keys = topLevelKeys(text);
    const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
    if (duplicate !== void 0) {
      throw badInput(label, `has the field ${fieldName(duplicate)} twice`, "each field once", "E_JSON_DUPLICATE");
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw badInput(
      label,
      `holds ${kindOf(value)}, not a JSON object`,
      "a JSON object with the seed in a text field",
      "E_JSON_INVALID"
    );
  }
  const object = value;
  const names = Object.keys(object);
  if (field !== void 0) {
    if (!Object.hasOwn(object, field)) {
      throw badInput(
        label,
        `has no field ${fieldName(field)}`,
        names.length > 0 ? `one of its fields: ${list(names)}` : "a field holding the seed",
        "E_JSON_FIELD"
      );
    }
    const picked = object[field];
    if (typeof picked !== "string") {
      throw badInput(
        label,
        `field ${fieldName(field)} holds ${kindOf(picked)}, not text`,
        "a field holding a Base32 seed or an otpauth URL",
        "E_JSON_FIELD"
      );
    }
    return { name: field, value: picked, object };
  }
  const textFields = names.filter((n) => typeof object[n] === "string");
  const pick = (name) => ({ name, value: object[name], object });
  if (textFields.includes(STEAM_SEED_FIELD)) return pick(STEAM_SEED_FIELD);
  if (textFields.length === 1) return pick(textFields[0]);
  const usual = SEED_FIELDS.filter((n) => textFields.includes(n));
  if (usual.length === 1) return pick(usual[0]);
  const candidates = usual.length > 1 ? usual : textFields;
  if (candidates.length === 0) {
    throw badInput(
      label,
      `has no text field holding a seed${names.length > 0 ? ` (fields: ${list(names)})` : ""}`,
      "a field holding a Base32 seed or an otpauth URL",
      "E_JSON_FIELD"
    );
  }
  throw badInput(
    label,
    `has ${candidates.length} candidate fields (${list(candidates)})`,
    "name one with #FIELD",
    "E_JSON_AMBIGUOUS"
  );
}

// src/core/seed-text.ts
var MAX_SEED_TEXT = 64 * 1024;
function parseSeedText(text, label, field, options = {}) {
  if (text.length > MAX_SEED_TEXT) {
    throw badInput(
      label,
      `is ${text.length} characters, too long for a seed`,
      `at most ${MAX_SEED_TEXT}`,
      "E_SEED_TOO_LONG"
    );
  }
  const forms = /* @__PURE__ */ new Set([text, text.trim(), ...text.split(/\r?\n/).map((l) => l.trim())]);
  if (field !== void 0 || isJsonObjectText(text)) return jsonSeed(text, label, field, options, forms);
  if (isOtpauthUrl(text)) {
    const { key, explicit, encoder } = parseOtpauthUrl(text, label);
    const raw = secretParameterOf(text);
    const encoded = /[?&]secret=([^&#]*)/i.exec(text)?.[1] ?? "";
    for (const form of [raw, encoded, encodeBase32(key.secret), normalizeBase32(raw), ...base64Forms(key.secret)]) {
      forms.add(form);
    }
    return {
      secret: key.secret,
      explicit,
      ...key.issuer !== void 0 ? { issuer: key.issuer } : {},
      ...key.accountName !== void 0 ? { accountName: key.accountName } : {},
      fromUrl: true,
      secretForms: nonEmpty(forms),
      ...encoder ? { encoder: encoder.encoder, encoderStatedAs: encoder.statedAs } : {}
    };
  }
  if (isHexSeedText(text)) return hexSeed(text, label, forms);
  return bareSeed(text, label, options.encoder, forms);
}
function hexSeed(text, label, forms) {
  const secret = decodeHexSeed(text, label);
  const hex = secret.toString("hex");
  for (const form of [hexDigitsOf(text), hex, hex.toUpperCase(), encodeBase32(secret), ...base64Forms(secret)]) {
    forms.add(form);
  }
  return { secret, explicit: {}, fromUrl: false, secretForms: nonEmpty(forms) };
}
function jsonSeed(text, label, field, options, forms) {
  return pickedSeed(pickSeedFieldNamed(text, field, label), label, field, options, forms);
}
function pickedSeed(picked, label, field, options = {}, forms = /* @__PURE__ */ new Set()) {
  const steam2 = picked.name === STEAM_SEED_FIELD;
  const inner = parseSeedText(
    picked.value,
    field === void 0 ? label : `${label}#${field}`,
    void 0,
    steam2 ? { encoder: "steam" } : options
  );
  const values = [picked.value];
  if (steam2) {
    for (const name of STEAM_OTHER_SECRET_FIELDS) {
      const other = picked.object[name];
      if (typeof other === "string") values.push(other);
    }
  }
  for (const form of inner.secretForms) forms.add(form);
  for (const value of values) {
    const escaped = JSON.stringify(value).slice(1, -1);
    for (const form of [value, escaped, escaped.replaceAll("/", "\\/")]) forms.add(form);
  }
  return {
    ...inner,
    secretForms: nonEmpty(forms),
    ...steam2 && inner.encoder === void 0 ? { encoder: "steam", encoderStatedAs: `the Steam field "${STEAM_SEED_FIELD}"` } : {}
  };
}
function bareSeed(text, label, encoder, forms) {
  const steam2 = encoder === "steam";
  const secret = steam2 ? decodeSteamSecret(text, label) : decodeBase32OrHint(text, label);
  if (!steam2 || isUpperCaseBase32Text(text)) forms.add(normalizeBase32(text));
  for (const form of [encodeBase32(secret), ...base64Forms(secret)]) forms.add(form);
  return { secret, explicit: {}, fromUrl: false, secretForms: nonEmpty(forms) };
}
function decodeBase32OrHint(text, label) {
  try {
    return decodeBase32(text, label);
  } catch (e) {
    if (!(e instanceof TotpKitError) || e.code !== "E_SEED_NOT_BASE32" || !looksLikeHex(text)) throw e;
    throw badInput(
      label,
      HEX_NOT_BASE32,
      'the same digits after the prefix "hex:", or Base32 letters A\u2013Z and digits 2\u20137',
      "E_SEED_NOT_BASE32"
    );
  }
}
function nonEmpty(forms) {
  return [...forms].filter((f) => f.length > 0);
}
function contradictions(stated, wanted, sourceLabel) {
  const problems = [];
  for (const setting of ["algorithm", "digits", "period"]) {
    const says = stated[setting];
    const asked = wanted[setting];
    if (says !== void 0 && asked !== void 0 && says !== asked) {
      problems.push({
        setting,
        problem: `${asked} contradicts the ${setting}=${says} that ${sourceLabel} states`,
        allowed: `${says}, or leave it out`
      });
    }
  }
  return problems;
}
function resolveKey(seed, given, sourceLabel, label = (s) => s) {
  const check = checkSettings(given);
  const problems = [...check.problems];
  const givenEncoder = check.settings.encoder;
  const encoder = givenEncoder ?? seed.encoder ?? "totp";
  if (givenEncoder !== void 0 && seed.encoder !== void 0 && givenEncoder !== seed.encoder) {
    problems.push({
      setting: "encoder",
      problem: `${givenEncoder} contradicts ${seed.encoderStatedAs ?? `the encoder=${seed.encoder}`} that ${sourceLabel} states`,
      allowed: `${seed.encoder}, or leave it out`
    });
  } else if (encoder === "steam") {
    if (givenEncoder === void 0) problems.push(...steamSettingProblems(check.settings));
    problems.push(...steamContradictions(seed.explicit, sourceLabel));
  }
  const named = new Set(problems.map((p) => p.setting));
  problems.push(...contradictions(seed.explicit, check.settings, sourceLabel).filter((p) => !named.has(p.setting)));
  if (problems.length > 0) throw badSettings(problems, label);
  const labels = {
    ...seed.issuer !== void 0 ? { issuer: seed.issuer } : {},
    ...seed.accountName !== void 0 ? { accountName: seed.accountName } : {}
  };
  if (encoder === "steam") {
    return { secret: seed.secret, ...STEAM_CODE_SETTINGS, ...labels, encoder: "steam" };
  }
  const settings = withDefaults({ ...codeSettingsOf(check.settings), ...seed.explicit });
  return {
    secret: seed.secret,
    algorithm: settings.algorithm,
    digits: settings.digits,
    period: settings.period,
    ...labels
  };
}
function steamContradictions(stated, sourceLabel) {
  return steamMisfits(stated, [STEAM_CODE_SETTINGS.digits]).map((setting) => ({
    setting: "encoder",
    problem: `steam contradicts the ${setting}=${stated[setting]} that ${sourceLabel} states (Steam Guard codes use ${STEAM_ALGORITHM} and ${STEAM_PERIOD} s steps)`,
    allowed: "totp, or leave it out"
  }));
}

// src/sources/aws-sm-source.ts
var SECRET_ID = /^(arn:[A-Za-z0-9-]+:secretsmanager:[a-z0-9-]+:\d{12}:secret:)?[A-Za-z0-9/_+=.@-]{1,512}$/;
function awsSmSource(rest, label, options = {}, text = {}) {
  const hash = rest.indexOf("#");
  const id = hash >= 0 ? rest.slice(0, hash) : rest;
  const field = hash >= 0 ? rest.slice(hash + 1) : void 0;
  if (!SECRET_ID.test(id)) {
    throw badInput(
      label,
      "aws-sm: needs a secret name or ARN",
      "aws-sm:NAME, aws-sm:ARN, optionally #FIELD",
      "E_SOURCE_REF"
    );
  }
  if (field === "") throw badInput(label, "has an empty #FIELD", "aws-sm:ID#FIELD with a field name", "E_SOURCE_REF");
  const reference = `aws-sm:${rest}`;
  return {
    reference,
    async read() {
      const { sdk, client } = await loadSecretsManager(reference, options.env ?? process.env, options.region);
      let output;
      try {
        output = await client.send(new sdk.GetSecretValueCommand({ SecretId: id }));
      } catch (e) {
        throw new TotpKitError(
          "backend",
          "E_SOURCE_BACKEND",
          `${reference}: GetSecretValue failed: ${describeAwsError(e, options.regionLabel)}`
        );
      } finally {
        client.destroy();
      }
      const value = output;
      if (typeof value.SecretString === "string") {
        if (value.SecretString.trim() === "")
          throw badInput(reference, "is empty", "a Base32 seed, an otpauth URL or a JSON object", "E_SOURCE_EMPTY");
        return parseSeedText(value.SecretString, reference, field, text);
      }
      if (value.SecretBinary instanceof Uint8Array && value.SecretBinary.length > 0) {
        if (field !== void 0)
          throw badInput(
            reference,
            "is a binary secret, which has no fields",
            `aws-sm:${id} without #FIELD`,
            "E_SOURCE_REF"
          );
        const secret = Buffer.from(value.SecretBinary);
        return {
          secret,
          explicit: {},
          fromUrl: false,
          secretForms: [secret.toString("base64"), secret.toString("hex"), encodeBase32(secret)]
        };
      }
      throw badInput(
        reference,
        "holds neither a SecretString nor a SecretBinary",
        "a secret with a value",
        "E_SOURCE_EMPTY"
      );
    }
  };
}

// src/sources/env-source.ts
var NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function envSource(name, env, label = "source", text = {}) {
  const reference = `env:${name}`;
  if (!NAME.test(name)) {
    throw badInput(
      label,
      name === "" ? "env: needs a variable name" : "env: has an invalid variable name",
      'env:NAME with letters, digits and "_", not starting with a digit'
    );
  }
  return {
    reference,
    async read() {
      const value = env[name];
      if (value === void 0)
        throw badInput(
          reference,
          "is not set",
          "a variable holding a Base32 seed or an otpauth URL",
          "E_SOURCE_NOT_FOUND"
        );
      if (value.trim() === "")
        throw badInput(reference, "is empty", "a Base32 seed or an otpauth URL", "E_SOURCE_EMPTY");
      return parseSeedText(value, reference, void 0, text);
    }
  };
}

// src/sources/file-source.ts
import { open as open2 } from "node:fs/promises";

// src/core/file-path.ts
function unexpandedTilde(path2, scheme = "file:") {
  const match = /^~([A-Za-z0-9._-]*)(?=[/\\]|$)/.exec(path2);
  if (!match) return void 0;
  const rest = path2.slice(match[0].length);
  return {
    problem: `${scheme}${path2}: "~" is not expanded (a shell expands it only at the start of a word, not after "${scheme}")`,
    allowed: match[1] === "" ? `the full path, e.g. ${scheme}$HOME${rest} in a shell` : "the full path"
  };
}

// src/sources/file-source.ts
var REASONS = {
  ENOENT: "does not exist",
  EACCES: "cannot be read (permission denied)",
  EPERM: "cannot be read (permission denied)",
  EISDIR: "is a directory",
  ENOTDIR: "has a path through something that is not a directory",
  ELOOP: "has a symbolic link loop"
};
async function readStreamCapped(stream, limit) {
  const chunks = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    chunks.push(bytes);
    total += bytes.length;
    if (total > limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit + 1);
}
async function readCapped(path2, limit) {
  if (path2 === "/dev/stdin" || path2 === "-") return readStreamCapped(process.stdin, limit);
  const handle = await open2(path2, "r");
  try {
    const chunks = [];
    let total = 0;
    while (total <= limit) {
      const chunk = Buffer.alloc(Math.min(16 * 1024, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return Buffer.concat(chunks);
  } finally {
    await handle.close();
  }
}
async function readSmallFile(path2, label, what = "a Base32 seed or an otpauth URL") {
  let bytes;
  try {
    bytes = await readCapped(path2, MAX_SEED_TEXT);
  } catch (e) {
    const code = e.code ?? "";
    throw badInput(
      label,
      REASONS[code] ?? `cannot be read (${code || "unknown error"})`,
      `a readable file holding ${what}`,
      "E_SOURCE_NOT_FOUND"
    );
  }
  if (bytes.length > MAX_SEED_TEXT) {
    throw badInput(
      label,
      `is too large (more than ${MAX_SEED_TEXT} bytes)`,
      `at most ${MAX_SEED_TEXT} bytes`,
      "E_SEED_TOO_LONG"
    );
  }
  const text = bytes.toString("utf8");
  if (text.trim() === "") throw badInput(label, "is empty", what, "E_SOURCE_EMPTY");
  return text;
}
function fileSource(path2, label = "source", text = {}) {
  const reference = `file:${path2}`;
  if (path2 === "") throw badInput(label, "file: needs a path", "file:PATH");
  const tilde = unexpandedTilde(path2);
  if (tilde) throw badInput(label, tilde.problem, tilde.allowed, "E_SOURCE_REF");
  return {
    reference,
    read: async () => parseSeedText(await readSmallFile(path2, reference), reference, void 0, text)
  };
}

// src/stores/secret-box.ts
import { createCipheriv, createDecipheriv, createHash as createHash2, hkdfSync, randomBytes, scryptSync } from "node:crypto";
var SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
var KEY_VARIABLE = "TOTP_KIT_STORE_KEY";
var ADOPT_VARIABLE = "TOTP_KIT_STORE_ADOPT";
var CHECK_TEXT = "totp-kit store key check";
var CHECK_TEXT_V2 = "totp-kit store key check v2: records authenticated";
var CHECK_CONTEXT = "store/key-check";
var IV_BYTES = 12;
var TAG_BYTES = 16;
var MAC_INFO = "totp-kit record authentication v1";
var STORE_KEY_RULE = `base64 of 32 random bytes, made with: openssl rand -base64 32 (or node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"); or a passphrase of at least 20 characters, at least 10 of them different`;
var MIN_PASSPHRASE_CHARACTERS = 20;
var MIN_PASSPHRASE_DIFFERENT = 10;
var MIN_RAW_KEY_DIFFERENT = 16;
function adoptionRequested(env) {
  const value = env[ADOPT_VARIABLE]?.trim();
  if (value === void 0 || value === "" || value === "0") return false;
  if (value !== "1") throw badInput(ADOPT_VARIABLE, `${quote(value)} is not 1`, "1, or unset", "E_STORE_ADOPT");
  if ((env[KEY_VARIABLE] ?? "").trim() === "") {
    throw badInput(
      ADOPT_VARIABLE,
      "is set, but TOTP_KIT_STORE_KEY is not",
      "set with TOTP_KIT_STORE_KEY",
      "E_STORE_ADOPT"
    );
  }
  return true;
}
function isSealedObject(value) {
  const v = value;
  return typeof value === "object" && value !== null && v.v === 1 && v.alg === "A256GCM" && (v.kdf === "raw" || v.kdf === "scrypt") && (v.kdf === "raw" || typeof v.salt === "string") && typeof v.iv === "string" && typeof v.tag === "string" && typeof v.data === "string";
}
var SecretBox = class {
  #raw;
  #passphrase;
  #derived = /* @__PURE__ */ new Map();
  #salt;
  /** TOTP_KIT_STORE_ADOPT: the store's current records are vouched for (see SecretBoxOptions). */
  adopting;
  /**
   * @param keySpec the value of TOTP_KIT_STORE_KEY, or undefined for no encryption.
   * @throws TotpKitError (bad-input) E_STORE_KEY_WEAK for a key that is neither base64 of 32 random bytes nor a
   *   passphrase of at least 20 characters with at least 10 different ones (the message says how to make one).
   */
  constructor(keySpec, options = {}) {
    this.adopting = options.adopt === true && keySpec !== void 0;
    if (keySpec === void 0) return;
    const spec = keySpec.trim();
    if (spec === "") throw badInput(KEY_VARIABLE, "is empty", STORE_KEY_RULE);
    const bytes = /^[A-Za-z0-9+/]{43}=$/.test(spec) ? Buffer.from(spec, "base64") : void 0;
    if (bytes?.length === 32) {
      if (new Set(bytes).size < MIN_RAW_KEY_DIFFERENT) {
        throw badInput(
          KEY_VARIABLE,
          "is too weak (base64 of 32 bytes that are not random)",
          STORE_KEY_RULE,
          "E_STORE_KEY_WEAK"
        );
      }
      this.#raw = bytes;
      return;
    }
    const characters = [...spec];
    if (characters.length < MIN_PASSPHRASE_CHARACTERS || new Set(characters).size < MIN_PASSPHRASE_DIFFERENT) {
      const what = characters.length < MIN_PASSPHRASE_CHARACTERS ? `a passphrase of ${characters.length} character${characters.length === 1 ? "" : "s"}` : `a passphrase of only ${new Set(characters).size} different characters`;
      throw badInput(KEY_VARIABLE, `is too weak (${what})`, STORE_KEY_RULE, "E_STORE_KEY_WEAK");
    }
    this.#passphrase = spec;
  }
  /** True when seeds are sealed (a store key is set). */
  get encrypting() {
    return this.#raw !== void 0 || this.#passphrase !== void 0;
  }
  #keyFor(kdf, salt) {
    if (kdf === "raw") {
      if (!this.#raw) throw wrongKey("a base64 32-byte key", "a passphrase");
      return this.#raw;
    }
    if (this.#passphrase === void 0 || salt === void 0) throw wrongKey("a passphrase", "a base64 32-byte key");
    let key = this.#derived.get(salt);
    if (!key) {
      key = scryptSync(this.#passphrase, Buffer.from(salt, "base64"), 32, SCRYPT);
      this.#derived.set(salt, key);
    }
    return key;
  }
  /**
   * Seals a seed for the record `context` (e.g. `key/npm-bot`). Without a store key, returns Base32.
   */
  seal(secret, context) {
    if (!this.encrypting) return encodeBase32(secret);
    const kdf = this.#raw ? "raw" : "scrypt";
    if (kdf === "scrypt" && this.#salt === void 0) this.#salt = randomBytes(16).toString("base64");
    const salt = kdf === "scrypt" ? this.#salt : void 0;
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.#keyFor(kdf, salt), iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const data = Buffer.concat([cipher.update(secret), cipher.final()]);
    return {
      v: 1,
      alg: "A256GCM",
      kdf,
      ...salt !== void 0 ? { salt } : {},
      iv: iv.toString("base64"),
      tag: cipher.getAuthTag().toString("base64"),
      data: data.toString("base64")
    };
  }
  /**
   * Opens a sealed seed of the record `context`. `what` names the record in errors.
   * @throws TotpKitError (bad-input) when the store key is missing or wrong; (backend) when the field is not a seed.
   */
  open(sealed, context, what) {
    if (typeof sealed === "string") {
      try {
        return decodeBase32(sealed, `${what} seed in the store`);
      } catch {
        throw damaged(what, context, "not Base32, not sealed");
      }
    }
    if (!isSealedObject(sealed)) throw damaged(what, context, "not Base32, not sealed");
    if (sealed.kdf === "scrypt" && this.#salt === void 0) this.#salt = sealed.salt;
    if (!this.encrypting) {
      throw badInput(
        KEY_VARIABLE,
        `is not set, but the seed of ${what} is encrypted`,
        "the key the store was written with",
        "E_STORE_KEY_MISSING"
      );
    }
    const iv = Buffer.from(sealed.iv, "base64");
    const tag = Buffer.from(sealed.tag, "base64");
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw damaged(what, context, `sealed, but its IV or tag is not ${IV_BYTES} or ${TAG_BYTES} bytes`);
    }
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.#keyFor(sealed.kdf, sealed.salt), iv, {
        authTagLength: TAG_BYTES
      });
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(Buffer.from(sealed.data, "base64")), decipher.final()]);
    } catch (e) {
      if (e instanceof TotpKitError) throw e;
      throw badInput(
        KEY_VARIABLE,
        `does not decrypt the seed of ${what} (wrong key, or the record was altered)`,
        "the key the store was written with",
        "E_STORE_KEY_WRONG"
      );
    }
  }
  /**
   * A value sealed with this box's key, kept in a store to tell a wrong key before anything is written. It is a
   * version-2 check: the store's records are authenticated under it (see `recordKey`).
   */
  makeCheck() {
    return this.seal(Buffer.from(CHECK_TEXT_V2, "utf8"), CHECK_CONTEXT);
  }
  /**
   * Confirms that this box's key is the one a store's check value was sealed with, and says which version of
   * check it is: 1 (written before records were authenticated) or 2.
   * @throws TotpKitError (bad-input) E_STORE_KEY_WRONG or E_STORE_KEY_MISSING naming `store`; (backend)
   *   E_STORE_CORRUPT when the check is not a sealed value.
   */
  assertCheck(check, store) {
    if (!this.encrypting) {
      throw badInput(
        KEY_VARIABLE,
        `is not set, but ${store} holds encrypted seeds`,
        "the key the store was written with",
        "E_STORE_KEY_MISSING"
      );
    }
    if (isSealedObject(check)) this.#keyFor(check.kdf, check.salt);
    let opened;
    try {
      opened = Buffer.from(this.open(check, CHECK_CONTEXT, `store ${store}`)).toString("utf8");
    } catch (e) {
      if (e instanceof TotpKitError && e.code === "E_STORE_CORRUPT") throw e;
    }
    if (opened === CHECK_TEXT_V2) return 2;
    if (opened === CHECK_TEXT) return 1;
    throw badInput(
      KEY_VARIABLE,
      `is not the key ${store} was written with`,
      "the key the store was written with",
      "E_STORE_KEY_WRONG"
    );
  }
  /**
   * The key that authenticates a store's records: HKDF-SHA256 of the sealing key of `check` (the raw key, or the
   * scrypt output under the check's salt), salted with a digest of the check itself (so records cannot move
   * between stores that share a key) and labelled for this one use. Call after `assertCheck` accepted `check`.
   */
  recordKey(check) {
    if (!isSealedObject(check)) {
      throw new TotpKitError(
        "backend",
        "E_STORE_CORRUPT",
        "the store key check is damaged; it was left untouched (restore the store from a backup)"
      );
    }
    const salt = createHash2("sha256").update(canonicalJson(check)).digest();
    return Buffer.from(hkdfSync("sha256", this.#keyFor(check.kdf, check.salt), salt, MAC_INFO, 32));
  }
  /**
   * Re-seals a seed kept as Base32 before a store key was set; sealed seeds are returned as they are,
   * and so is a damaged one (it is refused, naming its record, when it is used).
   */
  reseal(sealed, context) {
    if (!this.encrypting || typeof sealed !== "string") return sealed;
    let secret;
    try {
      secret = decodeBase32(sealed, "stored seed");
    } catch {
      return sealed;
    }
    return this.seal(secret, context);
  }
};
function damaged(what, context, why) {
  const fix = context === CHECK_CONTEXT ? "restore the store from a backup" : `restore the store from a backup, or delete ${what} and create it again`;
  return new TotpKitError(
    "backend",
    "E_STORE_CORRUPT",
    `${what}: the stored seed is damaged (${why}); it was left untouched (${fix})`
  );
}
function wrongKey(sealedWith, given) {
  return badInput(
    KEY_VARIABLE,
    `is ${given}, but the store was sealed with ${sealedWith}`,
    "the key the store was written with",
    "E_STORE_KEY_WRONG"
  );
}

// src/stores/store-ref.ts
var DEFAULT_STORE = "file:./.totp-kit/store.json";
var ALLOWED2 = "file:PATH, aws-sm:PREFIX or postgres:VAR";
var AWS_PREFIX = /^[A-Za-z0-9/_+=.@-]{1,256}$/;
function resolveStoreRef(given, env = process.env, givenLabel = "store") {
  const reference = given ?? (env.TOTP_KIT_STORE || DEFAULT_STORE);
  const label = given === void 0 && env.TOTP_KIT_STORE ? "TOTP_KIT_STORE" : givenLabel;
  const match = /^([a-z][a-z0-9-]{0,19}):(.*)$/s.exec(reference);
  if (!match) throw badInput(label, "is not a store reference", ALLOWED2, "E_STORE_REF");
  const [, scheme, rest] = match;
  if (scheme === "file") {
    if (rest === "") throw badInput(label, "file: needs a path", ALLOWED2, "E_STORE_REF");
    const tilde = unexpandedTilde(rest);
    if (tilde) throw badInput(label, tilde.problem, tilde.allowed, "E_STORE_REF");
    return { kind: "file", path: rest, reference };
  }
  if (scheme === "aws-sm") {
    if (!AWS_PREFIX.test(rest) || looksLikeSeed(rest)) {
      throw badInput(
        label,
        "aws-sm: needs a secret name prefix",
        "aws-sm:PREFIX with letters, digits and /_+=.@-",
        "E_STORE_REF"
      );
    }
    const problem = awsPrefixProblem(rest);
    if (problem) throw badInput(label, `aws-sm: ${problem}`, AWS_PREFIX_ALLOWED, "E_STORE_REF");
    return { kind: "aws-sm", prefix: rest, reference };
  }
  if (scheme === "postgres") return parsePostgresRef(rest, reference, label);
  if (scheme === "postgresql") {
    throw badInput(
      label,
      "postgresql: is not a store scheme",
      "postgres:VAR (VAR holds the connection URL)",
      "E_STORE_REF"
    );
  }
  throw badInput(label, `${scheme}: is not a known store scheme`, ALLOWED2, "E_STORE_REF");
}
async function openStore(ref, env = process.env) {
  const parsed = typeof ref === "string" ? resolveStoreRef(ref, env) : ref;
  const secrets = new SecretBox(env.TOTP_KIT_STORE_KEY, { adopt: adoptionRequested(env) });
  if (parsed.kind === "file") {
    const { FileStore } = await import("./chunks/file-store-V5O2EOLV.js");
    return new FileStore(parsed.path, secrets);
  }
  if (parsed.kind === "postgres") {
    const { PostgresStore } = await import("./chunks/postgres-store-VT46YOPL.js");
    return new PostgresStore(parsed, secrets, env);
  }
  const { AwsSecretsManagerStore } = await import("./chunks/aws-sm-store-NDYL3BHV.js");
  return new AwsSecretsManagerStore(parsed.prefix, secrets, env);
}

// src/sources/store-source.ts
function storeSource(name, env, label, storeReference, storeLabel = "--store") {
  const problem = nameProblem("name", name);
  if (problem) throw badInput(label, "store: needs a key name", `store:NAME with ${problem.allowed}`);
  const reference = `store:${name}`;
  return {
    reference,
    async read() {
      const store = await openStore(
        resolveStoreRef(storeReference, env, storeReference === void 0 ? "TOTP_KIT_STORE" : storeLabel),
        env
      );
      const raw = await store.get("key", name);
      if (!raw) {
        throw badInput(
          reference,
          `no key "${name}" in store ${store.reference}`,
          "a key created with `totp-kit key create`",
          "E_SOURCE_NOT_FOUND"
        );
      }
      const key = openKeyRecord(store.secrets, asKeyRecord(raw, name));
      return {
        secret: key.secret,
        // The stored settings are the key's: a flag that contradicts them is refused like a URL's.
        explicit: { algorithm: key.algorithm, digits: key.digits, period: key.period },
        ...key.issuer !== void 0 ? { issuer: key.issuer } : {},
        ...key.accountName !== void 0 ? { accountName: key.accountName } : {},
        fromUrl: false,
        // The stored encoder is the key's too: --encoder steam on a standard key is a contradiction.
        encoder: key.encoder ?? "totp",
        encoderStatedAs: `the encoder ${key.encoder ?? "totp"}`,
        secretForms: [encodeBase32(key.secret), ...base64Forms(key.secret)]
      };
    }
  };
}

// src/sources/vault-client.ts
import { setTimeout as sleep2 } from "node:timers/promises";
var ATTEMPTS = 3;
var TIMEOUT_MS = 1e4;
function vaultOptions(env, given = {}) {
  const address = given.address || env.VAULT_ADDR;
  const token = given.token || env.VAULT_TOKEN;
  const namespace = given.namespace || env.VAULT_NAMESPACE;
  const labels = given.labels ?? {};
  const where = (variable, label) => label !== void 0 ? `${variable} or ${label}` : variable;
  if (!address)
    throw badInput(
      where("VAULT_ADDR", labels.address),
      "is not set",
      "the Vault address, e.g. https://vault.example.com:8200",
      "E_VAULT_CONFIG"
    );
  if (!/^https?:\/\/[^\s]+$/.test(address)) {
    const from = given.address ? labels.address ?? "address" : "VAULT_ADDR";
    throw badInput(from, "is not an http(s) URL", "https://host:8200", "E_VAULT_CONFIG");
  }
  if (!token) throw badInput(where("VAULT_TOKEN", labels.token), "is not set", "a Vault token", "E_VAULT_CONFIG");
  return { address: address.replace(/\/+$/, ""), token, ...namespace ? { namespace } : {} };
}
function reasonOf(status, errors) {
  const said = errors.join("; ").replace(/\s+/g, " ").slice(0, 200);
  if (status === 403) return "permission denied (403)";
  if (status === 404) return "not found (404)";
  if (status === 503)
    return /seal/i.test(said) ? "Vault is sealed (503)" : `Vault is unavailable (503${said ? `: ${said}` : ""})`;
  if (status === 429) return "Vault is a standby or rate-limited (429)";
  return `${status}${said ? `: ${said}` : ""}`;
}
async function vaultRequest(options, reference, method, path2, body) {
  const headers = { "X-Vault-Token": options.token, "X-Vault-Request": "true" };
  if (options.namespace) headers["X-Vault-Namespace"] = options.namespace;
  if (body !== void 0) headers["Content-Type"] = "application/json";
  let last = "";
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let response;
    try {
      response = await fetch(`${options.address}/v1/${path2}`, {
        method,
        headers,
        ...body !== void 0 ? { body: JSON.stringify(body) } : {},
        signal: AbortSignal.timeout(TIMEOUT_MS)
      });
    } catch (e) {
      const cause = e.cause?.code ?? e.name;
      last = `unreachable (${cause})`;
      if (attempt < ATTEMPTS) await sleep2(200 * attempt);
      continue;
    }
    const text = await response.text();
    let json;
    try {
      json = text === "" ? {} : JSON.parse(text);
    } catch {
      json = void 0;
    }
    if (response.ok) {
      if (json === void 0)
        throw new TotpKitError("backend", "E_VAULT", `${reference}: Vault answered with something that is not JSON`);
      return json;
    }
    const errors = Array.isArray(json?.errors) ? json.errors.map(String) : [];
    last = reasonOf(response.status, errors);
    const transient = response.status === 429 || response.status >= 500 && !/seal/i.test(errors.join(" "));
    if (!transient || attempt === ATTEMPTS) break;
    await sleep2(200 * attempt);
  }
  throw new TotpKitError("backend", "E_VAULT", `${reference}: ${method} /v1/${path2} failed: ${last}`);
}
function splitMount(rest, label, form) {
  const slash = rest.indexOf("/");
  const mount = slash > 0 ? rest.slice(0, slash) : "";
  const path2 = slash > 0 ? rest.slice(slash + 1) : "";
  if (!mount || !path2 || /[\s?#]/.test(path2) || path2.split("/").some((p) => p === "" || p === "." || p === "..")) {
    throw badInput(label, `needs ${form}`, form, "E_SOURCE_REF");
  }
  return { mount, path: path2 };
}

// src/sources/vault-kv-source.ts
var FORM = "vault-kv:MOUNT/PATH#FIELD";
function vaultKvSource(rest, env, label, given = {}, textOptions = {}) {
  const hash = rest.indexOf("#");
  const field = hash >= 0 ? rest.slice(hash + 1) : void 0;
  if (field === "") throw badInput(label, "has an empty #FIELD", FORM, "E_SOURCE_REF");
  const { mount, path: path2 } = splitMount(hash >= 0 ? rest.slice(0, hash) : rest, label, FORM);
  const reference = `vault-kv:${rest}`;
  return {
    reference,
    async read() {
      const options = vaultOptions(env, given);
      const body = await vaultRequest(options, reference, "GET", `${mount}/data/${path2}`);
      const data = body?.data?.data;
      if (data === null || data === void 0) {
        throw new TotpKitError(
          "backend",
          "E_VAULT",
          `${reference}: the secret has no current version (deleted or destroyed)`
        );
      }
      return pickedSeed(pickSeedFieldNamed(void 0, field, reference, data), reference, void 0, textOptions);
    }
  };
}

// src/sources/vault-totp-source.ts
var FORM2 = "vault-totp:MOUNT/KEY";
function vaultTotpSource(rest, env, label, given = {}) {
  const { mount, path: key } = splitMount(rest, label, FORM2);
  const reference = `vault-totp:${rest}`;
  const options = () => vaultOptions(env, given);
  const malformed = (what) => new TotpKitError("backend", "E_VAULT", `${reference}: Vault's answer has no ${what}`);
  return {
    kind: "remote",
    reference,
    async settings() {
      const body = await vaultRequest(options(), reference, "GET", `${mount}/keys/${key}`);
      const data = body?.data;
      if (!data) throw malformed("key data");
      const check = checkSettings({ algorithm: data.algorithm, digits: data.digits, period: data.period });
      if (check.problems.length > 0) throw malformed(`usable ${check.problems[0]?.setting}`);
      const { algorithm, digits, period } = withDefaults(check.settings);
      return { algorithm, digits, period };
    },
    async code() {
      const body = await vaultRequest(options(), reference, "GET", `${mount}/code/${key}`);
      const code = body?.data?.code;
      if (typeof code !== "string" || !/^[0-9]{6,8}$/.test(code)) throw malformed("code");
      return code;
    },
    async validate(code) {
      let body;
      try {
        body = await vaultRequest(options(), reference, "POST", `${mount}/code/${key}`, { code });
      } catch (e) {
        if (e instanceof TotpKitError && /code already used/.test(e.message)) return { valid: false, reason: "used" };
        throw e;
      }
      const valid = body?.data?.valid;
      if (typeof valid !== "boolean") throw malformed("verdict");
      return valid ? { valid } : { valid, reason: "invalid" };
    }
  };
}

// src/sources/index.ts
var SUPPORTED = [
  "env:NAME",
  "file:PATH",
  "aws-sm:ID[#FIELD]",
  "vault-kv:MOUNT/PATH#FIELD",
  "vault-totp:MOUNT/KEY",
  "store:NAME"
];
var KNOWN_SCHEMES = ["env", "file", "aws-sm", "vault-kv", "vault-totp", "store"];
function resolveSource(reference, label = "source", env = process.env, options = {}) {
  return sourceFor(reference, label, env, options);
}
function sourceFor(reference, label, env, options) {
  const allowed = SUPPORTED.join(", ");
  if (/^\s*otpauth:/i.test(reference)) {
    throw badInput(
      label,
      "is an otpauth URL, not a source reference (the URL was not printed)",
      `${allowed}; pass URLs through env:NAME or file:PATH`
    );
  }
  const match = /^([a-z][a-z0-9-]{0,19}):(.*)$/s.exec(reference);
  if (!match)
    throw badInput(label, "is not a source reference (its value was not printed)", allowed, "E_SOURCE_SCHEME");
  const [, scheme, rest] = match;
  if (looksLikeSeed(rest)) {
    throw badInput(
      label,
      `${KNOWN_SCHEMES.includes(scheme) ? `${scheme}: ` : "it "}is followed by what looks like a seed, not a name (not printed)`,
      allowed,
      "E_SOURCE_SEED_AS_NAME"
    );
  }
  const text = options.encoder !== void 0 ? { encoder: options.encoder } : {};
  switch (scheme) {
    case "env":
      return envSource(rest, env, label, text);
    case "file":
      return fileSource(rest, label, text);
    case "store":
      return storeSource(rest, env, label, options.store, options.storeLabel);
    case "aws-sm":
      return awsSmSource(
        rest,
        label,
        {
          env,
          ...options.awsRegion ? { region: options.awsRegion } : {},
          ...options.awsRegionLabel !== void 0 ? { regionLabel: options.awsRegionLabel } : {}
        },
        text
      );
    case "vault-kv":
      return vaultKvSource(rest, env, label, options.vault, text);
    case "vault-totp":
      return vaultTotpSource(rest, env, label, options.vault);
    default:
      throw badInput(
        label,
        `${isSafeToPrint(scheme) ? `${scheme}: ` : "its scheme "}is not a known source scheme`,
        allowed,
        "E_SOURCE_SCHEME"
      );
  }
}

// src/sources/load-key.ts
async function loadKey(origin, given, env, options = {}, label = (s) => s) {
  const check = checkSettings(given);
  if (check.problems.length > 0) throw badSettings(check.problems, label);
  const encoder = check.settings.encoder;
  if ("text" in origin) {
    const seed2 = parseSeedText(origin.text, origin.label, void 0, encoder ? { encoder } : {});
    return { key: resolveKey(seed2, given, origin.label, label), secretForms: seed2.secretForms, origin: origin.label };
  }
  const source = resolveSource(origin.reference, origin.label, env, encoder ? { ...options, encoder } : options);
  if (source.kind === "remote") {
    return { key: await remoteKey(source, check.settings, label), secretForms: [], origin: source.reference };
  }
  const seed = await source.read();
  return {
    key: resolveKey(seed, given, source.reference, label),
    secretForms: seed.secretForms,
    origin: source.reference
  };
}
async function remoteKey(remote, given, label) {
  const steam2 = given.encoder === "steam" ? [
    {
      setting: "encoder",
      problem: `steam cannot be used with ${remote.reference}: Vault's TOTP engine computes standard digit codes only`,
      allowed: "totp, or leave it out"
    }
  ] : [];
  if (steam2.length > 0) throw badSettings(steam2, label);
  const settings = await remote.settings();
  const problems = contradictions(settings, given, remote.reference);
  if (problems.length > 0) throw badSettings(problems, label);
  return { remote, ...settings };
}

// src/sources/server-clock.ts
var CLOCK_TIMEOUT_MS = 5e3;
async function readClock(url, label, options = {}) {
  const problem = clockSourceProblem(url, label);
  if (problem) throw badInput(problem.setting, problem.problem, problem.allowed);
  const target = new URL(url.trim());
  target.username = "";
  target.password = "";
  const origin = target.origin;
  const now = options.now ?? nowSeconds;
  const timeoutMs = options.timeoutMs ?? CLOCK_TIMEOUT_MS;
  const started = now();
  let date;
  try {
    const response = await fetch(target, {
      method: "HEAD",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: { "user-agent": "totp-kit clock check" }
    });
    date = response.headers.get("date");
    await response.body?.cancel();
  } catch (e) {
    const cause = e.cause;
    const name = e.name;
    const why = name === "TimeoutError" ? `no answer within ${timeoutMs / 1e3} s` : typeof cause?.code === "string" ? `unreachable (${cause.code})` : "unreachable";
    throw failure(label, origin, why);
  }
  const ended = now();
  const serverSeconds = date === null ? Number.NaN : Date.parse(date) / 1e3;
  if (!Number.isFinite(serverSeconds)) {
    throw failure(label, origin, date === null ? "sent no Date header" : "sent a Date header that is not a date");
  }
  const offset = Math.round((serverSeconds + 0.5 - (started + ended) / 2) * 10) / 10;
  if (Math.abs(offset) > MAX_TIME_OFFSET_SECONDS) {
    throw failure(label, origin, `says a time ${describeOffset(offset)} (more than a day): fix this machine's clock`);
  }
  return {
    origin,
    offset,
    roundTrip: Math.round((ended - started) * 1e3) / 1e3,
    applied: Math.abs(offset) > CLOCK_TOLERANCE_SECONDS
  };
}
function failure(label, origin, why) {
  return new TotpKitError("backend", "E_CLOCK_SOURCE", `${label}: ${origin} ${why}`);
}
async function decideClock(request, labels, remote, options = {}) {
  if (request.clockSource === void 0 && request.timeOffset === void 0) return { offset: 0 };
  if (remote !== void 0) {
    throw badInput(
      request.clockSource !== void 0 ? labels.clockSource : labels.timeOffset,
      `cannot be used with ${remote}: its backend computes the code with its own clock`,
      labels.omit
    );
  }
  if (request.timeOffset !== void 0) {
    const stated = parseTimeOffset(request.timeOffset, labels.timeOffset);
    return { offset: stated, stated };
  }
  try {
    const reading = await readClock(request.clockSource, labels.clockSource, options);
    return { offset: reading.applied ? reading.offset : 0, reading };
  } catch (e) {
    if (!(e instanceof TotpKitError) || e.code !== "E_CLOCK_SOURCE") throw e;
    return { offset: 0, unreadable: e.message };
  }
}

// src/action/inputs.ts
var CLOCK_LABELS = { clockSource: "clock-source", timeOffset: "time-offset", omit: "leave it empty" };
var DEFAULT_MIN_REMAINING = 5;
function inputReader(env) {
  return (name) => {
    const value = (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
    return value === "" ? void 0 : value;
  };
}
function booleanInput(optional, name, fallback, problems) {
  const text = optional(name);
  if (text === void 0) return fallback;
  if (["true", "True", "TRUE"].includes(text)) return true;
  if (["false", "False", "FALSE"].includes(text)) return false;
  problems.push({ setting: name, problem: `${quote(text)} is not a boolean`, allowed: "true or false" });
  return fallback;
}
function readInputs(env, mask) {
  const problems = [];
  const optional = inputReader(env);
  const secret = optional("secret");
  const vaultToken = optional("vault-token");
  const code = optional("code");
  const checked = normalizeCode(code);
  mask([secret, vaultToken, code, checked, checked?.toUpperCase()]);
  const mode = optional("mode") ?? "generate";
  if (mode !== "generate" && mode !== "verify" && mode !== "install") {
    problems.push({
      setting: "mode",
      problem: `${quote(mode)} is not a mode`,
      allowed: "generate or verify, or install (only put the totp-kit CLI on PATH)"
    });
  }
  const source = optional("source");
  const store = optional("store");
  const method = optional("method");
  const entity = optional("entity");
  const perEnrollment = mode === "verify" && method !== void 0;
  if (perEnrollment && (secret !== void 0 || source !== void 0)) {
    problems.push({
      setting: secret !== void 0 ? "secret" : "source",
      problem: "is not used with method and entity (the enrollment holds the seed)",
      allowed: "leave it empty"
    });
  }
  if (!perEnrollment && mode !== "install" && secret === void 0 && source === void 0) {
    problems.push({
      setting: "secret",
      problem: "and source are both empty",
      allowed: "one of them: secret (Base32 or otpauth URL) or source (a reference such as aws-sm:NAME)"
    });
  }
  if (mode === "install" && (secret !== void 0 || source !== void 0)) {
    problems.push({
      setting: secret !== void 0 ? "secret" : "source",
      problem: "is not used with mode: install (which only puts the CLI on PATH)",
      allowed: "leave it empty, or use mode: generate"
    });
  }
  if (secret !== void 0 && source !== void 0) {
    problems.push({ setting: "secret", problem: "and source were both given", allowed: "exactly one of them" });
  }
  const minRemainingText = optional("min-remaining") ?? String(DEFAULT_MIN_REMAINING);
  const minRemaining = parseWholeNumber(minRemainingText);
  if (minRemaining === void 0) {
    problems.push({
      setting: "min-remaining",
      problem: `${quote(minRemainingText)} is not a whole number of seconds`,
      allowed: "whole seconds below the period (default 5)"
    });
  }
  const settings = {
    algorithm: optional("algorithm"),
    digits: optional("digits"),
    period: optional("period"),
    skew: optional("skew")
  };
  const encoder = optional("encoder");
  const check = checkSettings(settings);
  problems.push(...check.problems);
  if (mode === "verify") {
    if (code === void 0)
      problems.push({ setting: "code", problem: "is empty", allowed: "the code to verify (mode: verify)" });
    if (method === void 0 !== (entity === void 0)) {
      problems.push({
        setting: method === void 0 ? "method" : "entity",
        problem: "is empty",
        allowed: "method and entity together, for a stateful check"
      });
    }
  } else {
    for (const [name, value] of [
      ["code", code],
      ["method", method],
      ["entity", entity]
    ]) {
      if (value !== void 0)
        problems.push({
          setting: name,
          problem: "is only used with mode: verify",
          allowed: "leave it empty, or set mode: verify"
        });
    }
  }
  const failOnInvalid = booleanInput(optional, "fail-on-invalid", true, problems);
  const installCli2 = booleanInput(optional, "install-cli", true, problems);
  const lease = booleanInput(optional, "lease", false, problems);
  if (lease && mode !== "generate") {
    problems.push({ setting: "lease", problem: "is only used with mode: generate", allowed: "leave it false" });
  }
  const clock = { clockSource: optional("clock-source"), timeOffset: optional("time-offset") };
  problems.push(...clockRequestProblems(clock, CLOCK_LABELS));
  if (problems.length > 0) throw badSettings(problems);
  for (const warning2 of check.warnings) warning(warning2);
  const awsRegion = optional("aws-region");
  const address = optional("vault-address");
  const namespace = optional("vault-namespace");
  return {
    mode,
    secret,
    source,
    ...settings,
    encoder,
    minRemaining,
    clock,
    lease,
    installCli: installCli2,
    code,
    store,
    method,
    entity,
    failOnInvalid,
    awsRegion,
    vault: { address, token: vaultToken, namespace }
  };
}

// src/action/install-cli.ts
import { existsSync as existsSync2 } from "node:fs";
import { chmod as chmod2, mkdir as mkdir2, mkdtemp, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function bundledCli() {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, "cli.js"), join(here, "..", "cli.js"), join(here, "..", "..", "dist", "cli.js")];
  const found = candidates.find((path2) => existsSync2(path2));
  if (found === void 0) {
    throw new TotpKitError(
      "backend",
      "E_NO_CLI",
      "install-cli: dist/cli.js is missing beside the action; set install-cli: false"
    );
  }
  return found;
}
function shQuote(path2) {
  return `'${path2.replaceAll("'", "'\\''")}'`;
}
function launchers(node, cli, windows) {
  const posix = (path2) => windows ? path2.replaceAll("\\", "/") : path2;
  return {
    sh: `#!/bin/sh
exec ${shQuote(posix(node))} ${shQuote(posix(cli))} "$@"
`,
    cmd: `@"${node}" "${cli}" %*\r
`
  };
}
async function launcherFolder(env) {
  if (env.RUNNER_TEMP) {
    const dir2 = join(env.RUNNER_TEMP, "totp-kit-cli");
    await mkdir2(dir2, { recursive: true });
    return dir2;
  }
  const dir = await mkdtemp(join(tmpdir(), "totp-kit-cli-"));
  await chmod2(dir, 448);
  return dir;
}
async function installCli(env = process.env) {
  const { sh, cmd } = launchers(process.execPath, bundledCli(), process.platform === "win32");
  const dir = await launcherFolder(env);
  await writeFile2(join(dir, "totp-kit"), sh, { mode: 493 });
  await chmod2(join(dir, "totp-kit"), 493);
  if (process.platform === "win32") await writeFile2(join(dir, "totp-kit.cmd"), cmd);
  addPath(dir);
  return dir;
}

// src/action/mask.ts
var MIN_MASK = 4;
function masker() {
  const seen = /* @__PURE__ */ new Set();
  return (forms) => {
    for (const form of forms) {
      if (form === void 0) continue;
      for (const piece of [form, ...form.split(/\r?\n/)].map((p) => p.trim())) {
        if (piece.length < MIN_MASK || seen.has(piece) || !/[A-Za-z0-9]/.test(piece)) continue;
        seen.add(piece);
        setSecret(piece);
      }
    }
  };
}

// src/action/summary.ts
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
async function writeSummary(env, title, rows) {
  if (!env.GITHUB_STEP_SUMMARY) {
    debug("no GITHUB_STEP_SUMMARY: job summary skipped");
    return;
  }
  await summary.addHeading(title, 3).addTable([
    [
      { data: "what", header: true },
      { data: "value", header: true }
    ],
    ...rows.map(([label, value]) => [label, value])
  ]).write();
}
async function writeFailureSummary(env, error2) {
  const problems = error2 instanceof TotpKitError ? error2.message.split("\n") : ["unexpected failure (its first line is in the log)"];
  try {
    await writeSummary(env, "totp-kit: the step failed", [
      ["result", "failed"],
      ...problems.map((line) => ["problem", escapeHtml(line)])
    ]);
  } catch (e) {
    warning(`the job summary could not be written: ${errorMessage(e).split("\n")[0]}`);
  }
}

// src/action/main.ts
async function load(step, inputs) {
  const origin = inputs.secret !== void 0 ? { text: inputs.secret, label: "secret" } : { reference: inputs.source, label: "source" };
  const options = {
    ...inputs.store !== void 0 ? { store: inputs.store } : {},
    storeLabel: "store",
    ...inputs.awsRegion !== void 0 ? { awsRegion: inputs.awsRegion } : {},
    awsRegionLabel: "aws-region",
    vault: { ...inputs.vault, labels: { address: "vault-address", token: "vault-token" } }
  };
  const loaded = await loadKey(
    origin,
    { algorithm: inputs.algorithm, digits: inputs.digits, period: inputs.period, encoder: inputs.encoder },
    step.env,
    options
  );
  step.mask(loaded.secretForms);
  const short = loaded.key.remote ? void 0 : shortSeedWarning(loaded.key.secret, loaded.origin);
  if (short !== void 0) warning(short);
  return loaded;
}
function html(text) {
  return `<code>${escapeHtml(text)}</code>`;
}
function settingsRows(loaded) {
  const { key } = loaded;
  return [
    ["key from", loaded.origin === "secret" ? "the secret input" : html(loaded.origin)],
    steam(key) ? ["encoder", `Steam Guard (${key.algorithm}, 5 characters, ${key.period} s)`] : ["algorithm, digits, period", `${key.algorithm}, ${key.digits}, ${key.period} s`]
  ];
}
function steam(key) {
  return !key.remote && key.encoder === "steam";
}
async function chooseClock(step, inputs, key) {
  const decision = await decideClock(inputs.clock, CLOCK_LABELS, key.remote?.reference, { now: step.now });
  if (decision.stated !== void 0) {
    info(`time-offset: ${decision.stated} s applied to the runner's clock.`);
    return { offset: decision.offset, row: ["clock", `runner's clock ${signed(decision.stated)} s (time-offset)`] };
  }
  if (decision.reading) {
    const { reading } = decision;
    info(clockMessage(reading));
    const measured = `${signed(reading.offset, 1)} s`;
    return {
      offset: decision.offset,
      row: [
        "clock",
        `${html(reading.origin)}: ${measured}${reading.applied ? " (applied)" : " (within 2 s: not applied)"}`
      ]
    };
  }
  if (decision.unreadable !== void 0) {
    warning(`${decision.unreadable}; codes use the runner's clock`);
    return { offset: 0, row: ["clock", "the runner's (the clock source could not be read)"] };
  }
  return { offset: 0 };
}
async function generate(step, inputs) {
  const loaded = await load(step, inputs);
  const { key } = loaded;
  let minRemaining = inputs.minRemaining;
  if (minRemaining >= key.period && minRemaining === DEFAULT_MIN_REMAINING) {
    minRemaining = key.period - 1;
    notice(
      `min-remaining: the default ${DEFAULT_MIN_REMAINING} s is not below the key's ${key.period} s period; using ${minRemaining} s`
    );
  }
  const clock = await chooseClock(step, inputs, key);
  const lease = inputs.lease ? await openStore(resolveStoreRef(inputs.store, step.env, "store"), step.env) : void 0;
  if (lease?.reference.startsWith("file:")) {
    notice(
      `lease: ${lease.reference} is shared only by jobs on this runner; for parallel jobs on other runners use store: postgres:VAR (VAR holding the connection URL)`
    );
  }
  const issued = await freshCode(key, {
    minRemaining,
    minRemainingLabel: "min-remaining",
    offset: clock.offset,
    ...lease ? { lease } : {},
    now: step.now,
    ...step.sleep ? { wait: step.sleep } : {},
    onWait: (message) => info(`${message[0]?.toUpperCase()}${message.slice(1)}.`)
  });
  const { code } = issued;
  setSecret(code);
  const expiry = new Date(issued.expiresAt * 1e3).toISOString();
  setOutput("code", code);
  setOutput("expires-in", String(issued.remaining));
  setOutput("expires-at", expiry);
  setOutput("period", String(key.period));
  setOutput("digits", String(codeLength(key)));
  setOutput("algorithm", key.algorithm);
  setOutput("step", String(issued.step));
  setOutput("clock-offset", String(clock.offset));
  const what = steam(key) ? "A 5-character Steam Guard code" : `A ${key.digits}-digit code`;
  info(`${what} is in the "code" output (masked); it expires in ${issued.remaining} s, at ${expiry}.`);
  await writeSummary(step.env, "totp-kit: one-time code", [
    ...settingsRows(loaded),
    ...clock.row ? [clock.row] : [],
    ["waited for a fresh code", issued.waited > 0 ? `${tenths(issued.waited)} s` : "no"],
    ...lease ? [["lease", `a step no other caller got, in ${html(lease.reference)}`]] : [],
    ["seconds left when output", String(issued.remaining)]
  ]);
}
async function verifyEnrollment(step, inputs, method, entity) {
  const clock = await chooseClock(step, inputs, {});
  const ctx = {
    store: await openStore(resolveStoreRef(inputs.store, step.env, "store"), step.env),
    now: () => step.now() + clock.offset
  };
  const enrollment = await readEnrollment(ctx, method, entity);
  const outcome = await validateEnrollment(ctx, method, entity, inputs.code);
  const why = outcome.valid ? "valid" : enrollmentRefusal(outcome, enrollment.digits);
  return verdict(step, inputs, outcome.valid, why, enrollment, [
    ...clock.row ? [clock.row] : [],
    ["check", `per enrollment: method ${html(method)}, entity ${html(entity)} in ${html(ctx.store.reference)}`]
  ]);
}
async function verifyKey(step, inputs) {
  const loaded = await load(step, inputs);
  const { key } = loaded;
  const clock = await chooseClock(step, inputs, key);
  const outcome = await verifyWithKey(key, inputs.code, {
    skew: inputs.skew === "0" ? 0 : 1,
    at: step.now() + clock.offset
  });
  const valid = outcome.valid;
  const why = valid ? "valid" : refusalMessage(outcome, key.digits);
  return verdict(step, inputs, valid, why, key, [
    ...settingsRows(loaded),
    ...clock.row ? [clock.row] : [],
    ["check", key.remote ? `by ${html(key.remote.reference)}` : `stateless, skew ${inputs.skew ?? "1"}`]
  ]);
}
async function verdict(step, inputs, valid, why, settings, rows) {
  setOutput("valid", String(valid));
  setOutput("period", String(settings.period));
  setOutput("digits", String(codeLength(settings)));
  setOutput("algorithm", settings.algorithm);
  await writeSummary(step.env, "totp-kit: code check", [...rows, ["result", valid ? "valid" : `not valid: ${why}`]]);
  if (valid) info("The code is valid.");
  else if (inputs.failOnInvalid) setFailed(`code: ${why}`);
  else warning(`code: ${why} (fail-on-invalid is false: the step succeeds with valid=false)`);
  return valid || !inputs.failOnInvalid;
}
async function verify(step, inputs) {
  if (inputs.method !== void 0) return verifyEnrollment(step, inputs, inputs.method, inputs.entity);
  return verifyKey(step, inputs);
}
async function run(options = {}) {
  const step = {
    env: options.env ?? process.env,
    now: options.now ?? nowSeconds,
    sleep: options.sleep,
    mask: masker()
  };
  try {
    const inputs = readInputs(step.env, step.mask);
    let succeeded = true;
    if (inputs.mode === "generate") await generate(step, inputs);
    else if (inputs.mode === "verify") succeeded = await verify(step, inputs);
    if ((inputs.installCli || inputs.mode === "install") && succeeded) {
      const dir = await installCli(step.env);
      info(
        `The totp-kit CLI is on PATH for later steps (${dir}): e.g. totp-kit exec --from env:NAME -- CMD {code}`
      );
    }
  } catch (e) {
    if (!(e instanceof TotpKitError) && e instanceof Error && e.stack) debug(e.stack);
    setFailed(e instanceof TotpKitError ? e.message : `unexpected failure: ${errorMessage(e).split("\n")[0]}`);
    await writeFailureSummary(step.env, e);
  }
}

// src/action/index.ts
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
await run();
