// The signed-in organisation for the pages: its key (api/session.ts) and who it is.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { discoverIdentity, type Identity } from './api/identity';
import { currentKey, forgetKey, onSessionEnded, storeKey } from './api/session';
import { navigate } from './router';

const identityKey = 'exchange.identity';

interface Session {
  identity?: Identity;
  signIn: (key: string) => Promise<Identity>;
  signOut: () => void;
}

const SessionContext = createContext<Session | undefined>(undefined);

function storedIdentity(): Identity | undefined {
  if (!currentKey()) return undefined;
  const text = sessionStorage.getItem(identityKey);
  return text ? (JSON.parse(text) as Identity) : undefined;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [identity, setIdentity] = useState<Identity | undefined>(storedIdentity);
  useEffect(
    () => onSessionEnded(() => {
      sessionStorage.removeItem(identityKey);
      setIdentity(undefined);
      navigate('/sign-in');
    }),
    [],
  );
  const signIn = async (key: string) => {
    storeKey(key);
    try {
      const found = await discoverIdentity();
      sessionStorage.setItem(identityKey, JSON.stringify(found));
      setIdentity(found);
      return found;
    } catch (e) {
      forgetKey();
      throw e;
    }
  };
  const signOut = () => {
    forgetKey('You signed out.');
    sessionStorage.removeItem(identityKey);
    setIdentity(undefined);
    navigate('/sign-in');
  };
  return <SessionContext.Provider value={{ identity, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

export function isCoordinator(identity: Identity | undefined) {
  return identity?.role === 'coordinator';
}

/** Implementation bodies log activities and claims for their projects; coordinators may too. */
export function mayLog(identity: Identity | undefined) {
  return identity?.role === 'implementation-body' || identity?.role === 'coordinator';
}
