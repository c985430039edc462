import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Cart, Checked, Clock, Gift, Notice, Order, Service, Star } from '@nutui/icons-react-taro';
import type { GroupCard } from '../../shared/schemas/groups';
import { useI18n } from '../../hooks/useI18n';
import { volunteerRoutes } from '../../utils/volunteerRoutes';
import { colors } from '../../styles/colors';

const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};

export interface VolunteerMenuProps {
  /** The account's abilities (account.me): 'staff.console' adds the staff entries. */
  abilities: readonly string[];
  /** My groups (memberships.mine): leading one adds the review and proof queues. */
  groups: readonly GroupCard[];
}

/**
 * The Me tab's volunteer entries. Everything opens the package-volunteer subpackage; the hours
 * page itself offers registration to whoever has not registered, so no extra call is made here.
 */
export function VolunteerMenu({ abilities, groups }: VolunteerMenuProps) {
  const { t } = useI18n();
  const staff = abilities.includes('staff.console');
  const leads = groups.some((group) => group.myMembership?.status === 'active' && group.myMembership.role !== 'member');
  return (
    <View className='linli-section me__volunteer'>
      <Text className='linli-section__title'>{t('volunteer.me.section')}</Text>
      <CellGroup className='me__menu'>
        <Cell className='me__volunteer-hours' title={<Title icon={<Clock size={18} color={colors.ink2} />} text={t('volunteer.me.volunteer')} />} clickable onClick={() => go(volunteerRoutes.hours)} />
        <Cell className='me__credits' title={<Title icon={<Star size={18} color={colors.ink2} />} text={t('volunteer.me.credits')} />} clickable onClick={() => go(volunteerRoutes.credits)} />
        <Cell className='me__store' title={<Title icon={<Gift size={18} color={colors.ink2} />} text={t('volunteer.me.store')} />} clickable onClick={() => go(volunteerRoutes.store)} />
        <Cell className='me__proofs' title={<Title icon={<Order size={18} color={colors.ink2} />} text={t('volunteer.me.proofs')} />} clickable onClick={() => go(volunteerRoutes.proofs)} />
        <Cell className='me__rollcalls' title={<Title icon={<Notice size={18} color={colors.ink2} />} text={t('volunteer.me.rollcall')} />} clickable onClick={() => go(volunteerRoutes.rollcall)} />
        <Cell className='me__care' title={<Title icon={<Service size={18} color={colors.ink2} />} text={t('care.entry.mine')} />} clickable onClick={() => go('/package-care/mine/index')} />
        {staff || leads ? (
          <>
            <Cell className='me__hours-review' title={<Title icon={<Checked size={18} color={colors.ink2} />} text={t('volunteer.me.review')} />} clickable onClick={() => go(volunteerRoutes.review)} />
            <Cell className='me__proof-issue' title={<Title icon={<Service size={18} color={colors.ink2} />} text={t('volunteer.me.issue')} />} clickable onClick={() => go(volunteerRoutes.issue)} />
          </>
        ) : null}
        {staff ? (
          <Cell className='me__store-admin' title={<Title icon={<Cart size={18} color={colors.ink2} />} text={t('volunteer.me.storeAdmin')} />} clickable onClick={() => go(volunteerRoutes.storeAdmin)} />
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
