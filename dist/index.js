import { createRequire as __totpKitCreateRequire } from 'node:module';
import { fileURLToPath as __totpKitFileURLToPath } from 'node:url';
const require = __totpKitCreateRequire(import.meta.url);
const __filename = __totpKitFileURLToPath(import.meta.url);
import {
  clockMessage,
  clockRequestProblems,
  decideClock,
  loadKey,
  signed,
  verdictMessage,
  verifyWithKey
} from "./chunks/chunk-O3OI5S3S.js";
import {
  freshCode
} from "./chunks/chunk-6HDRDADJ.js";
import {
  checkSettings,
  codeLength,
  enrollmentRefusal,
  normalizeCode,
  parseWholeNumber,
  readEnrollment,
  shortSeedWarning,
  tenths,
  validateEnrollment
} from "./chunks/chunk-JO3LXCTU.js";
import {
  openStore,
  resolveStoreRef
} from "./chunks/chunk-VDPMNSQU.js";
import {
  TotpKitError,
  badSettings,
  errorMessage,
  quote
} from "./chunks/chunk-XHKLEXY5.js";
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
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
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

// src/action/mask.ts
var MIN_MASK = 4;
var seen = /* @__PURE__ */ new Set();
function maskAll(forms) {
  for (const form of forms) {
    if (form === void 0) continue;
    for (const piece of [form, ...form.split(/\r?\n/)].map((p) => p.trim())) {
      if (piece.length < MIN_MASK || seen.has(piece) || !/[A-Za-z0-9]/.test(piece)) continue;
      seen.add(piece);
      setSecret(piece);
    }
  }
}

// src/action/inputs.ts
var CLOCK_LABELS = { clockSource: "clock-source", timeOffset: "time-offset", omit: "leave it empty" };
var DEFAULT_MIN_REMAINING = 5;
function optional(name) {
  const value = getInput(name);
  return value === "" ? void 0 : value;
}
function booleanInput(name, fallback, problems) {
  const text = optional(name);
  if (text === void 0) return fallback;
  if (["true", "True", "TRUE"].includes(text)) return true;
  if (["false", "False", "FALSE"].includes(text)) return false;
  problems.push({ setting: name, problem: `${quote(text)} is not a boolean`, allowed: "true or false" });
  return fallback;
}
function readInputs() {
  const problems = [];
  const secret = optional("secret");
  const vaultToken = optional("vault-token");
  const code = optional("code");
  const checked = normalizeCode(code);
  maskAll([secret, vaultToken, code, checked, checked?.toUpperCase()]);
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
  const failOnInvalid = booleanInput("fail-on-invalid", true, problems);
  const installCli2 = booleanInput("install-cli", true, problems);
  const lease = booleanInput("lease", false, problems);
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

// src/action/summary.ts
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
async function writeSummary(title, rows) {
  if (!process.env.GITHUB_STEP_SUMMARY) {
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
async function writeFailureSummary(error2) {
  const problems = error2 instanceof TotpKitError ? error2.message.split("\n") : ["unexpected failure (its first line is in the log)"];
  try {
    await writeSummary("totp-kit: the step failed", [
      ["result", "failed"],
      ...problems.map((line) => ["problem", escapeHtml(line)])
    ]);
  } catch (e) {
    warning(`the job summary could not be written: ${errorMessage(e).split("\n")[0]}`);
  }
}

// src/action/main.ts
async function load(inputs) {
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
    process.env,
    options
  );
  maskAll(loaded.secretForms);
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
async function chooseClock(inputs, key) {
  const decision = await decideClock(inputs.clock, CLOCK_LABELS, key.remote?.reference);
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
async function generate(inputs) {
  const loaded = await load(inputs);
  const { key } = loaded;
  let minRemaining = inputs.minRemaining;
  if (minRemaining >= key.period && minRemaining === DEFAULT_MIN_REMAINING) {
    minRemaining = key.period - 1;
    notice(
      `min-remaining: the default ${DEFAULT_MIN_REMAINING} s is not below the key's ${key.period} s period; using ${minRemaining} s`
    );
  }
  const clock = await chooseClock(inputs, key);
  const lease = inputs.lease ? await openStore(resolveStoreRef(inputs.store, process.env, "store"), process.env) : void 0;
  if (lease?.reference.startsWith("file:")) {
    notice(
      `lease: ${lease.reference} is shared only by jobs on this runner; for parallel jobs on other runners use store: aws-sm:PREFIX`
    );
  }
  const issued = await freshCode(key, {
    minRemaining,
    minRemainingLabel: "min-remaining",
    offset: clock.offset,
    ...lease ? { lease } : {},
    now: () => Date.now() / 1e3,
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
  await writeSummary("totp-kit: one-time code", [
    ...settingsRows(loaded),
    ...clock.row ? [clock.row] : [],
    ["waited for a fresh code", issued.waited > 0 ? `${tenths(issued.waited)} s` : "no"],
    ...lease ? [["lease", `a step no other caller got, in ${html(lease.reference)}`]] : [],
    ["seconds left when output", String(issued.remaining)]
  ]);
}
async function verifyEnrollment(inputs, method, entity) {
  const clock = await chooseClock(inputs, {});
  const ctx = {
    store: await openStore(resolveStoreRef(inputs.store, process.env, "store"), process.env),
    now: () => Date.now() / 1e3 + clock.offset
  };
  const enrollment = await readEnrollment(ctx, method, entity);
  const outcome = await validateEnrollment(ctx, method, entity, inputs.code);
  const why = outcome.valid ? "valid" : enrollmentRefusal(outcome, enrollment.digits);
  return verdict(inputs, outcome.valid, why, enrollment, [
    ...clock.row ? [clock.row] : [],
    ["check", `per enrollment: method ${html(method)}, entity ${html(entity)} in ${html(ctx.store.reference)}`]
  ]);
}
async function verifyKey(inputs) {
  const loaded = await load(inputs);
  const { key } = loaded;
  const clock = await chooseClock(inputs, key);
  const outcome = await verifyWithKey(key, inputs.code, {
    skew: inputs.skew === "0" ? 0 : 1,
    ...clock.offset !== 0 ? { at: Date.now() / 1e3 + clock.offset } : {}
  });
  const valid = outcome.valid;
  const why = valid ? "valid" : verdictMessage(outcome, key.digits);
  return verdict(inputs, valid, why, key, [
    ...settingsRows(loaded),
    ...clock.row ? [clock.row] : [],
    ["check", key.remote ? `by ${html(key.remote.reference)}` : `stateless, skew ${inputs.skew ?? "1"}`]
  ]);
}
async function verdict(inputs, valid, why, settings, rows) {
  setOutput("valid", String(valid));
  setOutput("period", String(settings.period));
  setOutput("digits", String(codeLength(settings)));
  setOutput("algorithm", settings.algorithm);
  await writeSummary("totp-kit: code check", [...rows, ["result", valid ? "valid" : `not valid: ${why}`]]);
  if (valid) info("The code is valid.");
  else if (inputs.failOnInvalid) setFailed(`code: ${why}`);
  else warning(`code: ${why} (fail-on-invalid is false: the step succeeds with valid=false)`);
  return valid || !inputs.failOnInvalid;
}
async function verify(inputs) {
  if (inputs.method !== void 0) return verifyEnrollment(inputs, inputs.method, inputs.entity);
  return verifyKey(inputs);
}
async function run() {
  try {
    const inputs = readInputs();
    let succeeded = true;
    if (inputs.mode === "generate") await generate(inputs);
    else if (inputs.mode === "verify") succeeded = await verify(inputs);
    if ((inputs.installCli || inputs.mode === "install") && succeeded) {
      const dir = await installCli();
      info(
        `The totp-kit CLI is on PATH for later steps (${dir}): e.g. totp-kit exec --from env:NAME -- CMD {code}`
      );
    }
  } catch (e) {
    if (!(e instanceof TotpKitError) && e instanceof Error && e.stack) debug(e.stack);
    setFailed(e instanceof TotpKitError ? e.message : `unexpected failure: ${errorMessage(e).split("\n")[0]}`);
    await writeFailureSummary(e);
  }
}

// src/action/index.ts
await run();
