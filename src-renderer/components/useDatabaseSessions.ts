// Who is connected to a profile's database, asked of the server when a dialog needs to say whom an
// action disconnects; `failure` when the server could not tell.
import { useEffect, useState } from 'react';
import type { ResetSession } from '../../src-shared/model/reset';
import { asError, call } from '../api/client';

export interface DatabaseSessions {
  sessions: ResetSession[] | undefined;
  failure: string | undefined;
}

export function useDatabaseSessions(profileId: string | undefined, wanted = true): DatabaseSessions {
  const [answer, setAnswer] = useState<DatabaseSessions>({ sessions: undefined, failure: undefined });
  useEffect(() => {
    setAnswer({ sessions: undefined, failure: undefined });
    if (!profileId || !wanted) return;
    let current = true;
    call('snapshots.sessions', { profileId }).then(
      (sessions) => current && setAnswer({ sessions, failure: undefined }),
      (error: unknown) => current && setAnswer({ sessions: undefined, failure: asError(error).message }),
    );
    return () => {
      current = false;
    };
  }, [profileId, wanted]);
  return answer;
}
