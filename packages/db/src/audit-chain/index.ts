export {
  BUNDLE_FORMAT,
  type BundleCheckpoint,
  type BundleEnd,
  type BundleEvent,
  type BundleHeader,
  type BundleLine,
  bundleLine,
} from './bundle-format.ts';
export { GENESIS_HASH, type LinkFields, linkHash, payloadDigest, sha256Hex } from './chain-link.ts';
export {
  type CheckpointStatement,
  generateSigningKeyPem,
  keyIdOf,
  type SignedCheckpoint,
  type SigningKey,
  signCheckpoint,
  signingKeyFromPem,
  statementBytes,
  verifyCheckpointSignature,
} from './checkpoint-signature.ts';
export { type ExportOptions, exportCompanyBundle } from './export-bundle.ts';
export {
  type InclusionProof,
  proveInclusion,
  verifyInclusionProof,
} from './inclusion-proof.ts';
export { inclusionPath, leafHash, MerkleAccumulator, merkleRoot, rootFromPath } from './merkle.ts';
export { type SealOptions, type SealResult, sealCompanyLog } from './seal-log.ts';
export { type CheckpointResult, chainLeaves, signCompanyCheckpoint } from './sign-checkpoint.ts';
export {
  AUDIT_KEY_FILE_NAME,
  resolveAuditSigningKey,
  type SigningKeySource,
} from './signing-key-file.ts';
export {
  BundleVerifier,
  type VerifyOptions,
  type VerifyReport,
  verifyBundleText,
} from './verify-bundle.ts';
export {
  chainLength,
  type LiveVerifyOptions,
  type LiveVerifyReport,
  verifyCompanyLog,
} from './verify-live.ts';
