import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity } from '../../../src-main/contract';
import { FieldDetailTable } from '../../components/FieldDetailTable';
import { RecordLoader } from '../../components/RecordLoader';
import { useBaseLookup } from '../../lib/base-data';
import { ActivityForm } from './ActivityForm';
import { ActivityShow } from './ActivityShow';
import { activityFieldRows } from './activityFieldRows';

export const ActivityCreatePage = () => <ActivityForm />;

export const ActivityShowPage = () => (
  <RecordLoader channel="activities.get">{(a) => <ActivityShow key={a.id} activity={a} />}</RecordLoader>
);

// Keyed by version: after a save elsewhere, the form starts again from what is stored.
export const ActivityEditPage = () => (
  <RecordLoader channel="activities.get">
    {(a) => <ActivityForm key={`${a.id}:${a.version}`} activity={a} />}
  </RecordLoader>
);

function ActivityFieldTable({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  return (
    <FieldDetailTable
      title={t('activities.fieldTableTitle', { subject: activity.subject })}
      rows={activityFieldRows(activity, t, lookup, { links: false })}
      actions={
        <Button component={Link} to={`/activities/${activity.id}`} variant="default">
          {t('actions.back')}
        </Button>
      }
    />
  );
}

export const ActivityFieldTablePage = () => (
  <RecordLoader channel="activities.get">{(a) => <ActivityFieldTable activity={a} />}</RecordLoader>
);
