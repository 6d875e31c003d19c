import { useState } from 'react';
import { DetailSection } from '../admin/detail-section.tsx';
import { LoadErrorPanel, LoadingPanel } from '../check-in/load-states.tsx';
import { NotificationList } from '../notifications/notification-list.tsx';
import { roleLabels } from '../shell/nav-items.ts';
import { trpc } from '../trpc/trpc.ts';
import { PageHeading } from '../ui/page-heading.tsx';
import { SuccessNotice } from '../ui/success-notice.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';
import { ProfileDetailsForm } from './profile-details-form.tsx';

/** /profile for every role: own name and phone, password, and notifications. */
export function ProfilePage() {
  const profile = trpc.profile.get.useQuery();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <PageHeading title="Your profile">Your profile</PageHeading>
        {profile.data && (
          <p className="text-slate-600">
            {profile.data.email} · {roleLabels[profile.data.role]}
            {profile.data.team ? ` · ${profile.data.team.name}` : ''}
          </p>
        )}
      </div>
      <SuccessNotice message={notice} onDismiss={() => setNotice(null)} />
      {profile.isError ? (
        <LoadErrorPanel
          title="We could not load your profile."
          error={profile.error}
          onRetry={() => void profile.refetch()}
          retrying={profile.isFetching}
        />
      ) : !profile.data ? (
        <LoadingPanel label="Loading your profile…" />
      ) : (
        <>
          <DetailSection title="Name and phone">
            {() => (
              <ProfileDetailsForm
                key={profile.data.updatedAt}
                profile={profile.data}
                onSaved={() => setNotice('Your details are saved.')}
              />
            )}
          </DetailSection>
          <DetailSection title="Password">
            {() => (
              <ChangePasswordForm
                onChanged={() =>
                  setNotice('Your password is changed. Your other sessions have been signed out.')
                }
              />
            )}
          </DetailSection>
          <DetailSection title="Notifications">
            {() => <NotificationList pageSize={10} />}
          </DetailSection>
        </>
      )}
    </div>
  );
}
