/**
 * The three states every screen has besides its content: loading (skeleton cards), empty and
 * error (with retry; or, when the record no longer exists, "gone" with a way home). No remote
 * images: icons stand in for NutUI Empty's default CDN pictures.
 */
import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro';
import { Failure, NetworkError, Search } from '@nutui/icons-react-taro';
import type { ClientErrorCode } from '../../services/cloud';
import { routes } from '../../utils/routes';
import { useI18n } from '../../hooks/useI18n';
import './index.scss';
import { colors } from '../../styles/colors';

export interface LoadingStateProps {
  /** How many placeholder cards. */
  cards?: number;
}

export function LoadingState({ cards = 3 }: LoadingStateProps) {
  const { t } = useI18n();
  return (
    <View className='linli-state linli-state--loading' aria-busy='true' aria-label={t('common.loading')}>
      {Array.from({ length: cards }, (_, i) => (
        <View key={i} className='linli-state__skeleton linli-card'>
          <Skeleton rows={1} width='40%' animated />
          <Skeleton rows={2} animated />
        </View>
      ))}
    </View>
  );
}

export interface EmptyAction {
  text: string;
  onClick: () => void;
}

export interface EmptyStateProps {
  title: string;
  description?: string;
  icon?: ReactNode;
  action?: EmptyAction;
  className?: string;
}

export function EmptyState({ title, description, icon, action, className }: EmptyStateProps) {
  return (
    <View className={`linli-state linli-state--empty ${className ?? ''}`}>
      <Empty
        image={<View className='linli-state__icon'>{icon ?? <Failure size={40} color={colors.decoration} />}</View>}
        title={title}
        description={description ?? ''}
      >
        {action ? <StateAction text={action.text} onClick={action.onClick} /> : null}
      </Empty>
    </View>
  );
}

export interface ErrorStateProps {
  message: string;
  onRetry: () => void;
  /**
   * The failure's code (useAsync's `errorCode`). NOT_FOUND means the record was deleted or never
   * existed (an old shared link): retrying cannot help, so the page says so and offers the way
   * home instead of the network-error picture and "try again".
   */
  code?: ClientErrorCode | null;
  /** What is gone, said plainly (group.gone: "this group no longer exists"); defaults to a generic line. */
  goneTitle?: string;
}

export function ErrorState({ message, onRetry, code, goneTitle }: ErrorStateProps) {
  const { t } = useI18n();
  if (code === 'NOT_FOUND') return <GoneState title={goneTitle ?? t('common.goneTitle')} />;
  return (
    <View className='linli-state linli-state--error' role='alert'>
      <Empty
        status='error'
        image={
          <View className='linli-state__icon linli-state__icon--error'>
            <NetworkError size={40} color={colors.primary} />
          </View>
        }
        title={t('common.errorTitle')}
        description={message}
      >
        <StateAction text={t('common.retry')} onClick={onRetry} />
      </Empty>
    </View>
  );
}

export interface GoneStateProps {
  title: string;
}

/** A record that no longer exists (or a link to nothing): say so, and lead home. */
export function GoneState({ title }: GoneStateProps) {
  const { t } = useI18n();
  const goHome = () => {
    // reLaunch: the home tab with nothing stacked above it (the gone page has nothing to go back to).
    Taro.reLaunch({ url: routes.home }).catch(() => undefined);
  };
  return (
    <View className='linli-state linli-state--gone' role='status'>
      <Empty
        image={
          <View className='linli-state__icon'>
            <Search size={40} color={colors.decoration} />
          </View>
        }
        title={title}
        description={t('common.goneHint')}
      >
        <StateAction text={t('common.goHome')} onClick={goHome} />
      </Empty>
    </View>
  );
}

/** The one button under an empty or error state (NutUI Empty's `actions` typing is broken). */
function StateAction({ text, onClick }: EmptyAction) {
  return (
    <View className='linli-state__action'>
      <Button type='primary' size='large' onClick={onClick}>
        {text}
      </Button>
    </View>
  );
}
