// The signed-in session as React sees it: who is signed in and the one socket they share.
import { createContext, useContext } from 'react';
import type { User } from '../api/http.ts';
import type { Transport } from '../sync/transport.ts';

export interface Session {
  user: User;
  transport: Transport;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside a signed-in session');
  return session;
}
