import { SessionGate } from './session/session-gate.tsx';
import { TrpcProvider } from './trpc/trpc-provider.tsx';

export function App() {
  return (
    <TrpcProvider>
      <SessionGate />
    </TrpcProvider>
  );
}
