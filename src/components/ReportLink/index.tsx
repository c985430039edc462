import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import type { ReportTargetType } from '../../shared/schemas/moderation';
import { useI18n } from '../../hooks/useI18n';
import { cx } from '../../utils/cx';
import { reportPath } from '../../utils/moderationRoutes';
import './index.scss';

export interface ReportLinkProps {
  type: ReportTargetType;
  id: string;
  /** What the reporter sees on the report page as a reminder. */
  title?: string;
  /** The group the item is shown on (refreshed when the report hides the item). */
  groupId?: string;
  className?: string;
}

/**
 * A quiet "report" link for content others wrote. It only opens the report page, which lives in
 * a subpackage: the main package stays within its size budget.
 */
export function ReportLink({ type, id, title, groupId, className }: ReportLinkProps) {
  const { t } = useI18n();
  return (
    <Text
      className={cx('linli-report-link', className)}
      data-report={type}
      onClick={(event) => {
        // Inside tappable cards the card's own tap must not fire too.
        event.stopPropagation();
        Taro.navigateTo({ url: reportPath(type, id, title, groupId) }).catch(() => undefined);
      }}
    >
      {t('moderation.report.link')}
    </Text>
  );
}
