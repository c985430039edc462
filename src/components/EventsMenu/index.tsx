import type { ReactNode } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Badge, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Clock, Message, User } from '@nutui/icons-react-taro';
import { useI18n } from '../../hooks/useI18n';
import { useStore } from '../../stores/createStore';
import { refreshUnread, unreadStore } from '../../stores/events';
import { eventRoutes } from '../../utils/eventRoutes';
import './index.scss';
import { colors } from '../../styles/colors';

const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};

/**
 * The Me tab's activity entries: my activities, messages (with the unread count, also shown as
 * the tab's badge) and proxy consent. Refreshes the count whenever the tab is shown.
 */
export function EventsMenu() {
  const { t } = useI18n();
  const unread = useStore(unreadStore);

  useDidShow(() => {
    void refreshUnread();
  });

  return (
    <View className='linli-section linli-events-menu'>
      <CellGroup className='linli-events-menu__group'>
        <Cell className='linli-events-menu__mine' title={<EntryTitle icon={<Clock size={18} color={colors.ink2} />} text={t('events.me.myActivities')} />} clickable onClick={() => go(eventRoutes.myActivities)} />
        <Cell
          className='linli-events-menu__inbox'
          title={<EntryTitle icon={<Message size={18} color={colors.ink2} />} text={t('events.me.inbox')} />}
          extra={unread ? <Badge className='linli-events-menu__badge' value={unread} max={99} /> : undefined}
          clickable
          onClick={() => go(eventRoutes.inbox)}
        />
        <Cell className='linli-events-menu__proxies' title={<EntryTitle icon={<User size={18} color={colors.ink2} />} text={t('events.me.proxies')} />} clickable onClick={() => go(eventRoutes.proxies)} />
      </CellGroup>
    </View>
  );
}

interface EntryTitleProps {
  icon: ReactNode;
  text: string;
}

function EntryTitle({ icon, text }: EntryTitleProps) {
  return (
    <View className='linli-events-menu__title'>
      {icon}
      <Text>{text}</Text>
    </View>
  );
}
