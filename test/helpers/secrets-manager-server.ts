// A local stand-in for AWS Secrets Manager speaking its wire protocol (awsJson1_1: POST /, X-Amz-Target,
// JSON bodies, errors as {"__type", "message"}), so tests can drive the real @aws-sdk/client-secrets-manager
// client on 127.0.0.1. Semantics follow the AWS API reference; departures are marked "Simplified".
// Requests must carry a SigV4 Authorization header, but signatures are never verified.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Operation =
  | 'CreateSecret'
  | 'GetSecretValue'
  | 'PutSecretValue'
  | 'UpdateSecretVersionStage'
  | 'DescribeSecret'
  | 'ListSecrets'
  | 'DeleteSecret'
  | 'RestoreSecret'
  | 'TagResource'
  | 'UntagResource';

export type Tag = { Key: string; Value: string };
/** Exactly one of the two, named as on the wire; SecretBinary is base64. */
export type SecretValue = { SecretString?: string; SecretBinary?: string };

export interface SecretVersion {
  id: string;
  value: SecretValue;
  /** Staging labels. A version without any is "deprecated" (see prune). */
  stages: Set<string>;
  /** When it was written, in epoch seconds on the server's clock: its age decides whether it may be pruned. */
  created: number;
}

export interface StoredSecret {
  arn: string;
  name: string;
  description: string | undefined;
  tags: Tag[];
  /** All versions, deprecated ones included, in creation order. */
  versions: Map<string, SecretVersion>;
  created: number;
  changed: number;
  /** Set while scheduled for deletion: when DeleteSecret ran, and when the secret is purged (epoch seconds). */
  deleted: { at: number; purgeAt: number } | undefined;
}

export interface ServerState {
  /** Secrets by name, including those scheduled for deletion. */
  secrets: Map<string, StoredSecret>;
  /** Requests received per operation; every attempt counts, faulted ones too. */
  requests: Partial<Record<Operation, number>>;
}

export interface FaultOptions {
  /** How many matching requests fail (default 1; Infinity for all). */
  times?: number;
  /** Only requests for this operation fail. */
  operation?: Operation;
  /** Default: 500 for InternalServiceError/InternalFailure, 503 for ServiceUnavailable, else 400. */
  status?: number;
  message?: string;
  /** Perform the operation, then answer with the error: a write whose response was lost. */
  afterApply?: boolean;
}

/**
 * Where a connection-level fault strikes: before any byte of the answer is sent, or after the status line, the
 * headers (with the full Content-Length) and about half of the body.
 */
export type FaultPoint = 'before-response' | 'mid-response';

export interface NetworkFaultOptions {
  /** How many matching requests are hit (default 1; Infinity for all). */
  times?: number;
  /** Only requests for this operation are hit. */
  operation?: Operation;
  /**
   * Perform the operation first, so the write takes effect and only its answer is lost or late. Without it, a
   * fault `before-response` leaves the operation undone (a slow one is performed after the delay only if the
   * client is still waiting). A `mid-response` fault always performs it: part of its answer is sent.
   */
  afterApply?: boolean;
  /** Default 'before-response'. */
  when?: FaultPoint;
}

/**
 * Faults drawn at random (seeded, so a run is repeatable for one order of arrival) for a share of the requests
 * that no queued fault hits, until `chaos` is set to undefined or `clear()` is called.
 */
export interface ChaosOptions {
  /** The share of matching requests that fail, 0 to 1. */
  rate: number;
  /**
   * What a hit request gets, chosen at random: an error code (answered as `next(code)` would), 'reset' (the
   * socket is destroyed before any answer) or 'reset-mid-response' (destroyed after half of the answer).
   */
  kinds: readonly string[];
  /** Only these operations are hit (default: all). */
  operations?: readonly Operation[];
  /** The share of hit requests that are performed before failing (an answer lost after the write); default 0. */
  afterApplyRate?: number;
  /** Seed of the pseudo-random choices (default 1). */
  seed?: number;
  /** At most this many requests are hit (default: no limit). */
  limit?: number;
}

/** One fault the server injected: a queued error, a connection reset, a slow answer or a chaos hit. */
export interface InjectedFault {
  operation: Operation;
  /** The error code, 'reset', 'reset-mid-response', 'slow' or 'slow-mid-response'. */
  kind: string;
  afterApply: boolean;
}

export interface Faults {
  /** Queue a failure with this error code (e.g. 'ThrottlingException') for the next matching request(s). */
  next(code: string, options?: FaultOptions): void;
  /** When set, requests on a secret whose name it accepts fail with AccessDeniedException (not ListSecrets). */
  accessDenied: ((secretName: string, operation: Operation) => boolean) | undefined;
  /**
   * Queue a connection reset for the next matching request(s): the server destroys the socket, before any answer
   * or mid-answer (see NetworkFaultOptions). Queued error faults (`next`) are taken first.
   */
  reset(options?: NetworkFaultOptions): void;
  /**
   * Queue a slow answer for the next matching request(s): `before-response`, nothing is sent for `delayMs`;
   * `mid-response`, the headers and half the body are sent, then nothing for `delayMs`, then the rest.
   */
  slow(delayMs: number, options?: NetworkFaultOptions): void;
  /** Random faults for a share of requests (see ChaosOptions); undefined for none. */
  chaos: ChaosOptions | undefined;
  /** Every fault injected since the server started or the last `clear()`, in order. */
  readonly injected: InjectedFault[];
  /** Resolves once `injected` holds at least `count` faults (default 1): a test waits on this, not on a timer. */
  injectedAtLeast(count?: number): Promise<void>;
  /** Drops queued faults and the accessDenied predicate (and queued resets, slow answers, chaos, the log). */
  clear(): void;
}

export interface SecretsManagerServerOptions {
  region?: string;
  accountId?: string;
  /**
   * Clock in epoch milliseconds, so tests can move past a recovery window or the 24 hours a version is kept. Read
   * on every request: a version's age is measured on it.
   */
  now?: () => number;
  /**
   * How many versions one secret may hold (default 100): a PutSecretValue that would make it hold more fails
   * with LimitExceededException. See the note at VERSION_QUOTA.
   */
  versionQuota?: number;
}

export interface SecretsManagerServer {
  endpoint: string;
  port: number;
  close(): Promise<void>;
  state: ServerState;
  faults: Faults;
}

type Input = Record<string, unknown>;
type Fault = FaultOptions & { code: string; message: string; status: number; times: number };
type NetworkFault = { kind: 'reset' | 'slow'; delayMs: number; times: number; when: FaultPoint } & Pick<
  NetworkFaultOptions,
  'operation' | 'afterApply'
>;

/** mulberry32: a small seeded generator, so chaos is repeatable. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const statusOf = (code: string) =>
  /^Internal(ServiceError|Failure)$/.test(code) ? 500 : code === 'ServiceUnavailable' ? 503 : 400;

class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const notFound = (what = 'secret') =>
  new AwsError('ResourceNotFoundException', `Secrets Manager can't find the ${what}.`);
const invalidParam = (message: string) => new AwsError('InvalidParameterException', message);
const invalidRequest = (message: string) => new AwsError('InvalidRequestException', message);
const exists = (message: string) => new AwsError('ResourceExistsException', message);
const MARKED_FOR_DELETION = "You can't perform this operation on the secret because it was marked for deletion.";
/**
 * Versions, as the AWS quota page puts it (docs.aws.amazon.com/secretsmanager/latest/userguide/reference_limits.html):
 * "Secrets Manager removes unlabeled versions when there are more than 100, but it does not remove versions created
 * less than 24 hours ago. If you update the secret value more than once every 10 minutes, you create more versions
 * than Secrets Manager removes, and you will reach the quota for secret versions."
 */
const RETAINED_VERSIONS = 100;
const VERSION_MIN_AGE_S = 24 * 60 * 60;
/**
 * Simplified: the page names "the quota for secret versions" but its table gives no number; 100, the only number
 * it documents, is the default. Its advice of one write per 10 minutes (144 a day) suggests the service allows
 * somewhat more, which a test can ask for (`versionQuota`).
 */
const VERSION_QUOTA = 100;
/** LimitExceededException as the API reference describes it (PutSecretValue, Errors); AWS's text is undocumented. */
const QUOTA_MESSAGE = 'The request failed because it would exceed one of the Secrets Manager quotas.';

// ---- request parameters --------------------------------------------------------------------------------------

function optString(input: Input, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParam(`${key} must be a string.`);
  return value;
}

function reqString(input: Input, key: string): string {
  const value = optString(input, key);
  if (!value) throw invalidParam(`You must provide a value for ${key}.`);
  return value;
}

function optStrings(input: Input, key: string): string[] | undefined {
  const value = input[key] ?? undefined;
  const valid = value === undefined || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
  if (!valid) throw invalidParam(`${key} must be a list of strings.`);
  return value as string[] | undefined;
}

function readTags(input: Input): Tag[] {
  const value = input.Tags ?? [];
  const valid = Array.isArray(value) && value.every((t) => typeof t?.Key === 'string' && typeof t?.Value === 'string');
  if (!valid) throw invalidParam('Tags must be a list of {Key, Value} strings.');
  return (value as Tag[]).map(({ Key, Value }) => ({ Key, Value }));
}

/** SecretString xor SecretBinary: `required` for PutSecretValue, optional for CreateSecret. */
function readValue(input: Input, required: boolean): SecretValue | undefined {
  const string = optString(input, 'SecretString');
  const binary = optString(input, 'SecretBinary');
  if (string !== undefined && binary !== undefined)
    throw invalidParam("Don't specify both SecretString and SecretBinary.");
  if (string !== undefined) return { SecretString: string };
  if (binary !== undefined) return { SecretBinary: binary };
  if (required) throw invalidParam('You must provide either SecretString or SecretBinary.');
  return undefined;
}

/** The SDK always fills ClientRequestToken (idempotencyToken trait); raw callers may omit it. */
function readToken(input: Input): string {
  const token = optString(input, 'ClientRequestToken') ?? randomUUID();
  if (token.length < 32 || token.length > 64) throw invalidParam('ClientRequestToken must be 32 to 64 characters.');
  return token;
}

const sameValue = (a: SecretValue, b: SecretValue | undefined) =>
  a.SecretString === b?.SecretString && a.SecretBinary === b?.SecretBinary;

// ---- server --------------------------------------------------------------------------------------------------

export async function startSecretsManagerServer(
  options: SecretsManagerServerOptions = {},
): Promise<SecretsManagerServer> {
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const clock = options.now ?? Date.now;
  const now = () => clock() / 1000; // the wire carries epoch seconds
  const versionQuota = options.versionQuota ?? VERSION_QUOTA;
  const state: ServerState = { secrets: new Map(), requests: {} };
  const queue: Fault[] = [];
  const networkQueue: NetworkFault[] = [];
  let chaosFor: { options: ChaosOptions; random: () => number; hits: number } | undefined;
  const waiters: { count: number; resolve: () => void }[] = [];
  const noteInjected = (fault: InjectedFault) => {
    faults.injected.push(fault);
    for (const w of waiters.splice(0)) {
      if (faults.injected.length >= w.count) w.resolve();
      else waiters.push(w);
    }
  };
  const faults: Faults = {
    next(code, o = {}) {
      const status = statusOf(code);
      queue.push({ status, message: `Injected ${code}`, ...o, code, times: o.times ?? 1 });
    },
    accessDenied: undefined,
    reset(o = {}) {
      networkQueue.push({ ...o, kind: 'reset', delayMs: 0, times: o.times ?? 1, when: o.when ?? 'before-response' });
    },
    slow(delayMs, o = {}) {
      networkQueue.push({ ...o, kind: 'slow', delayMs, times: o.times ?? 1, when: o.when ?? 'before-response' });
    },
    chaos: undefined,
    injected: [],
    injectedAtLeast(count = 1) {
      if (faults.injected.length >= count) return Promise.resolve();
      return new Promise<void>((resolve) => waiters.push({ count, resolve }));
    },
    clear() {
      queue.length = 0;
      faults.accessDenied = undefined;
      networkQueue.length = 0;
      faults.chaos = undefined;
      faults.injected.length = 0;
    },
  };

  function takeNetworkFault(operation: Operation): NetworkFault | undefined {
    const index = networkQueue.findIndex((f) => f.operation === undefined || f.operation === operation);
    const fault = networkQueue[index];
    if (fault && --fault.times <= 0) networkQueue.splice(index, 1);
    return fault;
  }

  /** A chaos hit for this request, as an error fault or a network fault; undefined when it is spared. */
  function drawChaos(operation: Operation): { error?: Fault; network?: NetworkFault } | undefined {
    const options = faults.chaos;
    if (!options) {
      chaosFor = undefined;
      return undefined;
    }
    if (chaosFor?.options !== options) chaosFor = { options, random: seededRandom(options.seed ?? 1), hits: 0 };
    const c = chaosFor;
    if (options.operations && !options.operations.includes(operation)) return undefined;
    if (options.limit !== undefined && c.hits >= options.limit) return undefined;
    if (options.kinds.length === 0 || c.random() >= options.rate) return undefined;
    c.hits++;
    const kind = options.kinds[Math.floor(c.random() * options.kinds.length)] as string;
    const afterApply = c.random() < (options.afterApplyRate ?? 0);
    if (kind === 'reset' || kind === 'reset-mid-response') {
      const when = kind === 'reset' ? 'before-response' : 'mid-response';
      return { network: { kind: 'reset', delayMs: 0, times: 1, when, afterApply } };
    }
    return { error: { code: kind, message: `Injected ${kind}`, status: statusOf(kind), times: 1, afterApply } };
  }

  function takeFault(operation: Operation): Fault | undefined {
    const index = queue.findIndex((f) => f.operation === undefined || f.operation === operation);
    const fault = queue[index];
    if (fault && --fault.times <= 0) queue.splice(index, 1);
    return fault;
  }

  // ---- secrets, versions, labels ----

  /** A secret whose recovery window has ended is gone for good. */
  function purgeExpired(): void {
    for (const s of state.secrets.values()) if (s.deleted && s.deleted.purgeAt <= now()) state.secrets.delete(s.name);
  }

  /** Simplified: SecretId is a name or a complete ARN (no partial-ARN matching). */
  function lookup(secretId: string): StoredSecret | undefined {
    if (!secretId.startsWith('arn:')) return state.secrets.get(secretId);
    return [...state.secrets.values()].find((s) => s.arn === secretId);
  }

  function find(input: Input): StoredSecret {
    const secret = lookup(reqString(input, 'SecretId'));
    if (!secret) throw notFound('specified secret');
    return secret;
  }

  /** For operations AWS refuses on a secret scheduled for deletion. */
  function findLive(input: Input): StoredSecret {
    const secret = find(input);
    if (secret.deleted) throw invalidRequest(MARKED_FOR_DELETION);
    return secret;
  }

  const holderOf = (s: StoredSecret, stage: string) => [...s.versions.values()].find((v) => v.stages.has(stage));

  /** Moves `stage` onto `target`; moving AWSCURRENT hands AWSPREVIOUS to the version it left. */
  function attachStage(s: StoredSecret, stage: string, target: SecretVersion): void {
    const holder = holderOf(s, stage);
    if (holder === target) return;
    holder?.stages.delete(stage);
    target.stages.add(stage);
    if (stage === 'AWSCURRENT' && holder) attachStage(s, 'AWSPREVIOUS', holder);
  }

  /**
   * Retention, as AWS documents it: versions left without a label ("deprecated") are kept, and stay readable by
   * VersionId, until the secret holds more than 100 versions; then the oldest deprecated ones go, but never one
   * younger than 24 hours. `incoming` counts a version about to be written, so room is made for it first.
   * Simplified: AWS prunes at some point after a write; here it is done at once, as a write needs it.
   */
  function prune(s: StoredSecret, incoming = 0): void {
    for (const v of s.versions.values()) {
      if (s.versions.size + incoming <= RETAINED_VERSIONS) return;
      if (v.stages.size === 0 && now() - v.created >= VERSION_MIN_AGE_S) s.versions.delete(v.id);
    }
  }

  /** Version id → labels, for labelled (non-deprecated) versions only. */
  function stagesMap(s: StoredSecret): Record<string, string[]> | undefined {
    const labelled = [...s.versions.values()].filter((v) => v.stages.size > 0);
    return labelled.length ? Object.fromEntries(labelled.map((v) => [v.id, [...v.stages]])) : undefined;
  }

  const summary = (s: StoredSecret) => ({
    ARN: s.arn,
    Name: s.name,
    Description: s.description,
    Tags: s.tags.length ? s.tags : undefined,
    CreatedDate: s.created,
    LastChangedDate: s.changed,
    DeletedDate: s.deleted?.at, // Simplified: when DeleteSecret was called
  });

  // ---- operations (one function each) ----

  function createSecret(input: Input) {
    const name = reqString(input, 'Name');
    if (!/^[A-Za-z0-9/_+=.@-]{1,512}$/.test(name)) throw invalidParam('Invalid name: use letters, digits and /_+=.@-');
    const value = readValue(input, false);
    const token = readToken(input);
    const existing = state.secrets.get(name);
    if (existing?.deleted) {
      throw invalidRequest("You can't create this secret: one with this name is scheduled for deletion.");
    }
    if (existing) {
      // Idempotent replay: same ClientRequestToken and the same value.
      const version = existing.versions.get(token);
      if (version && sameValue(version.value, value)) return { ARN: existing.arn, Name: name, VersionId: token };
      throw exists(`The operation failed because the secret ${name} already exists.`);
    }
    const suffix = randomUUID().replace(/-/g, '').slice(0, 6); // AWS: '-' and 6 random alphanumerics
    const secret: StoredSecret = {
      arn: `arn:aws:secretsmanager:${region}:${accountId}:secret:${name}-${suffix}`,
      name,
      description: optString(input, 'Description'),
      tags: readTags(input),
      versions: new Map(),
      created: now(),
      changed: now(),
      deleted: undefined,
    };
    if (value) secret.versions.set(token, { id: token, value, stages: new Set(['AWSCURRENT']), created: now() });
    state.secrets.set(name, secret);
    return { ARN: secret.arn, Name: name, VersionId: value ? token : undefined };
  }

  function getSecretValue(input: Input) {
    const s = findLive(input);
    const versionId = optString(input, 'VersionId');
    const stage = optString(input, 'VersionStage') ?? (versionId === undefined ? 'AWSCURRENT' : undefined);
    const version = versionId === undefined ? holderOf(s, stage ?? '') : s.versions.get(versionId);
    // With both VersionId and VersionStage, they must name the same version.
    if (!version || (stage !== undefined && !version.stages.has(stage))) {
      throw notFound(`specified secret value for ${versionId ? `VersionId: ${versionId}` : `staging label: ${stage}`}`);
    }
    const { id, value, stages, created } = version;
    return { ARN: s.arn, Name: s.name, VersionId: id, ...value, VersionStages: [...stages], CreatedDate: created };
  }

  function putSecretValue(input: Input) {
    const s = findLive(input);
    const value = readValue(input, true) as SecretValue;
    const token = readToken(input);
    const stages = optStrings(input, 'VersionStages') ?? ['AWSCURRENT'];
    const existing = s.versions.get(token);
    if (existing) {
      // Same token and same value: succeeds and does nothing (labels are not moved again).
      if (!sameValue(existing.value, value))
        throw exists("You can't modify an existing version, only create new ones.");
      return { ARN: s.arn, Name: s.name, VersionId: token, VersionStages: [...existing.stages] };
    }
    // Written faster than retention removes versions (more than 100 in 24 hours), a secret reaches the quota.
    prune(s, 1);
    if (s.versions.size + 1 > versionQuota) throw new AwsError('LimitExceededException', QUOTA_MESSAGE);
    const firstVersion = !holderOf(s, 'AWSCURRENT');
    const version: SecretVersion = { id: token, value, stages: new Set(), created: now() };
    s.versions.set(token, version);
    for (const stage of stages) attachStage(s, stage, version);
    if (firstVersion) attachStage(s, 'AWSCURRENT', version); // the first version is always AWSCURRENT
    s.changed = now();
    return { ARN: s.arn, Name: s.name, VersionId: token, VersionStages: [...version.stages] };
  }

  /**
   * The compare-and-swap primitive: a label attached to a version can be moved away only by naming that version
   * in RemoveFromVersionId. Requests are handled one at a time, so of two racing writers exactly one wins.
   */
  function updateSecretVersionStage(input: Input) {
    const s = findLive(input);
    const stage = reqString(input, 'VersionStage');
    const moveTo = optString(input, 'MoveToVersionId');
    const removeFrom = optString(input, 'RemoveFromVersionId');
    if (moveTo === undefined && removeFrom === undefined) {
      throw invalidParam('You must specify MoveToVersionId, RemoveFromVersionId, or both.');
    }
    const target = moveTo === undefined ? undefined : s.versions.get(moveTo);
    if (moveTo !== undefined && !target) throw notFound(`version ${moveTo}`);
    if (removeFrom !== undefined && !s.versions.has(removeFrom)) throw notFound(`version ${removeFrom}`);
    const holder = holderOf(s, stage);
    if (removeFrom !== undefined && holder?.id !== removeFrom) {
      throw invalidParam(`Staging label ${stage} is attached to version ${holder?.id ?? '(none)'}, not ${removeFrom}.`);
    }
    if (holder && target && holder !== target && removeFrom === undefined) {
      throw invalidParam(`Staging label ${stage} is attached to version ${holder.id}; name it in RemoveFromVersionId.`);
    }
    if (target) attachStage(s, stage, target);
    // Simplified: AWSCURRENT can only be moved, never just removed.
    else if (stage === 'AWSCURRENT') throw invalidParam("You can't remove AWSCURRENT from a version, only move it.");
    else holder?.stages.delete(stage);
    s.changed = now();
    return { ARN: s.arn, Name: s.name };
  }

  function describeSecret(input: Input) {
    const s = find(input); // allowed while scheduled for deletion: shows DeletedDate
    return { ...summary(s), VersionIdsToStages: stagesMap(s) };
  }

  function listSecrets(input: Input) {
    const max = input.MaxResults ?? 100;
    if (!Number.isInteger(max) || (max as number) < 1 || (max as number) > 100) {
      throw invalidParam('MaxResults must be an integer from 1 to 100.');
    }
    const filters = readFilters(input.Filters);
    const visible = (s: StoredSecret) => !s.deleted || input.IncludePlannedDeletion === true;
    const list = [...state.secrets.values()].filter((s) => visible(s) && filters.every((f) => matches(s, f)));
    // Simplified ordering: by creation; SortOrder 'desc' reverses it; SortBy is ignored.
    if (input.SortOrder === 'desc') list.reverse();
    const start = decodeNextToken(optString(input, 'NextToken'));
    const end = Math.min(start + (max as number), list.length);
    return {
      SecretList: list.slice(start, end).map((s) => ({ ...summary(s), SecretVersionsToStages: stagesMap(s) })),
      NextToken: end < list.length ? Buffer.from(`offset:${end}`).toString('base64') : undefined,
    };
  }

  function deleteSecret(input: Input) {
    const force = input.ForceDeleteWithoutRecovery === true;
    const days = input.RecoveryWindowInDays ?? undefined;
    if (force && days !== undefined) {
      throw invalidParam("You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
    }
    if (days !== undefined && (!Number.isInteger(days) || (days as number) < 7 || (days as number) > 30)) {
      throw invalidParam('The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).');
    }
    if (force) {
      // Forcibly deleting a missing or already deleted secret does not raise ResourceNotFoundException.
      const secretId = reqString(input, 'SecretId');
      const s = lookup(secretId);
      if (s) state.secrets.delete(s.name);
      return { ARN: s?.arn, Name: s?.name ?? secretId, DeletionDate: now() };
    }
    const s = findLive(input);
    s.deleted = { at: now(), purgeAt: now() + ((days as number | undefined) ?? 30) * 86_400 };
    return { ARN: s.arn, Name: s.name, DeletionDate: s.deleted.purgeAt };
  }

  function restoreSecret(input: Input) {
    const s = find(input);
    s.deleted = undefined;
    return { ARN: s.arn, Name: s.name };
  }

  function tagResource(input: Input) {
    const s = findLive(input);
    for (const tag of readTags(input)) {
      const existing = s.tags.find((t) => t.Key === tag.Key);
      if (existing) existing.Value = tag.Value;
      else s.tags.push(tag);
    }
    s.changed = now();
    return {};
  }

  function untagResource(input: Input) {
    const s = findLive(input);
    const keys = optStrings(input, 'TagKeys') ?? [];
    s.tags = s.tags.filter((t) => !keys.includes(t.Key));
    s.changed = now();
    return {};
  }

  const handlers: Record<Operation, (input: Input) => object> = {
    CreateSecret: createSecret,
    GetSecretValue: getSecretValue,
    PutSecretValue: putSecretValue,
    UpdateSecretVersionStage: updateSecretVersionStage,
    DescribeSecret: describeSecret,
    ListSecrets: listSecrets,
    DeleteSecret: deleteSecret,
    RestoreSecret: restoreSecret,
    TagResource: tagResource,
    UntagResource: untagResource,
  };

  // ---- HTTP ----

  function accessCheck(op: Operation, input: Input): void {
    const id = op === 'CreateSecret' ? input.Name : input.SecretId;
    if (op === 'ListSecrets' || typeof id !== 'string') return;
    const name = lookup(id)?.name ?? id;
    if (!faults.accessDenied?.(name, op)) return;
    const message = `User: arn:aws:iam::${accountId}:user/test is not authorized to perform: secretsmanager:${op}`;
    throw new AwsError('AccessDeniedException', `${message} on resource: ${name}`);
  }

  /** Waits without holding the process open. */
  const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    /** A connection-level fault for this request (reset or slow), set once the operation is known. */
    let network: NetworkFault | undefined;
    res.on('error', () => {}); // writes to a socket a fault destroyed, or the client gave up on
    const gone = () => res.destroyed || req.socket.destroyed;
    const reply = (status: number, body: object, errorCode?: string) => {
      res.statusCode = status;
      res.setHeader('Content-Type', 'application/x-amz-json-1.1').setHeader('x-amzn-RequestId', randomUUID());
      if (errorCode) res.setHeader('x-amzn-ErrorType', errorCode);
      if (network) return void faultyReply(network, JSON.stringify(body));
      res.end(JSON.stringify(body)); // sets Content-Length
    };
    /** Sends the answer the way the network fault says: cut off, or late. */
    const faultyReply = async (fault: NetworkFault, text: string) => {
      if (fault.when === 'before-response') {
        if (fault.kind === 'reset') return void req.socket.destroy();
        await pause(fault.delayMs);
        if (!gone()) res.end(text);
        return;
      }
      const body = Buffer.from(text);
      const half = Math.max(1, Math.floor(body.length / 2));
      res.setHeader('Content-Length', body.length);
      res.flushHeaders();
      await new Promise<void>((resolve) => res.write(body.subarray(0, half), () => resolve()));
      if (fault.kind === 'reset') return void req.socket.destroy();
      await pause(fault.delayMs);
      if (!gone()) res.end(body.subarray(half));
    };
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const auth = req.headers.authorization;
      if (!auth) throw new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
      if (!auth.startsWith('AWS4-HMAC-SHA256 ')) {
        throw new AwsError('IncompleteSignature', 'The request signature does not conform to AWS standards.');
      }
      const target = String(req.headers['x-amz-target'] ?? '');
      const op = target.replace(/^secretsmanager\./, '') as Operation;
      if (req.method !== 'POST' || !target.startsWith('secretsmanager.') || !Object.hasOwn(handlers, op)) {
        throw new AwsError('UnknownOperationException', `Unknown operation ${target || '(no X-Amz-Target)'}`);
      }
      state.requests[op] = (state.requests[op] ?? 0) + 1;
      if (!String(req.headers['content-type']).startsWith('application/x-amz-json-1.1')) {
        throw new AwsError('SerializationException', 'Expected Content-Type application/x-amz-json-1.1');
      }
      let input: Input;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        throw new AwsError('SerializationException', 'The request body is not valid JSON.');
      }
      const chaos = drawChaos(op);
      const fault = takeFault(op) ?? chaos?.error;
      if (!fault) network = takeNetworkFault(op) ?? chaos?.network;
      if (fault) noteInjected({ operation: op, kind: fault.code, afterApply: fault.afterApply === true });
      if (network) {
        const kind = `${network.kind}${network.when === 'mid-response' ? '-mid-response' : ''}`;
        const afterApply = network.afterApply === true || network.when === 'mid-response';
        noteInjected({ operation: op, kind, afterApply });
        if (!afterApply && network.kind === 'reset') return void req.socket.destroy();
        if (!afterApply && network.kind === 'slow') {
          await pause(network.delayMs);
          if (gone()) return; // the client gave up: the request is never performed
          network = undefined; // still waiting: answered normally, only late
        }
      }
      if (fault && !fault.afterApply) throw new AwsError(fault.code, fault.message, fault.status);
      purgeExpired();
      accessCheck(op, input);
      const result = handlers[op](input);
      if (fault) throw new AwsError(fault.code, fault.message, fault.status);
      reply(200, result);
    } catch (error) {
      const e = error instanceof AwsError ? error : new AwsError('InternalServiceError', String(error), 500);
      reply(e.status, { __type: e.code, message: e.message }, e.code);
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  server.on('connection', (socket) => socket.unref()); // idle keep-alive sockets never hold the process open
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  server.unref();
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    state,
    faults,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

// ---- ListSecrets filters and paging --------------------------------------------------------------------------

type Filter = { Key: string; Values: string[] };
const FILTER_KEYS = ['description', 'name', 'tag-key', 'tag-value', 'primary-region', 'owning-service', 'all'];

function readFilters(value: unknown): Filter[] {
  const valid = (f: Filter) =>
    FILTER_KEYS.includes(f?.Key) && optStrings(f as unknown as Input, 'Values') !== undefined;
  if (value !== undefined && value !== null && !(Array.isArray(value) && value.every(valid))) {
    throw invalidParam(`Filters must be a list of {Key, Values}; Key is one of ${FILTER_KEYS.join(', ')}.`);
  }
  return (value ?? []) as Filter[];
}

/** Filters are ANDed and the values of one filter ORed; a value starting with '!' is negated. */
function matches(s: StoredSecret, filter: Filter): boolean {
  return filter.Values.some((raw) => {
    const negate = raw.startsWith('!');
    return fieldMatches(s, filter.Key, negate ? raw.slice(1) : raw) !== negate;
  });
}

function fieldMatches(s: StoredSecret, key: string, value: string): boolean {
  switch (key) {
    case 'name': // prefix, case-sensitive
      return s.name.startsWith(value);
    case 'description': // prefix, not case-sensitive
      return (s.description ?? '').toLowerCase().startsWith(value.toLowerCase());
    case 'tag-key':
      return s.tags.some((t) => t.Key.startsWith(value));
    case 'tag-value':
      return s.tags.some((t) => t.Value.startsWith(value));
    case 'all': {
      // Simplified: a case-insensitive substring of the name, the description or any tag key or value.
      const fields = [s.name, s.description ?? '', ...s.tags.flatMap((t) => [t.Key, t.Value])];
      return fields.some((f) => f.toLowerCase().includes(value.toLowerCase()));
    }
    default: // primary-region, owning-service: not modelled (no replicas, no service-managed secrets)
      return false;
  }
}

function decodeNextToken(token: string | undefined): number {
  if (token === undefined) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!match) throw new AwsError('InvalidNextTokenException', 'The NextToken value is invalid.');
  return Number(match[1]);
}
