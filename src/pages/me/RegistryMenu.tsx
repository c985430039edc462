import { useRef, type ReactNode } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Add, Category, Order, ShieldCheck } from '@nutui/icons-react-taro';
import { useI18n } from '../../hooks/useI18n';
import { pendingTotal, useStaffPending } from '../../hooks/useStaffPending';
import { moderationRoutes } from '../../utils/moderationRoutes';
import { foundPath, registryRoutes, reviewPath } from '../../utils/registryRoutes';
import { colors } from '../../styles/colors';

const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};

export interface RegistryMenuProps {
  /** The account's abilities (account.me): 'staff.console' opens the staff console and the review queue. */
  abilities: readonly string[];
}

/** The Me tab's community groups: start one, follow my applications, and (staff) review others'. */
export function RegistryMenu({ abilities }: RegistryMenuProps) {
  const { t } = useI18n();
  const isStaff = abilities.includes('staff.console');
  // Staff see at the door how much waits for them (the console breaks it down by queue).
  const pending = useStaffPending(isStaff);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && isStaff) void pending.reload();
    shown.current = true;
  });
  const total = pendingTotal(pending.data);
  const review = pending.data?.review ?? 0;
  const badge = (count: number) => (count > 0 ? <Text className='me__badge'>{t('moderation.me.waiting', { count })}</Text> : null);
  return (
    <View className='linli-section me__registry'>
      <Text className='linli-section__title'>{t('registry.me.section')}</Text>
      <CellGroup className='me__menu'>
        <Cell className='me__found' title={<Title icon={<Add size={18} color={colors.ink2} />} text={t('registry.me.found')} />} clickable onClick={() => go(foundPath())} />
        <Cell
          className='me__applications'
          title={<Title icon={<Order size={18} color={colors.ink2} />} text={t('registry.me.applications')} />}
          clickable
          onClick={() => go(registryRoutes.applications)}
        />
        {isStaff ? (
          <>
            <Cell
              className='me__staff'
              title={<Title icon={<Category size={18} color={colors.ink2} />} text={t('moderation.me.staff')} />}
              extra={badge(total)}
              align='center'
              clickable
              onClick={() => go(moderationRoutes.staff)}
            />
            <Cell
              className='me__review'
              title={<Title icon={<ShieldCheck size={18} color={colors.ink2} />} text={t('registry.me.review')} />}
              extra={badge(review)}
              align='center'
              clickable
              onClick={() => go(reviewPath())}
            />
          </>
        ) : null}
      </CellGroup>
    </View>
  );
}

function Title({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <View className='me__menu-title'>
      {icon}
      <Text>{text}</Text>
    </View>
  );
}
