export { KeyRing, sealedSubjectsOf } from './key-ring.ts';
export {
  companyKeyRing,
  copyKeys,
  destroyPersonKey,
  keyRingFor,
  PersonErasedError,
  sealingKeys,
} from './person-keys.ts';
export { readStoredPayloads, type StoredPayloadRow } from './read-payloads.ts';
export { openText, sealedSubject, sealText } from './seal-cipher.ts';
