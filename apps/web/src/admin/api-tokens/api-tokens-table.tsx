import { Badge, type BadgeTone } from '../../ui/badge.tsx';
import { Button } from '../../ui/button.tsx';
import { DataTable, rowClassName, tdClassName, thClassName } from '../../ui/table.tsx';
import { formatInstant } from '../format-instant.ts';
import {
  type ApiToken,
  type ApiTokenStatus,
  prefixDisplay,
  scopeDescriptions,
  scopeLabels,
  statusLabels,
} from './api-token-values.ts';

type ApiTokensTableProps = {
  apiTokens: readonly ApiToken[];
  /** The zone dates are shown in: the browser's, as expiry dates are chosen in it. */
  timeZone: string;
  onRevoke: (apiToken: ApiToken) => void;
};

const statusTones: Record<ApiTokenStatus, BadgeTone> = {
  active: 'green',
  expired: 'amber',
  revoked: 'slate',
};

const headings = ['Name and prefix', 'Scope', 'Created', 'Expires', 'Status'];

export function ApiTokensTable({ apiTokens, timeZone, onRevoke }: ApiTokensTableProps) {
  return (
    <DataTable
      caption="API tokens, newest first"
      head={
        <tr>
          {headings.map((heading) => (
            <th key={heading} scope="col" className={thClassName}>
              {heading}
            </th>
          ))}
          <th scope="col" className={`${thClassName} text-right`}>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      }
    >
      {apiTokens.map((apiToken) => (
        <ApiTokenRow
          key={apiToken.id}
          apiToken={apiToken}
          timeZone={timeZone}
          onRevoke={onRevoke}
        />
      ))}
    </DataTable>
  );
}

function When({ iso, timeZone }: { iso: string; timeZone: string }) {
  return <time dateTime={iso}>{formatInstant(iso, timeZone)}</time>;
}

function ApiTokenRow({
  apiToken,
  timeZone,
  onRevoke,
}: { apiToken: ApiToken } & Omit<ApiTokensTableProps, 'apiTokens'>) {
  return (
    <tr className={rowClassName}>
      <th scope="row" className={`${tdClassName} min-w-36 font-normal`}>
        <span className="block font-medium text-slate-900">{apiToken.name}</span>
        <code className="mt-0.5 block font-mono text-xs whitespace-nowrap text-slate-600">
          {prefixDisplay(apiToken.prefix)}
        </code>
      </th>
      <td className={`${tdClassName} min-w-44`}>
        <span className="block font-medium text-slate-900">{scopeLabels[apiToken.scope]}</span>
        <span className="block text-xs text-slate-500">{scopeDescriptions[apiToken.scope]}</span>
      </td>
      <td className={tdClassName}>
        <When iso={apiToken.createdAt} timeZone={timeZone} />
        <span className="block text-xs text-slate-500">by {apiToken.createdBy.name}</span>
      </td>
      <td className={tdClassName}>
        {apiToken.expiresAt === null ? (
          'Never'
        ) : (
          <When iso={apiToken.expiresAt} timeZone={timeZone} />
        )}
      </td>
      <td className={tdClassName}>
        <Badge tone={statusTones[apiToken.status]}>{statusLabels[apiToken.status]}</Badge>
        {apiToken.revokedAt !== null && (
          <span className="mt-1 block text-xs text-slate-500">
            on <When iso={apiToken.revokedAt} timeZone={timeZone} />
          </span>
        )}
      </td>
      <td className={`${tdClassName} text-right`}>
        {apiToken.status === 'active' && (
          <Button
            variant="secondary"
            className="px-3 py-1.5 text-xs"
            aria-label={`Revoke ${apiToken.name}`}
            onClick={() => onRevoke(apiToken)}
          >
            Revoke
          </Button>
        )}
      </td>
    </tr>
  );
}
