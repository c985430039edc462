import Taro from '@tarojs/taro';
import { Clock } from '@nutui/icons-react-taro';
import { PageRoot } from '../../components/PageRoot';
import { EmptyState } from '../../components/StateView';
import { useI18n } from '../../hooks/useI18n';
import { routes } from '../../utils/routes';
import './index.scss';

/** The Activities tab: activities are not built yet, so an honest "coming soon" instead of sample data. */
export default function ActivitiesPage() {
  const { t } = useI18n();
  return (
    <PageRoot titleKey='titles.activities' tab className='activities'>
      <EmptyState
        className='activities__coming'
        title={t('activities.comingTitle')}
        description={t('activities.comingDescription')}
        icon={<Clock size={44} color='#e8590c' />}
        action={{ text: t('activities.browseGroups'), onClick: () => void Taro.switchTab({ url: routes.home }).catch(() => undefined) }}
      />
    </PageRoot>
  );
}
