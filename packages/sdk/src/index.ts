// The router's types, erased at run time: the SDK needs nothing of the API but its shape.
export type { AppRouter, RouterInputs, RouterOutputs } from '@aegira/api';
export {
  type AegiraClient,
  type AegiraClientOptions,
  createAegiraClient,
} from './aegira-client.ts';
export {
  AegiraError,
  type AegiraErrorCode,
  type AegiraErrorDetails,
  toAegiraError,
} from './aegira-error.ts';
export { type CsvValue, csvField, toCsv } from './csv.ts';
