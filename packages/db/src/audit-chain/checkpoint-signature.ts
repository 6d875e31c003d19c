import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { canonicalJson } from '@aegira/events';

// Signed checkpoints (docs/decisions/017-signed-checkpoints.md): Ed25519 over the canonical
// JSON of the statement below. The private key never enters the database; the public key is
// published in every checkpoint and bundle as SPKI DER in base64url.

/** What a checkpoint asserts: the company's chain of `sequence` links ends in `headHash`. */
export interface CheckpointStatement {
  companyId: string;
  sequence: number;
  headHash: string;
  merkleRoot: string;
  /** ISO 8601, UTC, milliseconds. */
  signedAt: string;
  keyId: string;
}

export interface SignedCheckpoint extends CheckpointStatement {
  publicKey: string;
  signature: string;
}

export function statementBytes(statement: CheckpointStatement): Buffer {
  return Buffer.from(
    canonicalJson({
      format: 'aegira-audit-checkpoint',
      version: 1,
      companyId: statement.companyId,
      sequence: statement.sequence,
      headHash: statement.headHash,
      merkleRoot: statement.merkleRoot,
      signedAt: statement.signedAt,
      keyId: statement.keyId,
    }),
    'utf8',
  );
}

/** A key pair as the signer holds it. */
export interface SigningKey {
  privateKey: KeyObject;
  /** SPKI DER, base64url. */
  publicKey: string;
  /** The first 16 hex digits of SHA-256 of the SPKI DER: names the key in checkpoints. */
  keyId: string;
}

export function keyIdOf(publicKey: string): string {
  return createHash('sha256')
    .update(Buffer.from(publicKey, 'base64url'))
    .digest('hex')
    .slice(0, 16);
}

function publicKeyText(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64url');
}

/** The signing key of a PKCS#8 PEM text; throws unless it is Ed25519. */
export function signingKeyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`The audit signing key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
  }
  const publicKey = publicKeyText(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** A new Ed25519 key as PKCS#8 PEM. */
export function generateSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function signCheckpoint(
  key: SigningKey,
  statement: Omit<CheckpointStatement, 'keyId'>,
): SignedCheckpoint {
  const full: CheckpointStatement = { ...statement, keyId: key.keyId };
  const signature = sign(null, statementBytes(full), key.privateKey).toString('base64url');
  return { ...full, publicKey: key.publicKey, signature };
}

/**
 * Whether `checkpoint` was signed by `trustedPublicKey` (the auditor's copy; the checkpoint's
 * own key only counts when it is that key) and says what it says.
 */
export function verifyCheckpointSignature(
  checkpoint: SignedCheckpoint,
  trustedPublicKey: string,
): boolean {
  if (checkpoint.publicKey !== trustedPublicKey) return false;
  if (checkpoint.keyId !== keyIdOf(trustedPublicKey)) return false;
  try {
    const key = createPublicKey({
      key: Buffer.from(trustedPublicKey, 'base64url'),
      format: 'der',
      type: 'spki',
    });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(
      null,
      statementBytes(checkpoint),
      key,
      Buffer.from(checkpoint.signature, 'base64url'),
    );
  } catch {
    return false;
  }
}
