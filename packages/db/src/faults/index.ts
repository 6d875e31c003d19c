// Test-only: fault-injection seams of the write path (decision 034). Not part of the main entry.

export { sql, type TransactionSql } from '../transaction-connections.ts';
export {
  type FaultHooks,
  FaultsInProductionError,
  faultsOf,
  installFaults,
} from './fault-hooks.ts';
