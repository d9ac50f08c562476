import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type JSONWebKeySet, type JWK, SignJWT } from 'jose';

/** The signing key of the local issuer: the one key every gateway and `cors-gateway token` on this machine share. */
export interface LocalSigningKey {
  /** The key ID tokens carry in their header (the RFC 7638 thumbprint of the public key). */
  readonly kid: string;
  readonly privateKey: KeyObject;
  /** The public key as a JWK, with `kid`, `alg` and `use`. */
  readonly publicJwk: JWK;
  /** The file it is kept in. */
  readonly file: string;
}

const KEY_FILE = 'local-issuer-key.json';
const loaded = new Map<string, LocalSigningKey>();

/**
 * The folder the local issuer's key is kept in: `CORS_GATEWAY_KEY_DIR` when set, else
 * `$XDG_CACHE_HOME/cors-gateway`, else `~/.cache/cors-gateway`, else (no home folder) a folder of the OS's
 * temporary directory.
 */
export function defaultKeyDir(): string {
  const explicit = process.env.CORS_GATEWAY_KEY_DIR;
  if (explicit) return explicit;
  const cache = process.env.XDG_CACHE_HOME || (homedir() ? join(homedir(), '.cache') : '');
  return cache ? join(cache, 'cors-gateway') : join(tmpdir(), 'cors-gateway');
}

/**
 * The local issuer's signing key, read from `dir` — or created there (RSA 2048) when there is none yet, so
 * that a token minted by one process is accepted by every gateway on the machine. Two processes creating it
 * at once agree on one key: the file is linked into place only if it does not exist.
 * @param dir - the folder the key is kept in
 * @default dir defaultKeyDir()
 * @throws Error naming the file when it exists but holds no key
 */
export function localSigningKey(dir = defaultKeyDir()): LocalSigningKey {
  const cached = loaded.get(dir);
  if (cached) return cached;
  const file = join(dir, KEY_FILE);
  let pem = readKeyFile(file);
  if (pem === undefined) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const fresh = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const temporary = `${file}.${process.pid}.${Date.now()}`;
    writeFileSync(temporary, JSON.stringify({ privateKey: fresh }), { mode: 0o600 });
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(temporary, { force: true });
    }
    pem = readKeyFile(file);
    if (pem === undefined) throw new Error(`${file} could not be created`);
  }
  const key = signingKeyFrom(pem, file);
  loaded.set(dir, key);
  return key;
}

/** The JWKS of the local issuer: what a user pool's `/.well-known/jwks.json` would serve. */
export function localJwks(key: LocalSigningKey): JSONWebKeySet {
  return { keys: [key.publicJwk] };
}

/**
 * Signs `claims` as a JWT (RS256) with the local issuer's key.
 * @example
 * ```ts
 * const token = await signLocalToken(localSigningKey(), { iss, sub: 'local-user', exp });
 * ```
 */
export function signLocalToken(
  key: LocalSigningKey,
  claims: Readonly<Record<string, unknown>>,
): Promise<string> {
  return new SignJWT({ ...claims }).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
}

function readKeyFile(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = JSON.parse(text) as { privateKey?: unknown };
  if (typeof parsed.privateKey !== 'string') {
    throw new Error(`${file} holds no "privateKey"; delete it and a new local issuer key is made`);
  }
  return parsed.privateKey;
}

function signingKeyFrom(pem: string, file: string): LocalSigningKey {
  const privateKey = createPrivateKey(pem);
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' }) as { n: string; e: string };
  const thumbprint = createHash('sha256')
    .update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n }))
    .digest('base64url');
  return {
    kid: thumbprint,
    privateKey,
    publicJwk: { kty: 'RSA', n: jwk.n, e: jwk.e, kid: thumbprint, alg: 'RS256', use: 'sig' },
    file,
  };
}
