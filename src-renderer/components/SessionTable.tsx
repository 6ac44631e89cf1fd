// Who is connected to a database, as the server reports it: the Impact step, every restore and "snapshot first" show it.
import type { ResetSession } from '../../src-shared/model/reset';
import { formatMoment } from '../../src-shared/format/moment';

export function SessionTable({ sessions, label }: { sessions: ResetSession[]; label: string }) {
  return (
    <table className="reset-sessions" aria-label={label}>
      <thead>
        <tr>
          <th>User</th>
          <th>Application</th>
          <th>Client</th>
          <th>Since</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.pid}>
            <td>{s.user ?? '—'}</td>
            <td>{s.application ?? '—'}</td>
            <td>{s.clientAddress ?? 'local socket'}</td>
            <td>{s.since ? formatMoment(s.since) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
