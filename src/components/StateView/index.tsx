/**
 * The three states every screen has besides its content: loading (skeleton cards), empty and
 * error (with retry). No remote images: icons stand in for NutUI Empty's default CDN pictures.
 */
import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro';
import { Failure, NetworkError } from '@nutui/icons-react-taro';
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
}

export function ErrorState({ message, onRetry }: ErrorStateProps) {
  const { t } = useI18n();
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
